// `secret-manager scan --history` on a generated repository of many commits, as a user runs it
// (a fresh `node dist/cli.js` process). Figures: median wall time and throughput in MB of diff per
// second. Anchor, run side by side: a plain `git log -p` of the same range sent to /dev/null (the
// floor: git producing the diff, nothing reading it). Goal: under 3× the floor's time. The scans run
// without NODE_EXTRA_CA_CERTS, as a default user's shell has it: Node 20 parses that file at every start
// (about 50 ms for a system bundle, nodejs/node#40524), a cost git, the floor, never pays.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { createBenchStore, STORE_PASSPHRASE, STORE_SECRETS } from './scan-store.mjs';
import { keychainEnvironment, keySources, runUnderPrivateKeyring } from './private-keyring.mjs';

const keychainSkipReason = runUnderPrivateKeyring(import.meta.url);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const RUNS = 5;
const COMMITS = Number(process.env.HISTORY_BENCH_COMMITS ?? 3000);
const FILES = 150;
const LINES_PER_CHANGE = 40;

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const words = ['order', 'customer', 'invoice', 'amount', 'currency', 'status', 'retry', 'handler', 'payload', 'client', 'request', 'response', 'total', 'items', 'region'];
const word = () => words[randomBytes(1)[0] % words.length];

function moduleText(commit) {
  const lines = [`// revision ${commit}`, `import { ${word()}Service } from './${word()}';`];
  for (let line = 2; line < LINES_PER_CHANGE; line += 1) {
    const kind = line % 5;
    if (kind === 0) lines.push(`export function ${word()}${line}(${word()}: string, ${word()}: number): boolean {`);
    else if (kind === 1) lines.push(`  const ${word()}${commit} = await ${word()}Service.fetch('/api/${word()}/${line}', { ${word()}: ${line} });`);
    else if (kind === 2) lines.push(`  if (!${word()}) throw new Error('the ${word()} of ${word()} ${line} is missing');`);
    else if (kind === 3) lines.push(`  return ${word()}.${word()}(${commit}) > ${line};`);
    else lines.push('}');
  }
  // Now and then a credential, assembled here so no token-shaped literal sits in the repository.
  if (commit % 97 === 0) lines.push(`export const token = "${['gh', 'p_', randomBytes(27).toString('base64').replace(/[^A-Za-z0-9]/g, 'a').slice(0, 36)].join('')}";`);
  return `${lines.join('\n')}\n`;
}

/** A repository of COMMITS commits, each rewriting one of FILES files, written through git fast-import. */
function generateRepository(folder) {
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', folder], { env: gitEnv });
  let stream = '';
  for (let commit = 1; commit <= COMMITS; commit += 1) {
    const content = Buffer.from(moduleText(commit));
    const message = `change ${commit}`;
    stream += `commit refs/heads/main\nmark :${commit}\ncommitter Bench <bench@example.invalid> ${1700000000 + commit * 60} +0000\ndata ${message.length}\n${message}\n`;
    if (commit > 1) stream += `from :${commit - 1}\n`;
    stream += `M 100644 inline src/module${commit % FILES}.ts\ndata ${content.length}\n${content.toString()}\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: folder, input: stream, env: gitEnv, maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '--quiet', 'main'], { cwd: folder, env: gitEnv });
}

function median(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run) {
  const samples = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'history-scan-bench-'));
const home = mkdtempSync(path.join(os.tmpdir(), 'history-scan-bench-home-'));
const storeHome = mkdtempSync(path.join(os.tmpdir(), 'history-scan-bench-store-'));
const keychainStoreHome = mkdtempSync(path.join(os.tmpdir(), 'history-scan-bench-keychain-store-'));
try {
  generateRepository(folder);
  const diffBytes = execFileSync('git', ['log', '-p', 'HEAD'], { cwd: folder, env: gitEnv, maxBuffer: 1 << 30 }).length;
  const megabytes = diffBytes / 1e6;
  const nullDevice = openSync('/dev/null', 'w');
  const floor = time(() => {
    const result = spawnSync('git', ['log', '-p', 'HEAD'], { cwd: folder, env: gitEnv, stdio: ['ignore', nullDevice, 'inherit'] });
    if (result.status !== 0) throw new Error('git log failed');
  });
  closeSync(nullDevice);
  let findings = 0;
  /** `env` on top of this process's environment, or instead of it when `whole`; without NODE_EXTRA_CA_CERTS. */
  const scanWith = (env, whole = false) => () => {
    const { NODE_EXTRA_CA_CERTS: _extraCertificates, ...scanEnv } = whole ? env : { ...process.env, ...env };
    const result = spawnSync(process.execPath, [cli, 'scan', '--history', '--format', 'json'], { cwd: folder, env: scanEnv, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (result.status !== 1) throw new Error(`scan --history exited ${result.status}: ${result.stderr}`);
    findings = JSON.parse(result.stdout).length;
  };
  const scan = time(scanWith({ SECRET_MANAGER_HOME: home }));
  // The default user's case: a local store is present (its known secrets are matched too). None of its values is in the history.
  await createBenchStore(root, storeHome, path.join(storeHome, 'planted-values-unused.ts'));
  const scanWithStore = time(scanWith({ SECRET_MANAGER_HOME: storeHome, SECRET_MANAGER_PASSPHRASE: STORE_PASSPHRASE, SECRET_MANAGER_KEYCHAIN: 'off' }));
  // The same store unlocked by the OS keychain alone, as on a desktop: no scrypt.
  let scanWithKeychainStore;
  let keychainSkip = keychainSkipReason;
  if (keychainSkip === undefined) {
    await createBenchStore(root, keychainStoreHome, path.join(keychainStoreHome, 'planted-values-unused.ts'), 'keychain');
    if (keySources(keychainStoreHome) === 'keychain') scanWithKeychainStore = time(scanWith(keychainEnvironment(keychainStoreHome), true));
    else keychainSkip = 'the store was made with a passphrase slot, not the keychain alone';
  }
  console.log(`repository: ${COMMITS} commits, ${megabytes.toFixed(1)} MB of diff (git log -p), ${findings} findings`);
  const row = (name, milliseconds) => console.log(`${name.padEnd(40)} ${milliseconds.toFixed(0).padStart(7)} ms  ${(megabytes / (milliseconds / 1000)).toFixed(1).padStart(6)} MB/s  ${(milliseconds / floor).toFixed(2)}× floor`);
  row('git log -p > /dev/null (floor)', floor);
  row('secret-manager scan --history', scan);
  row(`  with a ${STORE_SECRETS}-secret store (passphrase)`, scanWithStore);
  if (scanWithKeychainStore === undefined) console.log(`  with a ${STORE_SECRETS}-secret store (keychain): skipped, ${keychainSkip}`);
  else row(`  with a ${STORE_SECRETS}-secret store (keychain)`, scanWithKeychainStore);
  const goalRow = scanWithKeychainStore ?? scanWithStore;
  console.log(`goal (the default user's case, a store present${scanWithKeychainStore === undefined ? ', by passphrase here' : ', unlocked by the keychain'}): under 3× the floor: ${goalRow / floor < 3 ? 'met' : 'NOT met'} (${(goalRow / floor).toFixed(2)}×)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
  rmSync(storeHome, { recursive: true, force: true });
  rmSync(keychainStoreHome, { recursive: true, force: true });
}
