// The editor's "Scan Workspace for Hard-coded Credentials" (scanWorkspaceFolders, dist/detect.js) against
// the CLI's one-thread loop (listScanFiles + scanFile with the pooled reader, nothing else), in this
// process over the same generated tree: wall time, findings, and the longest stall of the event loop
// (in the editor, the extension host's thread: nothing else of the extension runs during a stall).
// Runs are interleaved (anchor, ours, anchor, …) so a busy moment on a shared machine hits both.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { writeGeneratedTree } from './detect-fixtures.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = createRequire(import.meta.url)(path.join(repository, 'dist/detect.js'));
const targetBytes = Number(process.env.WORKSPACE_SCAN_BENCH_MEGABYTES ?? 20) * 1024 * 1024;
const ROUNDS = Number(process.env.WORKSPACE_SCAN_BENCH_ROUNDS ?? 5);

mkdirSync(path.join(repository, '.bench'), { recursive: true });
const tree = mkdtempSync(path.join(repository, '.bench', 'workspace-scan-tree-'));

function generateTree() {
  return writeGeneratedTree(tree, targetBytes);
}

/** The CLI's loop on one thread (src/cli/commands/scan.ts without the threads and the output). */
async function cliLoop(detector) {
  const files = await engine.listScanFiles([tree], { respectGitignore: true, workspaceRoot: tree });
  const reader = new engine.PooledFileReader();
  let findings = 0;
  for (const file of files) {
    const result = await engine.scanFile(file, { detector, reader });
    findings += result?.findings.length ?? 0;
  }
  return findings;
}

/** What the editor's command runs, with progress and findings handlers like its own. */
async function workspaceScan(detector) {
  let progressCalls = 0;
  const placed = [];
  const summary = await engine.scanWorkspaceFolders([{ root: tree, detector }], {
    onProgress: () => (progressCalls += 1),
    onFindings: (scanned) => placed.push(scanned),
    isCancelled: () => false,
  });
  if (progressCalls !== summary.processedFiles) throw new Error('progress was not reported for every file');
  return summary.findings;
}

/** Ticks of a timer that wants to run every millisecond: the longest gap between two is the longest stall. */
function stallMonitor() {
  let last = performance.now();
  let longest = 0;
  let timer;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    clearTimeout(timer);
    return longest;
  };
}

async function measure(run, detector) {
  const stop = stallMonitor();
  const started = performance.now();
  const findings = await run(detector);
  const milliseconds = performance.now() - started;
  return { milliseconds, findings, longestStallMs: await stop() };
}

const median = (values) => [...values].sort((left, right) => left - right)[values.length >> 1];

try {
  const { bytes, files } = generateTree();
  console.log(`Load average before: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores.`);
  console.log(`Workspace scan: ${files} generated TypeScript files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${ROUNDS} interleaved rounds (the first warms up and is left out).`);
  const detector = engine.createDetector({ workspaceRoot: tree });
  const contenders = [
    { name: 'CLI loop (anchor)', run: cliLoop, results: [] },
    { name: 'scanWorkspaceFolders', run: workspaceScan, results: [] },
  ];
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const contender of contenders) {
      globalThis.gc?.();
      const result = await measure(contender.run, detector);
      if (round > 0) contender.results.push(result);
      else console.log(`warm-up ${contender.name}: ${result.milliseconds.toFixed(0)} ms`);
    }
  }
  const [anchor, ours] = contenders.map((contender) => ({
    name: contender.name,
    milliseconds: median(contender.results.map((result) => result.milliseconds)),
    longestStallMs: median(contender.results.map((result) => result.longestStallMs)),
    findings: contender.results[0].findings,
  }));
  for (const contender of [anchor, ours]) {
    console.log(
      `${contender.name.padEnd(24)} ${contender.milliseconds.toFixed(0).padStart(6)} ms  ${((bytes / 1024 / 1024) / (contender.milliseconds / 1000)).toFixed(1).padStart(5)} MB/s  longest event-loop stall ${contender.longestStallMs.toFixed(0).padStart(5)} ms  ${contender.findings} findings`,
    );
  }
  console.log(`Ratios: time ×${(ours.milliseconds / anchor.milliseconds).toFixed(2)} the CLI loop; longest stall ×${(ours.longestStallMs / anchor.longestStallMs).toFixed(3)}; same findings: ${ours.findings === anchor.findings}.`);
  if (ours.findings !== anchor.findings) process.exitCode = 1;
} finally {
  rmSync(tree, { recursive: true, force: true });
}
