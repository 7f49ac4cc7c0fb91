// The CLI as a user runs it: a fresh `node dist/cli.js` process per command.
// Figures: median wall time of `--help` (start-up and argument parsing only), of `vault list`
// and `secret get` on a passphrase store (start-up + scrypt unlock + file read), and of
// `secret create` (the same plus a durable write), plus the in-process library cost of
// client.resolve on an open store.
// Anchors, run side by side: a bare `node -e 0` process, and a bare process that only
// derives the same scrypt key (N=2^15, r=8), so the ratios show what the CLI adds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const require = createRequire(import.meta.url);
const RUNS = 15;
const PASSPHRASE = 'bench passphrase';

const home = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-cli-bench-'));
// V8's code cache of the CLI's bundles (src/cli/code-cache.ts), filled by the first run of each command.
const codeCache = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-cli-bench-code-cache-'));
const env = { ...process.env, SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE, SECRET_MANAGER_CODE_CACHE: codeCache };

function median(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(args, input = '', extraEnv = {}) {
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, input, encoding: 'utf8' });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}

function row(name, milliseconds, anchor, anchorName) {
  console.log(`${name.padEnd(34)} ${milliseconds.toFixed(1).padStart(7)} ms   ${(milliseconds / anchor).toFixed(2)}× ${anchorName}`);
}

try {
  spawnSync(process.execPath, [cli, 'vault', 'create', 'bench-vault'], { env });
  spawnSync(process.execPath, [cli, 'secret', 'create', '--vault-name', 'bench-vault', '--name', 'bench-key'], { env, input: 'bench-value' });

  const bareNode = timeProcess(['-e', '0']);
  const scryptOnly = timeProcess([
    '-e',
    `require('node:crypto').scryptSync(${JSON.stringify(PASSPHRASE)}, Buffer.alloc(16), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })`,
  ]);
  const help = timeProcess([cli, '--help']);
  const list = timeProcess([cli, 'vault', 'list']);
  const listWithoutCodeCache = timeProcess([cli, 'vault', 'list'], '', { SECRET_MANAGER_CODE_CACHE: 'off' });
  const get = timeProcess([cli, 'secret', 'get', '--vault-name', 'bench-vault', '--name', 'bench-key']);
  let counter = 0;
  const createSamples = [];
  for (let run = 0; run < RUNS; run += 1) {
    counter += 1;
    const started = performance.now();
    spawnSync(process.execPath, [cli, 'secret', 'create', '--vault-name', 'bench-vault', '--name', `key-${counter}`], { env, input: 'v' });
    createSamples.push(performance.now() - started);
  }
  const create = median(createSamples);

  console.log(`median of ${RUNS} fresh processes each`);
  row('anchor: node -e 0', bareNode, bareNode, 'bare node');
  row('anchor: node + scrypt derivation', scryptOnly, bareNode, 'bare node');
  row('secret-manager --help', help, bareNode, 'bare node');
  row('secret-manager vault list', list, scryptOnly, 'node + scrypt');
  row('  the same without the code cache', listWithoutCodeCache, scryptOnly, 'node + scrypt');
  row('secret-manager secret get', get, scryptOnly, 'node + scrypt');
  row('secret-manager secret create', create, scryptOnly, 'node + scrypt');

  const library = require(path.join(root, 'dist/library.js'));
  const client = await library.openStore({ home, passphrase: PASSPHRASE, keychain: 'off' });
  const resolveSamples = [];
  for (let run = 0; run < 200; run += 1) {
    const started = performance.now();
    await client.resolve({ vault: 'bench-vault', key: 'bench-key' });
    resolveSamples.push(performance.now() - started);
  }
  const describeSamples = [];
  for (let run = 0; run < 200; run += 1) {
    const started = performance.now();
    await client.describeSecret({ vault: 'bench-vault', key: 'bench-key' });
    describeSamples.push(performance.now() - started);
  }
  await client.close();
  const resolveMedian = median(resolveSamples);
  const describeMedian = median(describeSamples);
  console.log(`library, open store, median of 200`);
  console.log(`${'anchor: client.describeSecret'.padEnd(34)} ${describeMedian.toFixed(3).padStart(7)} ms`);
  console.log(`${'client.resolve (decrypt + audit)'.padEnd(34)} ${resolveMedian.toFixed(3).padStart(7)} ms   ${(resolveMedian / describeMedian).toFixed(2)}× describe`);
} finally {
  rmSync(home, { recursive: true, force: true });
  rmSync(codeCache, { recursive: true, force: true });
}
