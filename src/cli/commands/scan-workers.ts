import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectorOptions } from '../../core/detect/detector';
import type { FileFindings, SkipReason } from '../../core/detect/scan-files';

const FILES_PER_BATCH = 32;

/** How a thread opens the store for known-secret matching: the same store the main thread opened. */
export interface KnownSecretsSource {
  readonly store: 'local' | 'tailor';
  readonly profile?: string;
  readonly workspaceId?: string;
  readonly env: Record<string, string | undefined>;
}

export interface WorkerSetup {
  readonly detectorOptions: DetectorOptions;
  readonly executorFiles: readonly string[];
  /** Set when literals are to be matched against the store's secrets. */
  readonly knownSecrets?: KnownSecretsSource;
}

export interface WorkerRequest {
  readonly files: readonly string[];
}

export interface WorkerReply {
  readonly results: FileFindings[];
  readonly skipped: { file: string; reason: SkipReason }[];
  /** Set instead of the rest when the thread could not start (its store would not open). */
  readonly failure?: string;
}

/** dist/scan-worker.js next to the running bundle, or undefined when running from sources. */
export function workerScriptPath(): string | undefined {
  const script = path.join(__dirname, 'scan-worker.js');
  return existsSync(script) ? script : undefined;
}

/**
 * How many threads to scan with: --jobs when given ("auto": one per core, at most 4), else one.
 * One by default because on the measured machine (2 shared cores, bench/scan.bench.mjs) two
 * threads were slower on a 20 MB tree (0.70 s against 0.44 s wall: each thread loads the engine
 * and warms it up again) and took 60% more memory; a tree smaller than a few batches never gets
 * more than one thread either.
 */
export function workerCount(fileCount: number, jobs: number | 'auto' | undefined): number {
  const wanted = jobs === 'auto' ? Math.max(1, Math.min(4, os.availableParallelism())) : (jobs ?? 1);
  return Math.max(1, Math.min(wanted, Math.ceil(fileCount / FILES_PER_BATCH)));
}

/** Scans the files on `threads` worker threads, handing out batches to whichever thread is free. */
export async function scanInWorkers(
  files: readonly string[],
  options: WorkerSetup & { script: string; threads: number; onSkipped: (file: string, reason: SkipReason) => void },
): Promise<FileFindings[]> {
  const batches: string[][] = [];
  for (let index = 0; index < files.length; index += FILES_PER_BATCH) batches.push(files.slice(index, index + FILES_PER_BATCH));
  const results: FileFindings[] = [];
  const setup: WorkerSetup = { detectorOptions: options.detectorOptions, executorFiles: options.executorFiles, knownSecrets: options.knownSecrets };
  const runThread = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.script, { workerData: setup });
      const next = () => {
        const batch = batches.shift();
        if (batch) worker.postMessage({ files: batch } satisfies WorkerRequest);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.failure !== undefined) {
          void worker.terminate();
          reject(new Error(reply.failure));
          return;
        }
        results.push(...reply.results);
        for (const { file, reason } of reply.skipped) options.onSkipped(file, reason);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (batches.length > 0 && code !== 0) reject(new Error(`A scan thread stopped with code ${code}.`));
      });
      next();
    });
  await Promise.all(Array.from({ length: Math.min(options.threads, batches.length) }, runThread));
  return results;
}
