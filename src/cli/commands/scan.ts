import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../api/open-store';
import { createDetector } from '../../core/detect/detector';
import type { Finding } from '../../core/detect/finding';
import { toSarif } from '../../core/detect/sarif';
import { listScanFiles, PooledFileReader, readIgnoreFile, scanFile, type FileFindings, type SkipReason } from '../../core/detect/scan-files';
import { IGNORE_FILE_NAME } from '../../core/detect/suppression';
import { isSecretManagerError } from '../../core/model';
import { resolveStoreHome, storeHomeFiles } from '../../core/paths';
import { resolveExecutorFiles } from '../../core/references/executor-files';
import type { FingerprintMatcher } from '../../core/store';
import { pluralize } from '../../core/format';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CliIo, CommandHandler, GlobalOptions } from '../command';
import { scanInWorkers, workerScriptPath, workerCount } from './scan-workers';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const TOOL_VERSION = '0.1.0';

interface KnownSecrets {
  readonly matcher?: FingerprintMatcher;
  close(): Promise<void>;
}

/**
 * The connected store's fingerprint matcher, for known-secret matching. Scanning never creates a
 * local store: with none, or with a store that cannot be opened, it goes on without (a note says so).
 */
async function openKnownSecrets(globals: GlobalOptions, io: CliIo): Promise<KnownSecrets> {
  const without = (reason: string): KnownSecrets => {
    io.stderr(`Note: not matching known secrets: ${reason}\n`);
    return { close: async () => {} };
  };
  if (globals.store === 'local' && !existsSync(storeHomeFiles(resolveStoreHome(io.env)).storeFile)) {
    return without('there is no local store yet.');
  }
  try {
    const client =
      globals.store === 'tailor'
        ? await openStore({ kind: 'tailor', profile: globals.profile, workspaceId: globals.workspaceId, env: io.env })
        : await openStore({ kind: 'local', env: io.env });
    try {
      return { matcher: await client.fingerprintMatcher(), close: () => client.close() };
    } catch (error) {
      await client.close();
      throw error;
    }
  } catch (error) {
    return without(isSecretManagerError(error) ? error.message : 'the store could not be opened.');
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
  return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}

function toJson(results: readonly FileFindings[], root: string) {
  return results.flatMap((result) =>
    result.findings.map((finding: Finding) => ({
      file: relativePath(root, result.file),
      line: finding.line,
      column: finding.column,
      severity: finding.severity,
      certainty: finding.certainty,
      ruleId: finding.ruleId,
      message: finding.message,
      ...(finding.matchedSecret ? { matchedSecret: finding.matchedSecret } : {}),
    })),
  );
}

function parseJobs(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new UsageError(`--jobs must be "auto" or a whole number from 1 to 64, not "${value.slice(0, 20)}".`, 'scan');
  }
  return jobs;
}

/**
 * `secret-manager scan [paths…] [--format text|json|sarif] [--no-gitignore] [--jobs N|auto]`: finds
 * hard-coded credentials. Exit 1 when anything is found, 0 when clean, 2 on a usage mistake.
 * With --jobs, large trees are scanned on worker threads; each opens the store for itself, since
 * a fingerprint matcher cannot cross threads.
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
  for (const given of paths) {
    if (!existsSync(path.resolve(io.cwd, given))) throw new UsageError(`No such file or folder: ${given.slice(0, 200)}`, 'scan');
  }
  // One folder given: it is the root that paths are relative to. Otherwise the working folder.
  const single = paths.length === 1 ? path.resolve(io.cwd, paths[0]) : undefined;
  const root = single && statSync(single).isDirectory() ? single : io.cwd;

  const files = await listScanFiles(paths, { respectGitignore: values['no-gitignore'] !== true, workspaceRoot: io.cwd });
  const detectorOptions = { workspaceRoot: root, ignoreFileText: await readIgnoreFile(root, IGNORE_FILE_NAME) };
  const detector = createDetector(detectorOptions);
  const isExecutorFile = await executorFileTest(root, io);
  const knownSecrets = await openKnownSecrets(globals, io);
  const skipped: { file: string; reason: SkipReason }[] = [];
  let results: FileFindings[];
  try {
    const threads = workerCount(files.length, jobs);
    const script = workerScriptPath();
    if (threads > 1 && script) {
      io.stderr(`Scanning ${pluralize(files.length, 'file')} on ${threads} threads.\n`);
      results = await scanInWorkers(files, {
        script,
        threads,
        detectorOptions,
        executorFiles: isExecutorFile ? files.filter(isExecutorFile) : [],
        knownSecrets: knownSecrets.matcher
          ? { store: globals.store, profile: globals.profile, workspaceId: globals.workspaceId, env: { ...io.env } }
          : undefined,
        onSkipped: (file, reason) => skipped.push({ file, reason }),
      });
    } else {
      results = [];
      const onSkipped = (file: string, reason: SkipReason) => skipped.push({ file, reason });
      const reader = new PooledFileReader();
      for (const file of files) {
        const result = await scanFile(file, { detector, isExecutorFile, fingerprintMatcher: knownSecrets.matcher, onSkipped, reader });
        if (result && result.findings.length > 0) results.push(result);
      }
    }
  } finally {
    await knownSecrets.close();
  }
  results.sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));

  const findingCount = results.reduce((sum, result) => sum + result.findings.length, 0);
  if (format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(results, root, detector.ruleDescriptions, TOOL_VERSION), null, 2)}\n`);
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
