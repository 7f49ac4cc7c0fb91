// `secret-manager run` as a user runs it. Start-up, side by side with the anchor of starting the same
// command directly (`node -e 0`), the cases interleaved round by round: `run -- node -e 0` with no
// reference (start-up only); with one reference from an env file on a store whose master key is in the
// OS keychain (the default user's case on a desktop, and the goal's row: under 100 ms more than the
// direct start); the same on a passphrase store (scrypt, by design slow, inside the timed run); and with
// --no-masking. Each row is the median over the rounds of its time minus the same round's direct start.
// The keychain row needs a Secret Service: without one in the environment, this bench starts itself
// again under scripts/with-keyring.sh (a private gnome-keyring on a private D-Bus session) when
// dbus-run-session and gnome-keyring-daemon are installed, and otherwise skips that row and says why.
// Every row runs without NODE_EXTRA_CA_CERTS, as a default user's shell has it. Node 20 parses that file
// at every start, before any code runs (about 50 ms for a system bundle, nodejs/node#40524), and
// `run` is one more Node start: when this shell sets it, two more rows show the start with it too.
// Then the masking throughput on 100 MB of output: the masker alone in-process (64 KiB writes, two
// values), and end to end, a child writing 100 MB through `run` against the same child with --no-masking.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleForBench, root } from './bench-bundle.mjs';
import { keychainEnvironment, keySources, runUnderPrivateKeyring } from './private-keyring.mjs';

const ROUNDS = 15;
const GOAL_MS = 100;

const keychainSkipReason = runUnderPrivateKeyring(import.meta.url);

const cli = path.join(root, 'dist/cli.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-run-bench-'));
const codeCache = mkdtempSync(path.join(os.tmpdir(), 'secret-manager-run-bench-code-cache-'));
const value = `bench-value-${Math.random().toString(36).slice(2)}`;
const { SECRET_MANAGER_PASSPHRASE: _passphrase, SECRET_MANAGER_KEYCHAIN: _keychain, NODE_EXTRA_CA_CERTS: extraCertificates, ...inherited } = process.env;
const passphraseHome = path.join(scratch, 'passphrase');
const keychainHome = path.join(scratch, 'keychain');
/** The passphrase store: the keychain turned off, so the master key comes from scrypt. */
const passphraseEnv = { ...inherited, SECRET_MANAGER_HOME: passphraseHome, SECRET_MANAGER_PASSPHRASE: 'bench passphrase', SECRET_MANAGER_KEYCHAIN: 'off', SECRET_MANAGER_CODE_CACHE: codeCache };
/** The default user's store: no passphrase, the keychain as it comes (auto). */
const { NODE_EXTRA_CA_CERTS: _alsoExtraCertificates, ...keychainEnv } = keychainEnvironment(keychainHome, { SECRET_MANAGER_CODE_CACHE: codeCache });

function median(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(args, env, cwd) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, cwd, stdio: 'pipe', input: '', maxBuffer: 1 << 30 });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

