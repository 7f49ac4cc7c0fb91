import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectorOptions } from '../../core/detect/detector';
import type { FileFindings, SkipReason } from '../../core/detect/scan-files';

/**
 * Below this many bytes of candidate files, `--jobs auto` (the default) scans on the main thread
 * alone. A second thread costs about 0.1 s of CPU (starting, loading the engine, warming it up), and
 * two threads each run slower than one alone; on the shared 2-core machine of bench/scan.bench.mjs
 * two threads lost at 4 and 8 MB and were between 15% faster and 15% slower at 20 MB.
 */
export const PARALLEL_SCAN_BYTES = 16 * 1024 * 1024;
/** `auto` never uses more threads than this, whatever the core count. */
const MOST_AUTO_THREADS = 4;

/** How a thread opens the store for known-secret matching: the same store the main thread opened. */
export interface KnownSecretsSource {
  readonly store: 'local' | 'tailor' | 'workos';
  readonly profile?: string;
  readonly workspaceId?: string;
  readonly env: Record<string, string | undefined>;
}

/** What a thread is started with, before the tree is walked. */
export interface WorkerSetup {
  readonly detectorOptions: DetectorOptions;
  /** Set when literals are to be matched against the store's secrets. */
  readonly knownSecrets?: KnownSecretsSource;
}

/**
 * The work, sent once the tree is walked. Every thread (the main one too) takes the next file by
 * incrementing `nextFile[0]` atomically, so the threads share one queue with no message per file.
 */
export interface WorkerJob {
  readonly files: readonly string[];
  readonly executorFiles: readonly string[];
  readonly nextFile: SharedArrayBuffer;
}

export interface WorkerReply {
  readonly results: FileFindings[];
  readonly skipped: { file: string; reason: SkipReason }[];
  /** Every file this thread took (with findings or not). */
  readonly scanned: string[];
  /** Set instead of the rest when the thread stopped; it took no file. */
  readonly failure?: string;
  /** Set when the store would not open on this thread: its results have no known-secret finding. */
  readonly storeFailure?: string;
}

/** dist/scan-thread.js next to the running bundle, or undefined when running from sources. */
export function workerScriptPath(): string | undefined {
  const script = path.join(__dirname, 'scan-thread.js');
  return existsSync(script) ? script : undefined;
}

/**
 * The extra threads `--jobs` asks for (threads beyond the main one). `auto` counts the cores that
 * other processes leave idle (the cores minus the last minute's load average) and leaves one of
 * them to V8: each scanning thread keeps about a quarter of another core busy compiling and
 * collecting garbage in the background (a one-thread scan of the bench tree takes 1.2-1.3 s of CPU
 * per second). On 2 cores a second thread therefore only matched one thread, at 20 MB and at 60 MB
 * (bench/scan.bench.mjs), and was 8% faster at 200 MB for 30% more CPU, so two idle cores still get
 * one thread. At most 4 threads.
 */
export function wantedWorkers(jobs: number | 'auto', cores = os.availableParallelism(), load = os.loadavg()[0]): number {
  if (jobs !== 'auto') return jobs - 1;
  const idleCores = Math.floor(cores - load + 0.5);
  return Math.max(1, Math.min(MOST_AUTO_THREADS, cores - 1, idleCores - 1)) - 1;
}

/**
 * How many extra threads to scan with once the tree is walked: `wanted`, but with `auto` none below
 * PARALLEL_SCAN_BYTES, and never more than there are files to share.
 */
export function workersToKeep(wanted: number, jobs: number | 'auto', fileCount: number, totalBytes: number): number {
  if (jobs === 'auto' && totalBytes < PARALLEL_SCAN_BYTES) return 0;
  return Math.max(0, Math.min(wanted, fileCount - 1));
}

/** One scan thread: it loads the engine as soon as it starts, then scans its share of a job. */
export class ScanThread {
  private readonly worker: Worker;
  private readonly reply: Promise<WorkerReply>;

  constructor(script: string, setup: WorkerSetup) {
    this.worker = new Worker(script, { workerData: setup });
    this.reply = new Promise<WorkerReply>((resolve) => {
      const fail = (reason: string) => resolve({ results: [], skipped: [], scanned: [], failure: reason });
      this.worker.once('message', (reply: WorkerReply) => resolve(reply));
      this.worker.once('error', (error) => fail(error.message));
      this.worker.once('exit', (code) => fail(`it stopped with code ${code}`));
    });
  }

  start(job: WorkerJob): void {
    this.worker.postMessage(job);
  }

  /** The findings of the files this thread took; a failure says the caller has to scan them itself. */
  async finish(): Promise<WorkerReply> {
    const reply = await this.reply;
    void this.worker.terminate();
    return reply;
  }

  /** Stops a thread that was not given work (a small tree). */
  stop(): void {
    void this.worker.terminate();
  }
}
