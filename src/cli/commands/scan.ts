import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../core/detect/finding';
import { toSarif } from '../../core/detect/sarif';
import { largestFirst, listScanFiles, PooledFileReader, readIgnoreFile, scanFile, type FileFindings, type SkipReason } from '../../core/detect/scan-files';
import { IGNORE_FILE_NAME } from '../../core/detect/ignore-file-name';
import type * as DetectEngine from '../../core/detect/engine-entry';
import { resolveStoreHome, storeHomeFiles } from '../../core/paths';
import { resolveExecutorFiles } from '../../core/references/executor-files';
import type { FingerprintMatcher } from '../../core/store';
import { pluralize } from '../../core/format';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CliIo, CommandHandler, GlobalOptions } from '../command';
import { openKnownSecrets } from './scan-known-secrets';
import { ScanThread, wantedWorkers, workerScriptPath, workersToKeep, type KnownSecretsSource } from './scan-workers';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const TOOL_VERSION = '0.1.0';

interface KnownSecrets {
  readonly matcher?: FingerprintMatcher;
  close(): Promise<void>;
}

/**
 * Where scanning threads find the store to match known secrets against. Scanning never creates a
 * local store: without one there is nothing to match (a note says so).
 */
function knownSecretsSource(globals: GlobalOptions, io: CliIo): KnownSecretsSource | undefined {
  if (globals.store === 'local' && !existsSync(storeHomeFiles(resolveStoreHome(io.env)).storeFile)) {
    io.stderr('Note: not matching known secrets: there is no local store yet.\n');
    return undefined;
  }
  return { store: globals.store, profile: globals.profile, workspaceId: globals.workspaceId, env: { ...io.env } };
}

/** The connected store's fingerprint matcher; a store that cannot be opened is skipped with a note. */
async function openKnownSecretsOrNot(source: KnownSecretsSource | undefined, io: CliIo): Promise<KnownSecrets> {
  if (source === undefined) return { close: async () => {} };
  try {
    return await openKnownSecrets(source);
  } catch (error) {
    // The store code is another bundle (library.js) with its own error classes: tell them by name.
    const known = error instanceof Error && error.name === 'SecretManagerError';
    io.stderr(`Note: not matching known secrets: ${known ? error.message : 'the store could not be opened.'}\n`);
    return { close: async () => {} };
  }
}

