// `secret-manager scan` vs the secretlint CLI (recommended preset) over the same ~20 MB tree of
// generated TypeScript, each as a child process: throughput, peak memory and findings.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTypeScript } from './detect-fixtures.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targetBytes = Number(process.env.SCAN_BENCH_MEGABYTES ?? 20) * 1024 * 1024;

// Inside the repository (in the git-ignored .bench/), so that secretlint resolves its preset from node_modules.
mkdirSync(path.join(repository, '.bench'), { recursive: true });
const tree = mkdtempSync(path.join(repository, '.bench', 'scan-tree-'));
const storeHome = mkdtempSync(path.join(repository, '.bench', 'scan-store-'));

function generateTree() {
  let bytes = 0;
  let index = 0;
  while (bytes < targetBytes) {
    const folder = path.join(tree, `package-${index % 20}`, 'src', `feature-${index % 7}`);
    mkdirSync(folder, { recursive: true });
    const text = generateTypeScript(400 + (index % 5) * 150, 250, index * 7);
    writeFileSync(path.join(folder, `module-${index}.ts`), text);
    bytes += Buffer.byteLength(text);
    index += 1;
  }
  writeFileSync(
    path.join(tree, '.secretlintrc.json'),
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }] }),
  );
  return { bytes, files: index };
}

/** Runs a command under /usr/bin/time for its wall time and peak resident memory (largest process). */
function measure(command, args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, SECRET_MANAGER_HOME: storeHome },
  });
  const timing = result.stderr.trim().split('\n').pop().split(' ');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: Number(timing[0]), peakMegabytes: Number(timing[1]) / 1024, cpuSeconds: Number(timing[2]) + Number(timing[3]) };
}

const median = (values) => [...values].sort((left, right) => left - right)[values.length >> 1];

try {
  const { bytes, files } = generateTree();
  const megabytes = bytes / 1024 / 1024;
  console.log(`Scan: ${files} generated TypeScript files, ${megabytes.toFixed(1)} MB (UUIDs, hashes, base64, a fake credential every 250 lines).`);
  const contenders = [
    {
      name: 'secret-manager scan (one thread)',
      run: () => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json']),
      count: (stdout) => JSON.parse(stdout).length,
    },
    {
      name: 'secret-manager scan --jobs auto',
      run: () => measure(process.execPath, [path.join(repository, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--jobs', 'auto']),
      count: (stdout) => JSON.parse(stdout).length,
    },
    {
      name: 'secretlint "**/*" (recommended preset)',
      run: () => measure(process.execPath, [path.join(repository, 'node_modules/secretlint/bin/secretlint.js'), '**/*', '--format', 'json', '--maskSecrets']),
      count: (stdout) => JSON.parse(stdout).reduce((sum, result) => sum + result.messages.length, 0),
    },
  ];
  const rows = [];
  for (const contender of contenders) {
    const samples = [];
    for (let run = 0; run < 3; run += 1) {
      const sample = contender.run();
      if (sample.status !== 0 && sample.status !== 1) throw new Error(`${contender.name} failed (${sample.status}): ${sample.stderr.slice(0, 2000)}`);
      samples.push(sample);
    }
    rows.push({
      name: contender.name,
      seconds: median(samples.map((sample) => sample.seconds)),
      peakMegabytes: median(samples.map((sample) => sample.peakMegabytes)),
      findings: contender.count(samples[0].stdout),
      cpuSeconds: median(samples.map((sample) => sample.cpuSeconds)),
    });
  }
  const anchor = rows[rows.length - 1];
  console.log('  (medians of 3 runs; wall time suffers when other processes share the cores, CPU time (user+sys) much less)');
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(40)} wall ${row.seconds.toFixed(2)} s = ${(megabytes / row.seconds).toFixed(1)} MB/s, ` +
        `cpu ${row.cpuSeconds.toFixed(2)} s = ${(megabytes / row.cpuSeconds).toFixed(1)} MB/s, peak ${row.peakMegabytes.toFixed(0)} MB, ${row.findings} findings` +
        (row === anchor
          ? ''
          : `\n  ${''.padEnd(40)} vs secretlint: throughput ×${(anchor.seconds / row.seconds).toFixed(2)} wall, ×${(anchor.cpuSeconds / row.cpuSeconds).toFixed(2)} cpu; memory ×${(row.peakMegabytes / anchor.peakMegabytes).toFixed(2)}; findings ×${(row.findings / anchor.findings).toFixed(2)}`),
    );
  }
} finally {
  rmSync(tree, { recursive: true, force: true });
  rmSync(storeHome, { recursive: true, force: true });
}
