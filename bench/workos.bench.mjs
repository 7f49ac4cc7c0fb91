// The WorkOS store's cost of opening the tree, against the stand-in of the WorkOS Vault API on 127.0.0.1, with
// WorkOS's own SDK as the client. Figures: opening the tree on 1,000 objects in 10 vaults (listVaults, then
// listSecrets of every vault), over 10 pages of 100. Anchor, run side by side against the same server: a bare
// fetch + JSON.parse of the same 10 pages, so the ratio is what the SDK and the store add, not the network.
// Also shown: what the other vault mapping (a vault per key context) would cost, since the list carries no
// context: the same pages plus one describe per object.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { bundleForBench } from './bench-bundle.mjs';

const OBJECTS = 1000;
const VAULTS = 10;
const PAGE_SIZE = 100;
const ROUNDS = 30;
const DESCRIBE_CONCURRENCY = 8;
const API_KEY = ['sk', 'test', 'bench', String(process.pid)].join('_');
const require = createRequire(import.meta.url);

const bundle = await bundleForBench('workos', [
  "export { openWorkosStore } from './src/core/stores/workos';",
  "export { WorkosStandIn } from './test/support/workos-stand-in';",
]);
const { openWorkosStore, WorkosStandIn } = bundle.load();

function median(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}
const ms = (value) => `${value.toFixed(2)} ms`;

async function timeRounds(action, rounds = ROUNDS) {
  for (let warm = 0; warm < 3; warm++) await action(warm);
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await action(round);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function bareGet(url, pathAndQuery) {
  const response = await fetch(`${url}${pathAndQuery}`, { headers: { Authorization: `Bearer ${API_KEY}`, Accept: 'application/json' } });
  return JSON.parse(await response.text());
}

async function barePages(url) {
  const objects = [];
  let after = '';
  do {
    const page = await bareGet(url, `/vault/v1/kv?limit=${PAGE_SIZE}&order=asc${after ? `&after=${after}` : ''}`);
    objects.push(...page.data);
    after = page.list_metadata.after ?? '';
  } while (after);
  return objects;
}

const standIn = await WorkosStandIn.start({ apiKeys: [API_KEY] });
for (let index = 0; index < OBJECTS; index++) {
  const vault = `vault-${index % VAULTS}`;
  standIn.seed(`${vault}/secret-${String(index).padStart(4, '0')}`, `value-${index}`, { organization_id: `org_${index % VAULTS}` });
}

// Each round stands for a fresh tree open, with a store opened for it (the SDK client included), so no listing
// is reused from the round before. The rounds alternate with the bare rounds, so both run in the same conditions.
const open = () => openWorkosStore({ apiKey: API_KEY, baseUrl: standIn.url, env: {}, pageSize: PAGE_SIZE, fingerprints: false, storeHome: '/nonexistent-bench-home' });
async function openTree() {
  const store = await open();
  const vaults = await store.listVaults();
  const counts = await Promise.all(vaults.map(async (vault) => (await store.listSecrets(vault.name)).length));
  if (counts.reduce((sum, count) => sum + count, 0) !== OBJECTS) throw new Error('wrong count');
}
async function bareTree() {
  const objects = await barePages(standIn.url);
  if (objects.length !== OBJECTS) throw new Error(`listed ${objects.length}`);
}
// The SDK alone, for how much of the ratio is the SDK's: its listObjects, page after page, nothing of ours.
const { WorkOS } = require('@workos-inc/node');
const endpoint = new URL(standIn.url);
const sdk = new WorkOS({ apiKey: API_KEY, apiHostname: endpoint.hostname, https: false, port: Number(endpoint.port) });
async function sdkPages() {
  let count = 0;
  let after;
  do {
    const page = await sdk.vault.listObjects({ limit: PAGE_SIZE, after, order: 'asc' });
    count += page.data.length;
    after = page.listMetadata.after ?? undefined;
  } while (after);
  if (count !== OBJECTS) throw new Error(`listed ${count}`);
}
const treeSamples = [];
const bareSamples = [];
const sdkSamples = [];
const order = [[openTree, treeSamples], [bareTree, bareSamples], [sdkPages, sdkSamples]];
for (let round = 0; round < 5 + ROUNDS; round++) {
  for (const [action, samples] of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
    const started = performance.now();
    await action();
    if (round >= 5) samples.push(performance.now() - started);
  }
}
const treeOpen = median(treeSamples);
const bare = median(bareSamples);
const sdkOnly = median(sdkSamples);

// The context mapping: the pages, then a describe per object to learn its context.
const contextMapping = await timeRounds(async () => {
  const objects = await barePages(standIn.url);
  const queue = [...objects];
  await Promise.all(
    Array.from({ length: DESCRIBE_CONCURRENCY }, async () => {
      for (let object = queue.shift(); object; object = queue.shift()) await bareGet(standIn.url, `/vault/v1/kv/${object.id}/metadata`);
    }),
  );
}, 5);

await standIn.close();
console.log(`tree open, ${OBJECTS} objects in ${VAULTS} vaults over ${OBJECTS / PAGE_SIZE} pages (listVaults + listSecrets of each vault): ${ms(treeOpen)} median`);
console.log(`  bare fetch of the same pages: ${ms(bare)} median; ratio ${(treeOpen / bare).toFixed(2)}x (goal < 1.5x)`);
console.log(`  the SDK's listObjects alone over the same pages: ${ms(sdkOnly)} median; ${(sdkOnly / bare).toFixed(2)}x the bare fetch`);
console.log(`  the other mapping, a vault per key context (pages + ${OBJECTS} describes, ${DESCRIBE_CONCURRENCY} at a time, bare fetch): ${ms(contextMapping)} median; ${(contextMapping / bare).toFixed(1)}x the pages`);