async function executorFileTest(root: string, io: CliIo): Promise<((file: string) => boolean) | undefined> {
  try {
    const executorFiles = await resolveExecutorFiles(root);
    return (file) => executorFiles.isExecutorFile(file);
  } catch (error) {
    io.stderr(`Note: executor files not recognised: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

function relativePath(root: string, file: string): string {
  // Listed files are resolved paths, so under the root the rest of the path is what path.relative
  // gives; called for every file with findings, path.relative was among the scan's hot functions.
  const folder = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  if (file.startsWith(folder) && file.length > folder.length) return file.slice(folder.length).split(path.sep).join('/');
  return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}

function toJson(results: readonly FileFindings[], root: string) {
  return results.flatMap((result) => {
    const file = relativePath(root, result.file);
    return result.findings.map((finding: Finding) => ({
      file,
      line: finding.line,
      column: finding.column,
      severity: finding.severity,
      certainty: finding.certainty,
      ruleId: finding.ruleId,
      message: finding.message,
      ...(finding.matchedSecret ? { matchedSecret: finding.matchedSecret } : {}),
    }));
  });
}

function parseJobs(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new UsageError(`--jobs must be "auto" or a whole number from 1 to 64, not "${value.slice(0, 20)}".`, 'scan');
  }
  return jobs;
}

/**
 * `secret-manager scan [paths…] [--format text|json|sarif] [--no-gitignore] [--jobs N|auto]`: finds
 * hard-coded credentials. Exit 1 when anything is found, 0 when clean, 2 on a usage mistake.
 * With `--jobs auto` (the default) a tree of PARALLEL_SCAN_BYTES or more is shared between this
 * thread and one more per idle core but one (at most 4 threads, see wantedWorkers); `--jobs 1`
 * keeps to this thread.
 */
export const scanCommand: CommandHandler = async (args, globals, io) => {
  const { positionals, values } = parseCommandArguments(
    'scan',
    args,
    { format: { type: 'string' }, 'no-gitignore': { type: 'boolean' }, jobs: { type: 'string' } },
    { min: 0, max: Number.MAX_SAFE_INTEGER },
  );
  const format: Format = (values.format as Format | undefined) ?? (globals.json ? 'json' : 'text');
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${String(values.format).slice(0, 20)}".`, 'scan');
  const jobs = parseJobs(values.jobs);
  const paths = positionals.length > 0 ? positionals : ['.'];
  const folders = paths.map((given) => {
    const absolute = path.resolve(io.cwd, given);
    if (!existsSync(absolute)) throw new UsageError(`No such file or folder: ${given.slice(0, 200)}`, 'scan');
    return statSync(absolute).isDirectory();
  });
  // One folder given: it is the root that paths are relative to. Otherwise the working folder.
  const root = paths.length === 1 && folders[0] ? path.resolve(io.cwd, paths[0]) : io.cwd;

  const detectorOptions = { workspaceRoot: root, ignoreFileText: await readIgnoreFile(root, IGNORE_FILE_NAME) };
  const source = knownSecretsSource(globals, io);
  const script = workerScriptPath();
  const startThreads = (count: number) => (script ? Array.from({ length: count }, () => new ScanThread(script, { detectorOptions, knownSecrets: source })) : []);
  // Threads asked for by number start now, loading the engine while this thread walks the tree;
  // with `auto` they start once the walk (a few milliseconds) shows the tree is large enough.
  const threads = jobs !== 'auto' && folders.some(Boolean) ? startThreads(wantedWorkers(jobs)) : [];
  const knownSecrets = await openKnownSecretsOrNot(source, io);
  const skipped: { file: string; reason: SkipReason }[] = [];
  const results: FileFindings[] = [];
  let files: string[] = [];
  let ruleDescriptions: ReadonlyMap<string, string> = new Map();
  try {
    const listed = await listScanFiles(paths, { respectGitignore: values['no-gitignore'] !== true, workspaceRoot: io.cwd });
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
    const scanOptions = {
      detector,
      isExecutorFile,
      fingerprintMatcher: knownSecrets.matcher,
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
    const scannedElsewhere = new Set<string>();
    let failure: string | undefined;
    for (const reply of await Promise.all(threads.map((thread) => thread.finish()))) {
      if (reply.failure !== undefined) {
        failure = reply.failure;
        continue;
      }
      results.push(...reply.results);
      skipped.push(...reply.skipped);
      for (const file of reply.scanned) scannedElsewhere.add(file);
    }
    if (failure !== undefined) {
      // A thread that fails hands its files back: this thread scans whatever no other one did. When
      // the store would not open here either, the note above has said so already.
      if (knownSecrets.matcher || source === undefined) io.stderr(`Note: a scan thread stopped: ${failure}; its files were scanned on the main thread.\n`);
      for (let index = 0; index < files.length; index += 1) {
        if (scannedHere[index] === 0 && !scannedElsewhere.has(files[index])) await scanHere(files[index]);
      }
    }
  } finally {
    for (const thread of threads) thread.stop();
    await knownSecrets.close();
  }
  results.sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));
  skipped.sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));

  const findingCount = results.reduce((sum, result) => sum + result.findings.length, 0);
  if (format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(results, root, ruleDescriptions, TOOL_VERSION), null, 2)}\n`);
  } else if (format === 'json') {
    io.stdout(`${JSON.stringify(toJson(results, root), null, 2)}\n`);
  } else {
    for (const finding of toJson(results, root)) {
      io.stdout(`${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}\n`);
    }
  }
  for (const { file, reason } of skipped.filter((entry) => entry.reason !== 'binary')) {
    io.stderr(`Skipped ${relativePath(root, file)}: ${reason === 'too-large' ? 'larger than 2 MiB' : 'could not be read'}.\n`);
  }
  const scanned = files.length - skipped.length;
  io.stderr(
    findingCount === 0
      ? `No hard-coded credentials in ${pluralize(scanned, 'file')}.\n`
      : `${pluralize(findingCount, 'hard-coded credential')} in ${pluralize(results.length, 'file')} (${pluralize(scanned, 'file')} scanned).\n`,
  );
  return findingCount > 0 ? 1 : 0;
};
