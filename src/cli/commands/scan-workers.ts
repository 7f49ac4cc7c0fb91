import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectorOptions } from '../../core/detect/detector';
import type { FileFindings, SkipReason } from '../../core/detect/scan-files';

/** Below this many files, starting threads costs more than it saves. */
const FILES_FOR_WORKERS = 200;
const FILES_PER_BATCH = 32;

export interface WorkerSetup {
  readonly detectorOptions: DetectorOptions;
  readonly executorFiles: readonly string[];
}

export interface WorkerRequest {
  readonly files: readonly string[];
}

export interface WorkerReply {
  readonly results: FileFindings[];
  readonly skipped: { file: string; reason: SkipReason }[];
}

/** dist/scan-worker.js next to the running bundle, or undefined when running from sources. */
export function workerScriptPath(): string | undefined {
  const script = path.join(__dirname, 'scan-worker.js');
  return existsSync(script) ? script : undefined;
}

/** How many threads to scan with: --jobs when given, else one per core (at most 4) for large trees. */
export function workerCount(fileCount: number, jobs: number | undefined): number {
  if (jobs !== undefined) return jobs;
  if (fileCount < FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Scans the files on `threads` worker threads, handing out batches to whichever thread is free. */
export async function scanInWorkers(
  files: readonly string[],
  options: WorkerSetup & { script: string; threads: number; onSkipped: (file: string, reason: SkipReason) => void },
): Promise<FileFindings[]> {
  const batches: string[][] = [];
  for (let index = 0; index < files.length; index += FILES_PER_BATCH) batches.push(files.slice(index, index + FILES_PER_BATCH));
  const results: FileFindings[] = [];
  const setup: WorkerSetup = { detectorOptions: options.detectorOptions, executorFiles: options.executorFiles };
  const runThread = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.script, { workerData: setup });
      const next = () => {
        const batch = batches.shift();
        if (batch) worker.postMessage({ files: batch } satisfies WorkerRequest);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (reply: WorkerReply) => {
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
