// The script of a scan thread (dist/scan-worker.js): scans the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createDetector } from '../core/detect/detector';
import { scanFile, type FileFindings, type SkipReason } from '../core/detect/scan-files';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './commands/scan-workers';

const setup = workerData as WorkerSetup;
const detector = createDetector(setup.detectorOptions);
const executorFiles = new Set(setup.executorFiles);

parentPort?.on('message', (request: WorkerRequest) => {
  void (async () => {
    const results: FileFindings[] = [];
    const skipped: { file: string; reason: SkipReason }[] = [];
    for (const file of request.files) {
      const result = await scanFile(file, {
        detector,
        isExecutorFile: (candidate) => executorFiles.has(candidate),
        onSkipped: (skippedFile, reason) => skipped.push({ file: skippedFile, reason }),
      });
      if (result && result.findings.length > 0) results.push(result);
    }
    parentPort?.postMessage({ results, skipped } satisfies WorkerReply);
  })();
});
