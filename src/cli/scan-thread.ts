// dist/scan-thread.js, the script a scan thread starts with: loads the thread's code
// (dist/scan-worker.js) through the code cache, which it stores before its first reply (the main
// thread ends the thread once it has replied).
import path from 'node:path';
import { requireWithCodeCache } from './code-cache';
import type * as ScanWorker from './scan-worker';

const worker = requireWithCodeCache(path.join(__dirname, 'scan-worker.js'));
(worker.exports as typeof ScanWorker).beforeReply.add(() => worker.saveCodeCache());
