// The local store at scale: 10,000 secrets in 100 vaults.
// Figures: cold open in a fresh process (and the scrypt key derivation it overlaps with), cold open with a
// near-instant master key (as with the OS keychain), listSecrets / describe / reveal latency, update
// latency p50/p99 (each update is a durable atomic rewrite of the whole file under the cross-process
// lock), peak memory.
// Anchors, run side by side on the same data: JSON.parse of the file; a cold open of the same store
// written in format 1, which goes through the full-validation path that every open took before format 2;
// fs.writeFile of the same bytes without fsync, and a bare durable write (temp + fsync + rename + fsync
// folder) of the same bytes.
import { bundleForBench } from './bench-bundle.mjs';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const VAULTS = 100;
const SECRETS_PER_VAULT = 100;
const PASSPHRASE = 'bench passphrase';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, '.bench', 'local-store.cjs');
const require = createRequire(import.meta.url);

function percentile(samples, fraction) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}
const ms = (value) => `${value.toFixed(2)} ms`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function buildBundle() {
  await bundleForBench('local-store', [
    "export * from './src/core/stores/local';",
    "export * from './src/core/stores/local/document';",
    "export { serializeFormat1Store } from './src/core/stores/local/format-1';",
    "export { loadHomeKeys } from './src/core/keys';",
    "export { seal, keyedFingerprint, deriveKeyFromPassphrase } from './src/core/crypto';",
  ]);
}

/** Writes the 10k-secret store file directly (10k API writes would each rewrite the whole file). */
async function createFixture(home, library, scryptParameters) {
  const keys = await library.loadHomeKeys({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' }, scryptParameters);
  const body = library.emptyBody(randomUUID(), keys.homeId);
  const fingerprintKey = keys.subkey('local-store/fingerprints');
  const now = new Date().toISOString();
  for (let vaultIndex = 0; vaultIndex < VAULTS; vaultIndex++) {
    const vault = `vault-${String(vaultIndex).padStart(3, '0')}`;
    const secrets = {};
    for (let secretIndex = 0; secretIndex < SECRETS_PER_VAULT; secretIndex++) {
      const key = `secret-${String(secretIndex).padStart(3, '0')}`;
      const value = `sk_live_${vaultIndex}_${secretIndex}_${'x'.repeat(32)}`;
      const sealed = library.seal(keys.dataKey, Buffer.from(value), library.valueContext(body.storeId, vault, key, 1));
      secrets[key] = {
        createdAt: now,
        updatedAt: now,
        description: `Secret ${secretIndex} of ${vault}`,
        fingerprint: library.keyedFingerprint(fingerprintKey, value),
        versions: [{ version: 1, createdAt: now, ...sealed }],
      };
    }
    body.vaults[vault] = { createdAt: now, updatedAt: now, secrets };
  }
  writeFileSync(path.join(home, 'store.json'), library.serializeStore(body, keys.subkey('local-store/mac')), { mode: 0o600 });
  return { body, macKey: keys.subkey('local-store/mac') };
}

/** The same store written in format 1, beside the key file it belongs to. */
function createFormat1Copy(home, format1Home, fixture, library) {
  mkdirSync(format1Home, { recursive: true });
  copyFileSync(path.join(home, 'key.json'), path.join(format1Home, 'key.json'));
  writeFileSync(path.join(format1Home, 'store.json'), library.serializeFormat1Store(fixture.body, fixture.macKey), { mode: 0o600 });
}

function coldOpens(home, runs = 3) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold-open', home], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    results.push(JSON.parse(child.stdout));
  }
  const median = results.sort((left, right) => left.open - right.open)[Math.floor(runs / 2)];
  if (median.secrets !== VAULTS * SECRETS_PER_VAULT) throw new Error(`expected ${VAULTS * SECRETS_PER_VAULT} secrets, saw ${median.secrets}`);
  return median;
}

