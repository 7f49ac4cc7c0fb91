import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type * as DetectEngine from '../../core/detect/engine-entry';
import { IGNORE_FILE_NAME } from '../../core/detect/ignore-file-name';
import { KnownSecretMatching } from '../../core/detect/known-secret-matching';
import { largestFirst, listScanFiles, PooledFileReader, readIgnoreFile, scanFile, type FileFindings, type SkipReason } from '../../core/detect/scan-files';
import { pluralize } from '../../core/format';
import { UsageError } from '../arguments';
import type { CliIo, GlobalOptions } from '../command';
import { projectDetectionAt } from './scan-custom-patterns';
import { executorFileTest, knownSecretsSource, openKnownSecretsOrNot } from './scan-inputs';
import { ScanThread, wantedWorkers, workerScriptPath, workersToKeep } from './scan-workers';

/** What a scan found, for the report. */
export interface ScanOutcome {
  /** The folder that reported paths are relative to. */
  readonly root: string;
  /** How many files were up for scanning (the skipped ones included). */
  readonly fileCount: number;
  readonly results: FileFindings[];
  readonly skipped: { file: string; reason: SkipReason }[];
  readonly ruleDescriptions: ReadonlyMap<string, string>;
}

/**
 * Scans the files under `paths` (the working folder when none), honouring .gitignore unless told
 * not to. With `--jobs auto` (the default) a tree of PARALLEL_SCAN_BYTES or more is shared between
 * this thread and one more per idle core but one (at most 4 threads, see wantedWorkers); `--jobs 1`
 * keeps to this thread.
 */
export async function scanTree(
  positionals: readonly string[],
  options: { readonly respectGitignore: boolean; readonly jobs: number | 'auto'; readonly minimumConfidence?: number },
  globals: GlobalOptions,
  io: CliIo,
): Promise<ScanOutcome> {
  const { jobs } = options;
  const paths = positionals.length > 0 ? [...positionals] : ['.'];
  const folders = paths.map((given) => {
    const absolute = path.resolve(io.cwd, given);
    if (!existsSync(absolute)) throw new UsageError(`No such file or folder: ${given.slice(0, 200)}`, 'scan');
    return statSync(absolute).isDirectory();
  });
  // One folder given: it is the root that paths are relative to. Otherwise the working folder.
  const root = paths.length === 1 && folders[0] ? path.resolve(io.cwd, paths[0]) : io.cwd;

  // Before the store starts opening: a mistake in the file stops the scan with nothing else said.
  const project = await projectDetectionAt(root, io.cwd);
  const source = knownSecretsSource(globals, io);
  // The store opens (scrypt, on the thread pool) while this thread walks the tree and loads the engine.
  const knownSecretsOpening = openKnownSecretsOrNot(source, io);
  const closeStoreAndThrow = async (error: unknown): Promise<never> => {
    await (await knownSecretsOpening).close();
    throw error;
  };
  const ignoreFileText = await readIgnoreFile(root, IGNORE_FILE_NAME).catch(closeStoreAndThrow);
  const minimumConfidence = options.minimumConfidence ?? project.minimumConfidence;
  const detectorOptions = { workspaceRoot: root, ignoreFileText, customPatterns: project.customPatterns, ...(minimumConfidence === undefined ? {} : { minimumConfidence }) };
  const script = workerScriptPath();
  const startThreads = (count: number) => (script ? Array.from({ length: count }, () => new ScanThread(script, { detectorOptions, knownSecrets: source })) : []);
  // Threads asked for by number start now, loading the engine while this thread walks the tree;
  // with `auto` they start once the walk (a few milliseconds) shows the tree is large enough.
  const threads = jobs !== 'auto' && folders.some(Boolean) ? startThreads(wantedWorkers(jobs)) : [];
  const skipped: { file: string; reason: SkipReason }[] = [];
  const results: FileFindings[] = [];
  let files: string[] = [];
  let ruleDescriptions: ReadonlyMap<string, string> = new Map();
  try {
    const listed = await listScanFiles(paths, { respectGitignore: options.respectGitignore, workspaceRoot: io.cwd });
    const sized = largestFirst(listed);
    files = sized.files;
    const keep = workersToKeep(wantedWorkers(jobs), jobs, files.length, sized.totalBytes);
    for (const thread of threads.splice(keep)) thread.stop();
    if (threads.length < keep) threads.push(...startThreads(keep - threads.length));
    const isExecutorFile = await executorFileTest(root, io);
    const nextFile = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    if (threads.length > 0) {
      io.stderr(`Scanning ${pluralize(files.length, 'file')} on ${threads.length + 1} threads.\n`);
      const job = { files, executorFiles: isExecutorFile ? files.filter(isExecutorFile) : [], nextFile: nextFile.buffer as SharedArrayBuffer };
      for (const thread of threads) thread.start(job);
    }
    // Required here, not imported: the engine initialises only once the threads are started and the
    // tree is walked (and never for the CLI's other commands, which share this bundle).
    const detector = (require('../../core/detect/engine-entry') as typeof DetectEngine).createDetector(detectorOptions);
    ruleDescriptions = detector.ruleDescriptions;
    // Files are scanned while the store opens; their known-secret findings follow once it is open.
    const knownSecrets = source && new KnownSecretMatching(detector, knownSecretsOpening.then((opened) => opened.matcher));
    const scanOptions = {
      detector,
      isExecutorFile,
      knownSecrets,
      onSkipped: (file: string, reason: SkipReason) => skipped.push({ file, reason }),
      reader: new PooledFileReader(),
    };
    const scanHere = async (file: string) => {
      const result = await scanFile(file, scanOptions);
      if (result && result.findings.length > 0) results.push(result);
    };
    const scannedHere = new Uint8Array(files.length);
    for (let index = Atomics.add(nextFile, 0, 1); index < files.length; index = Atomics.add(nextFile, 0, 1)) {
      scannedHere[index] = 1;
      await scanHere(files[index]);
    }
    if (knownSecrets) results.push(...(await knownSecrets.finish()));
    const { matcher } = await knownSecretsOpening;
    const scannedElsewhere = new Set<string>();
    let failure: string | undefined;
    for (const reply of await Promise.all(threads.map((thread) => thread.finish()))) {
      // A thread whose store would not open scanned without known secrets: right only when it would not open here either.
      const replyFailure = reply.failure ?? (reply.storeFailure !== undefined && matcher ? `it could not open the store (${reply.storeFailure})` : undefined);
      if (replyFailure !== undefined) {
        failure = replyFailure;
        continue;
      }
      results.push(...reply.results);
      skipped.push(...reply.skipped);
      for (const file of reply.scanned) scannedElsewhere.add(file);
    }
    if (failure !== undefined) {
      // A thread that fails hands its files back: this thread scans whatever no other one did. When
      // the store would not open here either, the note above has said so already.
      if (matcher || source === undefined) io.stderr(`Note: a scan thread stopped: ${failure}; its files were scanned on the main thread.\n`);
      for (let index = 0; index < files.length; index += 1) {
        if (scannedHere[index] === 0 && !scannedElsewhere.has(files[index])) await scanHere(files[index]);
      }
      if (knownSecrets) results.push(...(await knownSecrets.finish()));
    }
  } finally {
    for (const thread of threads) thread.stop();
    await (await knownSecretsOpening).close();
  }
  return { root, fileCount: files.length, results, skipped, ruleDescriptions };
}
