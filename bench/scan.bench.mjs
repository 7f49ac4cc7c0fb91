// `secret-manager scan` vs the secretlint CLI (recommended preset) over the same ~20 MB tree of
// generated TypeScript, each as a child process: throughput (wall and CPU), peak memory and findings.
// Runs are interleaved (ours, theirs, ours, …) so that a busy moment on a shared machine hits both.
// A one-file tree gives each tool's fixed cost (start-up, loading), so that the scanning rate
// beyond it is shown too. `secret-manager scan` runs without a local store and with one of 1,000
// secrets (bench/scan-store.mjs; unlocked with a passphrase inside the timed run), some of whose values
// are planted in the tree: the known-secret findings are counted and must be exactly those.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTypeScript, writeGeneratedTree } from './detect-fixtures.mjs';
import { STORE_PASSPHRASE, STORE_SECRETS, createBenchStore, measureStoreOpen } from './scan-store.mjs';
import { keychainEnvironment, keySources, runUnderPrivateKeyring } from './private-keyring.mjs';

const keychainSkipReason = runUnderPrivateKeyring(import.meta.url);

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targetBytes = Number(process.env.SCAN_BENCH_MEGABYTES ?? 20) * 1024 * 1024;

// Inside the repository (in the git-ignored .bench/), so that secretlint resolves its preset from node_modules.
mkdirSync(path.join(repository, '.bench'), { recursive: true });
const tree = mkdtempSync(path.join(repository, '.bench', 'scan-tree-'));
const smallTree = mkdtempSync(path.join(repository, '.bench', 'scan-small-'));
const storeHome = mkdtempSync(path.join(repository, '.bench', 'scan-store-'));
const fullStoreHome = mkdtempSync(path.join(repository, '.bench', 'scan-store-1000-'));
const keychainStoreHome = mkdtempSync(path.join(repository, '.bench', 'scan-store-keychain-'));
const WITH_STORE = { SECRET_MANAGER_HOME: fullStoreHome, SECRET_MANAGER_PASSPHRASE: STORE_PASSPHRASE, SECRET_MANAGER_KEYCHAIN: 'off' };
const KNOWN_SECRET_RULE_ID = 'secret-manager/known-secret';
// The CLI keeps V8's code cache here (src/cli/code-cache.ts); the first of the interleaved runs fills it.
const codeCache = mkdtempSync(path.join(repository, '.bench', 'scan-code-cache-'));

const SECRETLINT_CONFIG = JSON.stringify({
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }],
});

function generateTree() {
  const generated = writeGeneratedTree(tree, targetBytes);
  writeFileSync(path.join(tree, '.secretlintrc.json'), SECRETLINT_CONFIG);
  writeFileSync(path.join(smallTree, '.secretlintrc.json'), SECRETLINT_CONFIG);
  writeFileSync(path.join(smallTree, 'module.ts'), generateTypeScript(20, 0, 1));
  return generated;
}

/** Runs a command under /usr/bin/time for its wall time and peak resident memory (largest process). */
function measure(command, args, cwd = tree, env = {}, baseEnv = process.env) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...baseEnv, SECRET_MANAGER_HOME: storeHome, SECRET_MANAGER_CODE_CACHE: codeCache, ...env },
  });
  const timing = result.stderr.trim().split('\n').pop().split(' ');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: Number(timing[0]), peakMegabytes: Number(timing[1]) / 1024, cpuSeconds: Number(timing[2]) + Number(timing[3]) };
}

