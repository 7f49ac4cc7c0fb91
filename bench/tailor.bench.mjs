// The Tailor store's client overhead, against the stand-in server on 127.0.0.1 (the cloud cannot run here).
// Figures: listSecrets of a 1,000-secret vault (10 pages of 100), describeSecret, createSecret (no ledger).
// Anchors, run side by side against the same server: the same Connect calls made with bare fetch + JSON.parse,
// so the ratio is what the store adds (zod validation, paging, error mapping), not the network.
import { bundleForBench } from './bench-bundle.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const SECRETS = 1000;
const PAGE_SIZE = 100;
const ROUNDS = 30;
const WORKSPACE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const TOKEN = 'bench-token';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, '.bench', 'tailor.cjs');
const require = createRequire(import.meta.url);

async function buildBundle() {
  await bundleForBench('tailor', [
    "export { openTailorStore } from './src/core/stores/tailor';",
    "export { TailorStandIn } from './test/support/tailor-stand-in';",
  ]);
}

function median(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}
const ms = (value) => `${value.toFixed(2)} ms`;

async function timeRounds(action) {
  for (let warm = 0; warm < 3; warm++) await action(warm);
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await action(round);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function bareCall(url, method, body) {
  const response = await fetch(`${url}/tailor.v1.OperatorService/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Connect-Protocol-Version': '1', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  return JSON.parse(await response.text());
}

await buildBundle();
const { openTailorStore, TailorStandIn } = require(bundle);
const standIn = await TailorStandIn.start({ tokens: [TOKEN], maxPageSize: PAGE_SIZE });
const secrets = {};
for (let index = 0; index < SECRETS; index++) secrets[`secret-${String(index).padStart(4, '0')}`] = `value-${index}`;
standIn.seedVault(WORKSPACE, 'big-vault', secrets);
standIn.seedVault(WORKSPACE, 'writes');
const store = await openTailorStore({ token: TOKEN, workspaceId: WORKSPACE, baseUrl: standIn.url, env: {}, pageSize: PAGE_SIZE, fingerprints: false });

const listStore = await timeRounds(async () => {
  const listed = await store.listSecrets('big-vault');
  if (listed.length !== SECRETS) throw new Error(`listed ${listed.length}`);
});
const listBare = await timeRounds(async () => {
  let count = 0;
  let pageToken = '';
  do {
    const page = await bareCall(standIn.url, 'ListSecretManagerSecrets', {
      workspaceId: WORKSPACE,
      secretmanagerVaultName: 'big-vault',
      pageSize: PAGE_SIZE,
      pageDirection: 'PAGE_DIRECTION_ASC',
      ...(pageToken ? { pageToken } : {}),
    });
    count += page.secrets.length;
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  if (count !== SECRETS) throw new Error(`listed ${count}`);
});
const describeStore = await timeRounds(() => store.describeSecret({ vault: 'big-vault', key: 'secret-0500' }));
const describeBare = await timeRounds(() =>
  bareCall(standIn.url, 'GetSecretManagerSecret', { workspaceId: WORKSPACE, secretmanagerVaultName: 'big-vault', secretmanagerSecretName: 'secret-0500' }),
);
const createStore = await timeRounds((round) => store.createSecret({ vault: 'writes', key: `store-${round}-${Date.now()}`, value: 'v' }));
const createBare = await timeRounds((round) =>
  bareCall(standIn.url, 'CreateSecretManagerSecret', {
    workspaceId: WORKSPACE,
    secretmanagerVaultName: 'writes',
    secretmanagerSecretName: `bare-${round}-${Date.now()}`,
    secretmanagerSecretValue: 'v',
  }),
);
await standIn.close();

console.log(`listSecrets, ${SECRETS} secrets in ${SECRETS / PAGE_SIZE} pages: ${ms(listStore)} median (bare fetch anchor ${ms(listBare)}, ratio ${(listStore / listBare).toFixed(2)}x)`);
console.log(`describeSecret: ${ms(describeStore)} median (bare fetch anchor ${ms(describeBare)}, ratio ${(describeStore / describeBare).toFixed(2)}x)`);
console.log(`createSecret: ${ms(createStore)} median (bare fetch anchor ${ms(createBare)}, ratio ${(createStore / createBare).toFixed(2)}x)`);