function once(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: passphraseEnv, cwd: passphraseHome, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

/** Makes a store holding bench-vault/bench-key and a .env referencing it; returns why not, if it could not. */
function makeStore(env, home) {
  const vault = spawnSync(process.execPath, [cli, 'vault', 'create', 'bench-vault'], { env, encoding: 'utf8' });
  if (vault.status !== 0) return vault.stderr.trim().split('\n')[0];
  const secret = spawnSync(process.execPath, [cli, 'secret', 'create', '--vault-name', 'bench-vault', '--name', 'bench-key', '--value-stdin'], { env, input: value, encoding: 'utf8' });
  if (secret.status !== 0) throw new Error(`secret create exited ${secret.status}: ${secret.stderr}`);
  writeFileSync(path.join(home, '.env'), 'PORT=8080\nBENCH_KEY=secret-manager://bench-vault/bench-key\n');
  return undefined;
}

try {
  if (makeStore(passphraseEnv, passphraseHome) !== undefined) throw new Error('the passphrase store could not be made');
  let keychainSkip = keychainSkipReason;
  if (keychainSkip === undefined) {
    const refused = makeStore(keychainEnv, keychainHome);
    if (refused !== undefined) keychainSkip = `the store could not be made with the keychain on: ${refused.slice(0, 200)}`;
    else if (keySources(keychainHome) !== 'keychain') keychainSkip = `the store's master key came from ${keySources(keychainHome)}, not the keychain alone`;
  }

  const node = ['-e', '0'];
  const direct = { label: 'node -e 0 directly', args: node, env: passphraseEnv, cwd: passphraseHome };
  const withCertificates = (env) => ({ ...env, NODE_EXTRA_CA_CERTS: extraCertificates });
  const directWithCertificates = { label: 'node -e 0 directly, NODE_EXTRA_CA_CERTS as in this shell', args: node, env: withCertificates(passphraseEnv), cwd: passphraseHome };
  const cases = [
    direct,
    { label: 'run -- node -e 0 (no reference)', args: [cli, 'run', '--', process.execPath, ...node], env: passphraseEnv, cwd: passphraseHome },
    {
      label: 'run --env-file .env, keychain store (1 reference, masked)',
      args: [cli, 'run', '--env-file', '.env', '--', process.execPath, ...node],
      env: keychainEnv,
      cwd: keychainHome,
      goal: true,
      skip: keychainSkip,
    },
    { label: 'run --env-file .env, passphrase store (1 reference, masked)', args: [cli, 'run', '--env-file', '.env', '--', process.execPath, ...node], env: passphraseEnv, cwd: passphraseHome },
    { label: 'run --no-masking --env-file .env, passphrase store', args: [cli, 'run', '--no-masking', '--env-file', '.env', '--', process.execPath, ...node], env: passphraseEnv, cwd: passphraseHome },
  ];
  if (extraCertificates) {
    cases.push(directWithCertificates, {
      label: 'run --env-file .env, keychain store, NODE_EXTRA_CA_CERTS too',
      args: [cli, 'run', '--env-file', '.env', '--', process.execPath, ...node],
      env: withCertificates(keychainEnv),
      cwd: keychainHome,
      baseline: directWithCertificates,
      skip: keychainSkip,
    });
  }
  const measured = cases.filter((entry) => entry.skip === undefined);
  // Fill the code cache the way a user's first runs do.
  for (const entry of measured) timed(entry.args, entry.env, entry.cwd);
  const samples = new Map(measured.map((entry) => [entry, []]));
  const overheads = new Map(measured.map((entry) => [entry, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const times = new Map(measured.map((entry) => [entry, timed(entry.args, entry.env, entry.cwd)]));
    for (const [entry, time] of times) {
      samples.get(entry).push(time);
      overheads.get(entry).push(time - times.get(entry.baseline ?? direct));
    }
  }
  console.log(`start-up, medians of ${ROUNDS} interleaved rounds; +ms is the median of each round's time minus its direct start`);
  console.log(`goal: the keychain row (the default user's case) under ${GOAL_MS} ms more than the direct start`);
  for (const entry of cases) {
    const name = `${entry.goal ? '* ' : '  '}${entry.label}`.padEnd(64);
    if (entry.skip !== undefined) {
      console.log(`${name}skipped: ${entry.skip}`);
      continue;
    }
    const time = `${median(samples.get(entry)).toFixed(1)} ms`.padStart(10);
    console.log(entry === direct || entry === directWithCertificates ? `${name}${time}` : `${name}${time}  (+${median(overheads.get(entry)).toFixed(1)} ms)`);
  }
  const goalCase = cases.find((entry) => entry.goal);
  if (goalCase.skip !== undefined) {
    console.log(`goal row not measured (${goalCase.skip})`);
  } else {
    const overhead = median(overheads.get(goalCase));
    console.log(`goal ${overhead < GOAL_MS ? 'met' : 'NOT met'}: run adds ${overhead.toFixed(0)} ms with a keychain store (goal < ${GOAL_MS} ms)`);
    const withThisShell = cases.find((entry) => entry.baseline === directWithCertificates && entry.skip === undefined);
    if (withThisShell) console.log(`  with this shell's NODE_EXTRA_CA_CERTS, which every Node start parses: ${median(overheads.get(withThisShell)).toFixed(0)} ms more`);
  }

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
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(codeCache, { recursive: true, force: true });
}