const median = (values) => [...values].sort((left, right) => left - right)[values.length >> 1];
const countFindings = (stdout) => JSON.parse(stdout).length;
const countKnownSecrets = (stdout) => JSON.parse(stdout).filter((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID).length;

try {
  const { bytes, files } = generateTree();
  const store = await createBenchStore(repository, fullStoreHome, path.join(tree, 'planted-settings.ts'));
  let keychainSkip = keychainSkipReason;
  const keychainStore = keychainSkip === undefined ? await createBenchStore(repository, keychainStoreHome, path.join(tree, 'planted-settings.ts'), 'keychain') : undefined;
  if (keychainStore && !keySources(keychainStoreHome) === 'keychain') keychainSkip = 'the store was made with a passphrase slot, not the keychain alone';
  const megabytes = (bytes + statSync(path.join(tree, 'planted-settings.ts')).size) / 1024 / 1024;
  console.log(`Load average before: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores.`);
  console.log(`Scan: ${files + 1} generated TypeScript files, ${megabytes.toFixed(1)} MB (UUIDs, hashes, base64, a fake credential every 250 lines).`);
  const opening = measureStoreOpen(repository, fullStoreHome);
  console.log(
    `Local store: ${STORE_SECRETS} secrets (API keys, tokens, passwords, hex keys, UUIDs) created through the library in one session in ${store.seconds.toFixed(1)} s; ` +
      `${store.planted} of their values planted in the tree. Opening it in a fresh process: loading library.js ${opening.load.toFixed(0)} ms, ` +
      `unlocking with the passphrase (scrypt) and verifying ${opening.open.toFixed(0)} ms, building the matcher ${opening.matcher.toFixed(1)} ms.`,
  );
  const contenders = [
    {
      name: 'secret-manager scan --jobs 1',
      run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--jobs', '1'], cwd),
      count: countFindings,
    },
    {
      name: 'secret-manager scan --jobs 1, no code cache',
      run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--jobs', '1'], cwd, { SECRET_MANAGER_CODE_CACHE: 'off' }),
      count: countFindings,
    },
    {
      name: 'secret-manager scan --jobs 2',
      run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--jobs', '2'], cwd),
      count: countFindings,
    },
    {
      // The default is --jobs auto: one thread per core that the load average leaves idle, but one
      // (left to V8's compiler and garbage collector), once the tree holds 16 MB or more
      // (PARALLEL_SCAN_BYTES); so on 2 cores, one thread.
      name: 'secret-manager scan (default)',
      run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json'], cwd),
      count: countFindings,
    },
    {
      name: `secret-manager scan (default), ${STORE_SECRETS}-secret store`,
      run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json'], cwd, WITH_STORE),
      count: countFindings,
      knownSecrets: store.planted,
    },
    ...(keychainSkip === undefined
      ? [
          {
            // The default user's case on a desktop: the master key in the OS keychain, no scrypt.
            name: `secret-manager scan (default), ${STORE_SECRETS}-secret store, keychain`,
            run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json'], cwd, { SECRET_MANAGER_HOME: keychainStoreHome }, keychainEnvironment(keychainStoreHome)),
            count: countFindings,
            knownSecrets: keychainStore.planted,
          },
        ]
      : []),
    {
      name: `secret-manager scan --jobs 1, ${STORE_SECRETS}-secret store`,
      run: (cwd) => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--jobs', '1'], cwd, WITH_STORE),
      count: countFindings,
      knownSecrets: store.planted,
    },
    {
      name: 'secretlint "**/*" (recommended preset)',
      run: (cwd) => measure(process.execPath, [path.join(repository, 'node_modules/secretlint/bin/secretlint.js'), '**/*', '--format', 'json', '--maskSecrets'], cwd),
      count: (stdout) => JSON.parse(stdout).reduce((sum, result) => sum + result.messages.length, 0),
    },
  ];
  const RUNS = 5;
  const samples = contenders.map(() => ({ large: [], small: [] }));
  for (let run = 0; run < RUNS; run += 1) {
    contenders.forEach((contender, index) => {
      for (const [size, cwd] of [['large', tree], ['small', smallTree]]) {
        const sample = contender.run(cwd);
        if (sample.status !== 0 && sample.status !== 1) throw new Error(`${contender.name} failed (${sample.status}): ${sample.stderr.slice(0, 2000)}`);
        if (size === 'large' && contender.name.startsWith('secret-manager') && countKnownSecrets(sample.stdout) !== (contender.knownSecrets ?? 0)) {
          throw new Error(`${contender.name} found ${countKnownSecrets(sample.stdout)} known secrets, not ${contender.knownSecrets ?? 0}: ${sample.stderr.slice(0, 2000)}`);
        }
        samples[index][size].push(sample);
      }
    });
  }
  const rows = contenders.map((contender, index) => {
    const { large, small } = samples[index];
    return {
      name: contender.name,
      seconds: median(large.map((sample) => sample.seconds)),
      peakMegabytes: median(large.map((sample) => sample.peakMegabytes)),
      findings: contender.count(large[0].stdout),
      threads: Number(/on (\d+) threads/.exec(large[0].stderr)?.[1] ?? 1),
      cpuSeconds: median(large.map((sample) => sample.cpuSeconds)),
      fixedCpuSeconds: median(small.map((sample) => sample.cpuSeconds)),
    };
  });
  const anchor = rows[rows.length - 1];
  if (keychainSkip !== undefined) console.log(`  (the ${STORE_SECRETS}-secret store unlocked by the keychain: skipped, ${keychainSkip})`);
  console.log(`  (medians of ${RUNS} interleaved runs; wall time suffers when other processes share the cores, CPU time (user+sys) much less;`);
  console.log('   peak RSS is the whole process, every thread included)');
  for (const row of rows) {
    const scanningCpu = Math.max(0.001, row.cpuSeconds - row.fixedCpuSeconds);
    console.log(
      `  ${row.name.padEnd(50)} wall ${row.seconds.toFixed(2)} s = ${(megabytes / row.seconds).toFixed(1)} MB/s, ` +
        `cpu ${row.cpuSeconds.toFixed(2)} s = ${(megabytes / row.cpuSeconds).toFixed(1)} MB/s, peak RSS ${row.peakMegabytes.toFixed(0)} MB, ${row.findings} findings` +
        (row === anchor ? '\n' : `, ${row.threads} thread${row.threads === 1 ? '' : 's'}\n`) +
        `  ${''.padEnd(50)} fixed cost (one small file) cpu ${row.fixedCpuSeconds.toFixed(2)} s; scanning beyond it ${(megabytes / scanningCpu).toFixed(1)} MB/s of cpu` +
        (row === anchor
          ? ''
          : `\n  ${''.padEnd(50)} vs secretlint: throughput ×${(anchor.seconds / row.seconds).toFixed(2)} wall, ×${(anchor.cpuSeconds / row.cpuSeconds).toFixed(2)} cpu, ` +
            `×${((anchor.cpuSeconds - anchor.fixedCpuSeconds) / scanningCpu).toFixed(2)} cpu beyond the fixed cost; ` +
            `peak RSS ×${(row.peakMegabytes / anchor.peakMegabytes).toFixed(2)}; findings ×${(row.findings / anchor.findings).toFixed(2)}`),
    );
  }
  const goalRow = rows.find((row) => row.name.endsWith('store, keychain')) ?? rows.find((row) => row.name === `secret-manager scan (default), ${STORE_SECRETS}-secret store`);
  const goalRatio = anchor.seconds / goalRow.seconds;
  console.log(`  goal (${goalRow.name}: a store present, its unlock included): ×3 secretlint's throughput or better: ${goalRatio >= 3 ? 'met' : 'NOT met'} (×${goalRatio.toFixed(2)} wall)`);
} finally {
  rmSync(tree, { recursive: true, force: true });
  rmSync(smallTree, { recursive: true, force: true });
  rmSync(storeHome, { recursive: true, force: true });
  rmSync(fullStoreHome, { recursive: true, force: true });
  rmSync(keychainStoreHome, { recursive: true, force: true });
  rmSync(codeCache, { recursive: true, force: true });
}
