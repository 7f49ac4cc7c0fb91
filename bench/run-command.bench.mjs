// `secret-manager run` as a user runs it. Figures, side by side with the anchor of starting the same
// command directly (`node -e 0`): the median wall time of `run -- node -e 0` with no reference (start-up
// only), with one reference from an env file on a passphrase store (plus the scrypt unlock and the
// read), masked and with --no-masking. Goal: under 100 ms more than the direct start.
// Then the masking throughput on 100 MB of output: the masker alone in-process (64 KiB writes, two
// values), and end to end, a child writing 100 MB through `run` against the same child with --no-masking.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleForBench, root } from './bench-bundle.mjs';

const cli = path.join(root, 'dist/cli.js');
const RUNS = 15;
const GOAL_MS = 100;
const home = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-run-bench-'));
const codeCache = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-run-bench-code-cache-'));
const env = { ...process.env, SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'bench passphrase', SECRET_MANAGER_KEYCHAIN: 'off', SECRET_MANAGER_CODE_CACHE: codeCache };
const value = `bench-value-${Math.random().toString(36).slice(2)}`;

function median(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(args, stdio = 'pipe') {
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env, cwd: home, stdio, input: '' , maxBuffer: 1 << 30 });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}

function once(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, cwd: home, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

try {
  spawnSync(process.execPath, [cli, 'vault', 'create', 'bench-vault'], { env });
  spawnSync(process.execPath, [cli, 'secret', 'create', '--vault-name', 'bench-vault', '--name', 'bench-key', '--value-stdin'], { env, input: value });
  writeFileSync(path.join(home, '.env'), 'PORT=8080\nBENCH_KEY=secret-manager://bench-vault/bench-key\n');
  // Fill the code cache the way a user's first run does.
  timeProcess([cli, 'run', '--env-file', '.env', '--', process.execPath, '-e', '0']);

  const direct = timeProcess(['-e', '0']);
  const empty = timeProcess([cli, 'run', '--', process.execPath, '-e', '0']);
  const masked = timeProcess([cli, 'run', '--env-file', '.env', '--', process.execPath, '-e', '0']);
  const unmasked = timeProcess([cli, 'run', '--no-masking', '--env-file', '.env', '--', process.execPath, '-e', '0']);
  console.log(`start-up, median of ${RUNS} (goal: under ${GOAL_MS} ms more than direct)`);
  console.log(`  node -e 0 directly                         ${direct.toFixed(1)} ms`);
  console.log(`  run -- node -e 0 (no reference)            ${empty.toFixed(1)} ms  (+${(empty - direct).toFixed(1)} ms)`);
  console.log(`  run --env-file .env (1 reference, masked)  ${masked.toFixed(1)} ms  (+${(masked - direct).toFixed(1)} ms)`);
  console.log(`  run --no-masking --env-file .env           ${unmasked.toFixed(1)} ms  (+${(unmasked - direct).toFixed(1)} ms)`);

  const { createOutputMasker } = (await bundleForBench('output-masker', ["export { createOutputMasker } from './src/core/run/output-masker';"])).load();
  const chunk = 'x'.repeat(40) + ` ${value} ` + 'log line with text that is no value\n'.repeat(1800);
  const chunks = Math.ceil((100 * 1024 * 1024) / chunk.length);
  const masker = createOutputMasker([value, 'another-value-that-never-appears']);
  const started = performance.now();
  let shown = 0;
  for (let index = 0; index < chunks; index += 1) shown += masker.write(chunk).length;
  shown += masker.end().length;
  const maskMs = performance.now() - started;
  const megabytes = (chunks * chunk.length) / (1024 * 1024);
  console.log(`masking ${megabytes.toFixed(0)} MB in ${chunk.length}-character writes, in-process`);
  console.log(`  masker          ${maskMs.toFixed(0)} ms  (${(megabytes / (maskMs / 1000)).toFixed(0)} MB/s, ${shown} characters shown)`);

  const writer = `const b = Buffer.from(${JSON.stringify(chunk)} .replace(${JSON.stringify(value)}, process.env.BENCH_KEY)); for (let i = 0; i < ${chunks}; i++) process.stdout.write(b);`;
  const throughMasked = once([cli, 'run', '--env-file', '.env', '--', process.execPath, '-e', writer]);
  const throughUnmasked = once([cli, 'run', '--no-masking', '--env-file', '.env', '--', process.execPath, '-e', writer]);
  console.log(`end to end: a child writing ${megabytes.toFixed(0)} MB (stdout to /dev/null)`);
  console.log(`  run (masked)        ${throughMasked.toFixed(0)} ms  (${(megabytes / (throughMasked / 1000)).toFixed(0)} MB/s)`);
  console.log(`  run --no-masking    ${throughUnmasked.toFixed(0)} ms`);
  if (masked - direct > GOAL_MS) {
    console.log(`over the goal: run adds ${(masked - direct).toFixed(0)} ms`);
  }
} finally {
  rmSync(home, { recursive: true, force: true });
  rmSync(codeCache, { recursive: true, force: true });
}