/** Child mode: a cold open in a fresh process; prints JSON figures. */
async function coldOpen(home) {
  const started = performance.now();
  const library = require(bundle);
  const loaded = performance.now();
  const store = await library.openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
  const opened = performance.now();
  const vaults = await store.listVaults();
  const listed = performance.now();
  const kdfStarted = performance.now();
  await library.deriveKeyFromPassphrase(PASSPHRASE, Buffer.alloc(16));
  const kdf = performance.now() - kdfStarted;
  console.log(
    JSON.stringify({
      require: loaded - started,
      open: opened - loaded,
      listVaults: listed - opened,
      kdf,
      vaults: vaults.length,
      secrets: vaults.reduce((sum, vault) => sum + vault.secretCount, 0),
      maxRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

/** Child mode, the anchor for a cold open: read and JSON.parse the same file in a fresh process. */
function coldParse(home) {
  const started = performance.now();
  JSON.parse(readFileSync(path.join(home, 'store.json'), 'utf8'));
  console.log(JSON.stringify({ parse: performance.now() - started }));
}

function durableWrite(file, bytes) {
  const temporary = `${file}.anchor-tmp`;
  const descriptor = openSync(temporary, 'w', 0o600);
  writeSync(descriptor, bytes);
  fsyncSync(descriptor);
  closeSync(descriptor);
  renameSync(temporary, file);
  const folder = openSync(path.dirname(file), 'r');
  fsyncSync(folder);
  closeSync(folder);
}

async function main() {
  if (process.argv[2] === '--cold-open') return coldOpen(process.argv[3]);
  if (process.argv[2] === '--cold-parse') return coldParse(process.argv[3]);
  await buildBundle();
  const library = require(bundle);
  const home = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-bench-'));
  try {
    const fixtureStarted = performance.now();
    const fixture = await createFixture(home, library);
    const storeFile = path.join(home, 'store.json');
    const fileSize = statSync(storeFile).size;
    console.log(`fixture: ${VAULTS} vaults x ${SECRETS_PER_VAULT} secrets, store.json ${mib(fileSize)} (written in ${ms(performance.now() - fixtureStarted)})`);
    const format1Home = path.join(home, 'format-1');
    createFormat1Copy(home, format1Home, fixture, library);
    // A master key that takes no time to derive stands in for one read from the OS keychain.
    const quickKeyHome = path.join(home, 'quick-key');
    mkdirSync(quickKeyHome);
    await createFixture(quickKeyHome, library, { N: 1024, r: 1, p: 1 });

    // Interleaved, so a change in the machine's load hits both sides alike.
    const cold = coldOpens(home);
    const coldFormat1 = coldOpens(format1Home);
    const coldQuickKey = coldOpens(quickKeyHome);

    const parseSamples = [];
    for (let run = 0; run < 3; run++) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold-parse', home], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      parseSamples.push(JSON.parse(child.stdout).parse);
    }
    const parseAnchor = percentile(parseSamples, 0.5);
    const openWithoutKdf = cold.open - cold.kdf;
    console.log(`cold open (fresh process, median of 3): ${ms(cold.open)}; the scrypt key derivation alone takes ${ms(cold.kdf)}, and reading, parsing and verifying the file overlap with it (open - scrypt = ${ms(openWithoutKdf)}); bundle require ${ms(cold.require)}; first listVaults ${ms(cold.listVaults)}`);
    console.log(`anchor: cold open of the same store written in format 1 (full validation, as every open was before format 2): ${ms(coldFormat1.open)}  -> format 2 is ${(coldFormat1.open / cold.open).toFixed(2)}x faster`);
    console.log(`cold open with a near-instant master key (as with the OS keychain): ${ms(coldQuickKey.open)}; first listVaults ${ms(coldQuickKey.listVaults)}`);
    console.log(`peak memory of the cold-open process (maxRSS): ${mib(cold.maxRss)}`);
    console.log(`anchor: read + JSON.parse of the same file in a fresh process (median of 3): ${ms(parseAnchor)}  -> open with a near-instant key is ${(coldQuickKey.open / parseAnchor).toFixed(1)}x`);

    const store = await library.openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off', actor: 'bench' });
    const listSamples = [];
    const describeSamples = [];
    const revealSamples = [];
    for (let run = 0; run < 300; run++) {
      const vault = `vault-${String(run % VAULTS).padStart(3, '0')}`;
      const key = `secret-${String((run * 7) % SECRETS_PER_VAULT).padStart(3, '0')}`;
      let started = performance.now();
      await store.listSecrets(vault);
      listSamples.push(performance.now() - started);
      started = performance.now();
      await store.describeSecret({ vault, key });
      describeSamples.push(performance.now() - started);
      if (run < 100) {
        started = performance.now();
        await store.revealSecret({ vault, key });
        revealSamples.push(performance.now() - started);
      }
    }
    console.log(`listSecrets (100 secrets, warm): p50 ${ms(percentile(listSamples, 0.5))}, p99 ${ms(percentile(listSamples, 0.99))}`);
    console.log(`describeSecret (warm): p50 ${ms(percentile(describeSamples, 0.5))}, p99 ${ms(percentile(describeSamples, 0.99))}`);
    console.log(`revealSecret (decrypt + audit append): p50 ${ms(percentile(revealSamples, 0.5))}, p99 ${ms(percentile(revealSamples, 0.99))}`);

    const updateSamples = [];
    const plainWriteSamples = [];
    const durableWriteSamples = [];
    const wholeRewriteSamples = [];
    const anchorFile = path.join(home, 'anchor.json');
    for (let run = 0; run < 60; run++) {
      const vault = `vault-${String(run % VAULTS).padStart(3, '0')}`;
      let started = performance.now();
      await store.updateSecret({ vault, key: 'secret-000', value: `rotated-${run}` });
      updateSamples.push(performance.now() - started);
      const bytes = readFileSync(storeFile);
      started = performance.now();
      writeFileSync(anchorFile, bytes);
      plainWriteSamples.push(performance.now() - started);
      started = performance.now();
      durableWrite(anchorFile, bytes);
      durableWriteSamples.push(performance.now() - started);
      started = performance.now();
      durableWrite(anchorFile, library.serializeFormat1Store(fixture.body, fixture.macKey));
      wholeRewriteSamples.push(performance.now() - started);
    }
    const updateP50 = percentile(updateSamples, 0.5);
    const plainP50 = percentile(plainWriteSamples, 0.5);
    const durableP50 = percentile(durableWriteSamples, 0.5);
    console.log(`updateSecret (lock + re-check + encrypt + MAC + durable rewrite + audit): p50 ${ms(updateP50)}, p99 ${ms(percentile(updateSamples, 0.99))}`);
    console.log(`anchor fs.writeFile of the same bytes, no fsync: p50 ${ms(plainP50)}  -> update is ${(updateP50 / plainP50).toFixed(1)}x`);
    console.log(`anchor bare durable write (temp + fsync + rename + fsync folder): p50 ${ms(durableP50)}  -> update is ${(updateP50 / durableP50).toFixed(1)}x`);
    const wholeP50 = percentile(wholeRewriteSamples, 0.5);
    console.log(`anchor JSON.stringify + MAC of the whole body + durable write (the write path before format 2, without lock or audit): p50 ${ms(wholeP50)}  -> update is ${(updateP50 / wholeP50).toFixed(2)}x`);
    console.log(`peak memory of this process (maxRSS, includes the fixture build): ${mib(process.resourceUsage().maxRSS * 1024)}`);
    await store.close();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
