// The script of a scan thread (dist/scan-worker.js): scans the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../api/open-store';
import { createDetector } from '../core/detect/detector';
import { PooledFileReader, scanFile, type FileFindings, type SkipReason } from '../core/detect/scan-files';
import type { FingerprintMatcher } from '../core/store';
import type { KnownSecretsSource, WorkerReply, WorkerRequest, WorkerSetup } from './commands/scan-workers';

const setup = workerData as WorkerSetup;
const detector = createDetector(setup.detectorOptions);
const executorFiles = new Set(setup.executorFiles);
const reader = new PooledFileReader();

/** Opens the store once per thread; the matcher (keyed fingerprints) cannot cross threads. */
async function openMatcher(source: KnownSecretsSource): Promise<FingerprintMatcher> {
  const client =
    source.store === 'tailor'
      ? await openStore({ kind: 'tailor', profile: source.profile, workspaceId: source.workspaceId, env: source.env })
      : await openStore({ kind: 'local', env: source.env });
  try {
    return await client.fingerprintMatcher();
  } finally {
    await client.close();
  }
}

const matcher: Promise<FingerprintMatcher | undefined> = setup.knownSecrets ? openMatcher(setup.knownSecrets) : Promise.resolve(undefined);

async function scanBatch(request: WorkerRequest): Promise<WorkerReply> {
  let fingerprintMatcher: FingerprintMatcher | undefined;
  try {
    fingerprintMatcher = await matcher;
  } catch (error) {
    return { results: [], skipped: [], failure: `A scan thread could not open the store: ${error instanceof Error ? error.message : String(error)}` };
  }
  const results: FileFindings[] = [];
  const skipped: { file: string; reason: SkipReason }[] = [];
  for (const file of request.files) {
    const result = await scanFile(file, {
      detector,
      isExecutorFile: (candidate) => executorFiles.has(candidate),
      fingerprintMatcher,
      reader,
      onSkipped: (skippedFile, reason) => skipped.push({ file: skippedFile, reason }),
    });
    if (result && result.findings.length > 0) results.push(result);
  }
  return { results, skipped };
}

parentPort?.on('message', (request: WorkerRequest) => {
  void scanBatch(request).then((reply) => parentPort?.postMessage(reply));
});
