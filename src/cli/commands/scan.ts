import path from 'node:path';
import type { Finding } from '../../core/detect/finding';
import { toSarif } from '../../core/detect/sarif';
import type { FileFindings } from '../../core/detect/scan-files';
import { pluralize } from '../../core/format';
import { escapeControlCharacters } from '../../core/printable-text';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CliIo, CommandHandler, GlobalOptions } from '../command';
import { writeJson } from '../output';
import { isScanConfigurationError } from './scan-custom-patterns';
import { runHistoryScan } from './scan-history';
import { findingJson } from './scan-json';
import { scanStaged } from './scan-staged';
import { findingTextLine } from './scan-text';
import { scanTree, type ScanOutcome } from './scan-tree';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const TOOL_VERSION = '0.1.0';

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
    return result.findings.map((finding: Finding) => findingJson(file, finding));
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

function parseMinimumConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const confidence = Number(value);
  if (value.trim() === '' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1, such as 0.5, not "${value.slice(0, 20)}".`, 'scan');
  }
  return confidence;
}

/**
 * `secret-manager scan [paths…] [--staged | --history [REV-RANGE]] [--format text|json|sarif] [--no-gitignore] [--jobs N|auto] [--min-confidence C]`:
 * finds hard-coded credentials in the tree (scan-tree.ts) or in what is staged for the next commit
 * (scan-staged.ts), or in the lines the commits of a range added (scan-history.ts). Exit 1 when anything is found, 0 when clean, 2 on a usage mistake or a bad
 * .secretmanager.json (scan-custom-patterns.ts).
 */
export const scanCommand: CommandHandler = async (args, globals, io) => {
  const { positionals, values } = parseCommandArguments(
    'scan',
    args,
    { format: { type: 'string' }, 'no-gitignore': { type: 'boolean' }, jobs: { type: 'string' }, staged: { type: 'boolean' }, history: { type: 'boolean' }, 'min-confidence': { type: 'string' } },
    { min: 0, max: Number.MAX_SAFE_INTEGER },
  );
  const format: Format = (values.format as Format | undefined) ?? (globals.json ? 'json' : 'text');
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${String(values.format).slice(0, 20)}".`, 'scan');
  const jobs = parseJobs(values.jobs);
  const minimumConfidence = parseMinimumConfidence(values['min-confidence'] as string | undefined);
  if (values.staged === true && (values.jobs !== undefined || values['no-gitignore'] === true)) {
    throw new UsageError('--staged reads the files staged for the next commit on one thread: --jobs and --no-gitignore do not apply.', 'scan');
  }
  if (values.history === true) {
    if (values.staged === true || values.jobs !== undefined || values['no-gitignore'] === true || positionals.length > 1) {
      throw new UsageError('--history takes one revision range at most (such as main~20..main), and no --staged, --jobs or --no-gitignore.', 'scan');
    }
    return scanConfigurationErrorsReported(() => runHistoryScan(positionals[0], format, minimumConfidence, globals, io, TOOL_VERSION), format, globals, io);
  }
  const scan = async (): Promise<ScanOutcome> =>
    values.staged === true
      ? scanStaged(positionals, globals, io, minimumConfidence)
      : scanTree(positionals, { respectGitignore: values['no-gitignore'] !== true, jobs, minimumConfidence }, globals, io);
  return scanConfigurationErrorsReported(async () => report(await scan(), format, io), format, globals, io);
};

/** The scan's exit code, or 2 with the problems of a bad .secretmanager.json reported. */
async function scanConfigurationErrorsReported(scan: () => Promise<number>, format: Format, globals: GlobalOptions, io: CliIo): Promise<number> {
  try {
    return await scan();
  } catch (error) {
    if (!isScanConfigurationError(error)) throw error;
    for (const problem of error.problems) io.stderr(`Error: ${problem}\n`);
    if (globals.json || format === 'json') writeJson(io, { error: { code: 'invalid-input', message: error.message } });
    return 2;
  }
}

/** Prints the findings (stdout) and the notes and summary (stderr); the exit code. */
function report({ root, fileCount, results, skipped, ruleDescriptions }: ScanOutcome, format: Format, io: CliIo): number {
  results.sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));
  skipped.sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));
  const findingCount = results.reduce((sum, result) => sum + result.findings.length, 0);
  if (format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(results, root, ruleDescriptions, TOOL_VERSION), null, 2)}\n`);
  } else if (format === 'json') {
    io.stdout(`${JSON.stringify(toJson(results, root), null, 2)}\n`);
  } else {
    // File names and messages come from the repository: escaped, they cannot drive the terminal or forge a line.
    for (const finding of toJson(results, root)) {
      io.stdout(`${findingTextLine(finding)}
`);
    }
  }
  for (const { file, reason } of skipped.filter((entry) => entry.reason !== 'binary')) {
    io.stderr(`Skipped ${escapeControlCharacters(relativePath(root, file))}: ${reason === 'too-large' ? 'larger than 2 MiB' : 'could not be read'}.\n`);
  }
  const scanned = fileCount - skipped.length;
  io.stderr(
    findingCount === 0
      ? `No hard-coded credentials in ${pluralize(scanned, 'file')}.\n`
      : `${pluralize(findingCount, 'hard-coded credential')} in ${pluralize(results.length, 'file')} (${pluralize(scanned, 'file')} scanned).\n`,
  );
  return findingCount > 0 ? 1 : 0;
}
