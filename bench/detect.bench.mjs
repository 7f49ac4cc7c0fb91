// Detection engine vs secretlint's recommended preset alone, on the same generated TypeScript:
// a 300-line and a 10,000-line file, warm medians (interleaved runs) and cold starts (fresh processes,
// interleaved too). secretlint's profiler is off on both sides (our engine turns it off; left on, it
// marks every rule run and costs secretlint about 10%).
// "With a store present": our engine on the 10,000-line file with the fingerprint matcher of a real
// local store of 1,000 secrets, as the extension and `scan` run when a store exists.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { generateTypeScript } from './detect-fixtures.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engineBundle = path.join(repository, 'dist/detect.js');
const libraryBundle = path.join(repository, 'dist/library.js');
const STORED_SECRETS = 1_000;
const presetConfig = `{ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }] }`;

const median = (values) => [...values].sort((left, right) => left - right)[values.length >> 1];
const format = (milliseconds) => `${milliseconds.toFixed(2)} ms`;

/**
 * A local store of STORED_SECRETS secrets in a temporary home, created through the library with the
 * keychain off (passphrase only), and its fingerprint matcher.
 */
async function createStore() {
  const { openStore } = require(libraryBundle);
  const home = mkdtempSync(path.join(os.tmpdir(), 'detect-bench-store-'));
  const started = performance.now();
  const store = await openStore({ kind: 'local', home, passphrase: 'detect bench passphrase', keychain: 'off', env: {}, actor: 'detect-bench' });
  const opened = performance.now();
  // There is no batch write: each createSecret rewrites the store file (durably, under its lock).
  for (let vault = 0; vault < 10; vault += 1) {
    const vaultName = `vault-${vault}`;
    await store.createVault(vaultName);
    for (let secret = 0; secret < STORED_SECRETS / 10; secret += 1) {
      await store.createSecret({ vault: vaultName, key: `secret-${secret}`, value: fakeCredentialValue(vault * 1000 + secret) });
    }
  }
  const created = performance.now();
  const matcher = await store.fingerprintMatcher();
  return {
    matcher,
    openMilliseconds: opened - started,
    createMilliseconds: created - opened,
    matcherMilliseconds: performance.now() - created,
    close: async () => {
      await store.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A stored value shaped like the credentials people keep: provider tokens, passwords, hex keys. */
function fakeCredentialValue(index) {
  const random = randomBytes(48);
  switch (index % 4) {
    case 0:
      return ['sk', '_live_', random.toString('base64url').slice(0, 32)].join('');
    case 1:
      return random.toString('hex').slice(0, 40);
    case 2:
      return random.toString('base64url').slice(0, 20);
    default:
      return random.toString('base64');
  }
}

async function warm(store) {
  const { createDetector } = require(engineBundle);
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const { secretLintProfiler } = await import('@secretlint/profiler');
  secretLintProfiler.setEnabled(false);
  const config = eval(`(${presetConfig})`);
  const detector = createDetector();
  // The whole preset on every file, as before gating (see src/core/detect/rule-gate.ts).
  const ungated = createDetector({}, { gatePresetRules: false });
  const rows = [];
  for (const [lines, runs] of [[300, 200], [10_000, 40]]) {
    const text = generateTypeScript(lines, 100);
    const filePath = path.join(repository, 'bench-input.ts');
    const ours = [];
    const anchor = [];
    const oursUngated = [];
    const oursWithStore = [];
    let ourFindings = 0;
    let anchorFindings = 0;
    let withStoreFindings = 0;
    const runOurs = async () => (ourFindings = (await detector.detect({ text, filePath })).length);
    const runWithStore = async () => (withStoreFindings = (await detector.detect({ text, filePath, fingerprintMatcher: store.matcher })).length);
    const runUngated = async () => ungated.detect({ text, filePath });
    const runAnchor = async () =>
      (anchorFindings = (
        await lintSource({
          source: { content: text, filePath, ext: '.ts', contentType: 'text' },
          options: { config, maskSecrets: true, noPhysicFilePath: true },
        })
      ).messages.length);
    // The store-present row is for the large file only.
    const withStore = lines === 10_000 ? [[runWithStore, oursWithStore]] : [];
    for (let run = 0; run < runs + 5; run += 1) {
      // Alternate which goes first, so neither always pays for the other's garbage.
      const order =
        run % 2 === 0
          ? [[runOurs, ours], [runAnchor, anchor], [runUngated, oursUngated], ...withStore]
          : [...withStore, [runUngated, oursUngated], [runAnchor, anchor], [runOurs, ours]];
      for (const [action, samples] of order) {
        const started = performance.now();
        await action();
        if (run >= 5) samples.push(performance.now() - started);
      }
    }
    rows.push({
      lines,
      kb: (Buffer.byteLength(text) / 1024).toFixed(0),
      ours: median(ours),
      anchor: median(anchor),
      ungated: median(oursUngated),
      withStore: oursWithStore.length > 0 ? median(oursWithStore) : undefined,
      ourFindings,
      anchorFindings,
      withStoreFindings,
    });
  }
  return rows;
}

/** One fresh process: load the code, then diagnose a 300-line file once. */
function coldScript(which) {
  const script =
    which === 'ours'
      ? `const started = performance.now();
         const { createDetector } = require(${JSON.stringify(engineBundle)});
         const loaded = performance.now();
         import(${JSON.stringify(path.join(repository, 'bench/detect-fixtures.mjs'))}).then(async ({ generateTypeScript }) => {
           const text = generateTypeScript(300, 100);
           const first = performance.now();
           await createDetector().detect({ text, filePath: 'input.ts' });
           console.log(JSON.stringify({ load: loaded - started, first: performance.now() - first }));
         });`
      : `const started = performance.now();
         Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend'), import('@secretlint/profiler')]).then(async ([{ lintSource }, { creator }, { secretLintProfiler }]) => {
           secretLintProfiler.setEnabled(false);
           const loaded = performance.now();
           const { generateTypeScript } = await import(${JSON.stringify(path.join(repository, 'bench/detect-fixtures.mjs'))});
           const text = generateTypeScript(300, 100);
           const first = performance.now();
           await lintSource({ source: { content: text, filePath: 'input.ts', ext: '.ts', contentType: 'text' }, options: { config: ${presetConfig}, maskSecrets: true, noPhysicFilePath: true } });
           console.log(JSON.stringify({ load: loaded - started, first: performance.now() - first }));
         });`;
  return script;
}

/** Cold starts, ours and the anchor's interleaved (ours, anchor, anchor, ours, …) so a busy moment hits both. */
function cold(runs = 7) {
  const scripts = { ours: coldScript('ours'), anchor: coldScript('anchor') };
  const samples = { ours: [], anchor: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const which of run % 2 === 0 ? ['ours', 'anchor'] : ['anchor', 'ours']) {
      const result = spawnSync(process.execPath, ['-e', scripts[which]], { cwd: repository, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      samples[which].push(JSON.parse(result.stdout));
    }
  }
  const summary = (list) => ({ load: median(list.map((sample) => sample.load)), first: median(list.map((sample) => sample.first)) });
  return { ours: summary(samples.ours), anchor: summary(samples.anchor) };
}

console.log('Detection: our engine (preset + project rules + suppression) vs @secretlint/core with the recommended preset alone.');
console.log("Same input, runs interleaved; warm figures are medians; secretlint's profiler off on both sides.");
const store = await createStore();
console.log(
  `  store for the "with a store present" row: ${STORED_SECRETS} secrets in 10 vaults, created through the library ` +
    `(keychain off, passphrase) in ${(store.createMilliseconds / 1000).toFixed(1)} s (open ${format(store.openMilliseconds)}, ` +
    `one createSecret each, ${format(store.createMilliseconds / STORED_SECRETS)} per secret); fingerprintMatcher() ${format(store.matcherMilliseconds)}`,
);
let rows;
try {
  rows = await warm(store);
} finally {
  await store.close();
}
for (const row of rows) {
  console.log(
    `  ${String(row.lines).padStart(6)} lines (${row.kb} KB): ours ${format(row.ours)} (${row.ourFindings} findings), ` +
      `secretlint ${format(row.anchor)} (${row.anchorFindings} findings), ratio ours/secretlint ${(row.ours / row.anchor).toFixed(2)}×; ` +
      `ours without preset gating ${format(row.ungated)} (gating ×${(row.ungated / row.ours).toFixed(2)} faster)`,
  );
  if (row.withStore !== undefined) {
    console.log(
      `  ${String(row.lines).padStart(6)} lines, with a store present (${STORED_SECRETS} secrets): ours ${format(row.withStore)} (${row.withStoreFindings} findings), ` +
        `ratio ours/secretlint ${(row.withStore / row.anchor).toFixed(2)}× (goal: at or below 1.50×); ` +
        `the store adds ${format(row.withStore - row.ours)} (×${(row.withStore / row.ours).toFixed(2)} ours without a store)`,
    );
  }
}
const { ours, anchor } = cold();
console.log(
  `  cold, 300 lines: ours load ${format(ours.load)} + first ${format(ours.first)}; ` +
    `secretlint load ${format(anchor.load)} + first ${format(anchor.first)}; ratio ${((ours.load + ours.first) / (anchor.load + anchor.first)).toFixed(2)}×`,
);
