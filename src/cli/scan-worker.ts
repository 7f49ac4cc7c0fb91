// The script of a scan thread (dist/scan-worker.js): loads the engine at once, then takes files
// from the queue it shares with the main thread until none is left, and replies once.
import { parentPort, workerData } from 'node:worker_threads';
import { createDetector } from '../core/detect/detector';
import { KnownSecretMatching } from '../core/detect/known-secret-matching';
import { PooledFileReader, scanFile, type FileFindings, type SkipReason } from '../core/detect/scan-files';
import type { FingerprintMatcher } from '../core/store';
import { openKnownSecretsMatcher } from './commands/scan-known-secrets';
import type { WorkerJob, WorkerReply, WorkerSetup } from './commands/scan-workers';

const setup = workerData as WorkerSetup;

/** Run just before the thread replies (dist/scan-thread.js stores the code cache there). */
export const beforeReply = new Set<() => void>();

function reply(message: WorkerReply): void {
  for (const run of beforeReply) run();
  parentPort?.postMessage(message);
}
const detector = createDetector(setup.detectorOptions);

/**
 * The matcher (keyed fingerprints) cannot cross threads, so each thread opens the store itself, while
 * it scans; undefined when the store would not open (storeFailure says why).
 */
let storeFailure: string | undefined;
const matcher: Promise<FingerprintMatcher | undefined> = setup.knownSecrets
  ? openKnownSecretsMatcher(setup.knownSecrets).catch((error: unknown) => {
      storeFailure = error instanceof Error ? error.message : String(error);
      return undefined;
    })
  : Promise.resolve(undefined);

async function scanShare(job: WorkerJob): Promise<WorkerReply> {
  const nextFile = new Int32Array(job.nextFile);
  const executorFiles = new Set(job.executorFiles);
  const reader = new PooledFileReader();
  const results: FileFindings[] = [];
  const skipped: { file: string; reason: SkipReason }[] = [];
  const scanned: string[] = [];
  const knownSecrets = setup.knownSecrets && new KnownSecretMatching(detector, matcher);
  const options = {
    detector,
    isExecutorFile: (candidate: string) => executorFiles.has(candidate),
    knownSecrets,
    reader,
    onSkipped: (file: string, reason: SkipReason) => skipped.push({ file, reason }),
  };
  for (let index = Atomics.add(nextFile, 0, 1); index < job.files.length; index = Atomics.add(nextFile, 0, 1)) {
    scanned.push(job.files[index]);
    const result = await scanFile(job.files[index], options);
    if (result && result.findings.length > 0) results.push(result);
  }
  if (knownSecrets) results.push(...(await knownSecrets.finish()));
  return { results, skipped, scanned, ...(storeFailure === undefined ? {} : { storeFailure }) };
}

parentPort?.once('message', (job: WorkerJob) => {
  void scanShare(job).then(reply);
});
