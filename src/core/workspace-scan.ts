// A whole-workspace scan for hard-coded credentials, for the editor's "Scan Workspace" command.
// It is bundled into the lazily loaded dist/detect.js (re-exported by detect/engine-entry.ts), so
// the extension's activation never loads it.
import path from 'node:path';
import picomatch from 'picomatch';
import type { Detector } from './detect/detector';
import type { Finding } from './detect/finding';
import { listScanFiles, PooledFileReader, scanFile, type SkipReason } from './detect/scan-files';
import { pluralize } from './format';
import type { FingerprintMatcher } from './store';

/** A 0-based position as editors count it: UTF-16 code units within a line; `\r\n`, `\r` and `\n` end lines. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** A finding with the exact editor positions of its credential. */
export interface PlacedFinding {
  readonly finding: Finding;
  readonly start: TextPosition;
  readonly end: TextPosition;
}

export interface ScannedFile {
  /** Absolute path. */
  readonly file: string;
  readonly findings: readonly PlacedFinding[];
  /** When its text was read (ms since the epoch): a change of the file after this makes the findings stale. */
  readonly readAt: number;
}

export interface ScanFolder {
  /** Absolute path of the workspace folder; its .gitignore files apply. */
  readonly root: string;
  /** Built with this folder's .secretmanagerignore and allowlist. */
  readonly detector: Detector;
  readonly fingerprintMatcher?: FingerprintMatcher;
  readonly isExecutorFile?: (file: string) => boolean;
  /** Globs such as VS Code's `files.exclude`, relative to the root: a file is left out when one matches it or a folder above it. */
  readonly excludeGlobs?: readonly string[];
}

export interface WorkspaceScanEvents {
  /** After each file: `done` of `total` files. */
  onProgress?(done: number, total: number): void;
  /** Each file with findings, as soon as it is scanned. */
  onFindings?(scanned: ScannedFile): void;
  /** Asked before each file; true stops the scan, keeping what was found. */
  isCancelled?(): boolean;
}

export interface WorkspaceScanSummary {
  /** Files listed in all folders (after .gitignore and the exclude globs). */
  readonly listedFiles: number;
  /** Files looked at before the scan ended or was cancelled. */
  readonly processedFiles: number;
  /** Files whose text was scanned. */
  readonly scannedFiles: number;
  /** Files not scanned: larger than 2 MiB, binary or unreadable (not counting .secretmanagerignore paths). */
  readonly skippedFiles: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly cancelled: boolean;
}

/** How long the scan may keep the thread before it lets other work (the editor's) run. */
const LONGEST_TURN_MS = 25;

const BYTE_ORDER_MARK = 0xfeff;

/**
 * Editor positions of increasing offsets, found with the native indexOf from one line break to the
 * next, and only as far as the last offset asked for: no table of every line's start is built.
 */
class EditorLineCounter {
  private line = 0;
  private lineStart = 0;
  private nextLineFeed: number;
  private nextCarriageReturn: number;

  constructor(private readonly text: string) {
    this.nextLineFeed = text.indexOf('\n');
    this.nextCarriageReturn = text.indexOf('\r');
  }

  /** Offsets must come in increasing order. */
  positionAt(offset: number): TextPosition {
    for (;;) {
      const lineBreak = this.nextBreak();
      if (lineBreak === -1) break;
      const breakLength = this.text.charCodeAt(lineBreak) === 13 && this.text.charCodeAt(lineBreak + 1) === 10 ? 2 : 1;
      if (lineBreak + breakLength > offset) break;
      this.line += 1;
      this.lineStart = lineBreak + breakLength;
      if (this.nextLineFeed !== -1 && this.nextLineFeed < this.lineStart) this.nextLineFeed = this.text.indexOf('\n', this.lineStart);
      if (this.nextCarriageReturn !== -1 && this.nextCarriageReturn < this.lineStart) this.nextCarriageReturn = this.text.indexOf('\r', this.lineStart);
    }
    return { line: this.line, character: offset - this.lineStart };
  }

  private nextBreak(): number {
    if (this.nextLineFeed === -1) return this.nextCarriageReturn;
    if (this.nextCarriageReturn === -1) return this.nextLineFeed;
    return Math.min(this.nextLineFeed, this.nextCarriageReturn);
  }
}

/** Where a credential ends, from where it starts: counted within the credential alone. */
function endAfter(text: string, finding: Finding, start: TextPosition): TextPosition {
  const [startOffset, endOffset] = finding.range;
  let line = start.line;
  let lastLineStart = -1;
  for (let lineFeed = text.indexOf('\n', startOffset); lineFeed !== -1 && lineFeed < endOffset; lineFeed = text.indexOf('\n', lineFeed + 1)) {
    line += 1;
    lastLineStart = lineFeed + 1;
  }
  return lastLineStart === -1 ? { line, character: start.character + (endOffset - startOffset) } : { line, character: endOffset - lastLineStart };
}

/**
 * The editor positions of each finding's credential in `text` (the file as read from disk). An editor
 * drops a UTF-8 byte order mark from the text it shows, so positions leave it out too.
 */
export function placeFindings(text: string, findings: readonly Finding[]): PlacedFinding[] {
  if (findings.length === 0) return [];
  const byteOrderMark = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  const leaveOutMark = (position: TextPosition): TextPosition =>
    position.line === 0 && byteOrderMark ? { line: 0, character: Math.max(0, position.character - byteOrderMark) } : position;
  if (text.indexOf('\r') === -1) {
    // Lines end with \n only, as the detector counts them: its 1-based line and column give the start.
    return findings.map((finding) => {
      const start = { line: finding.line - 1, character: finding.column - 1 };
      return { finding, start: leaveOutMark(start), end: leaveOutMark(endAfter(text, finding, start)) };
    });
  }
  const offsets = findings.flatMap((finding, index) => [
    { offset: finding.range[0], index, end: false },
    { offset: finding.range[1], index, end: true },
  ]);
  offsets.sort((left, right) => left.offset - right.offset);
  const counter = new EditorLineCounter(text);
  const starts: TextPosition[] = [];
  const ends: TextPosition[] = [];
  for (const { offset, index, end } of offsets) (end ? ends : starts)[index] = leaveOutMark(counter.positionAt(offset));
  return findings.map((finding, index) => ({ finding, start: starts[index], end: ends[index] }));
}

/** True for a path (relative, `/`-separated) that one of the globs matches, or whose folder one matches. */
export function excludedPathTest(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (relativePath) => {
    const parts = relativePath.split('/');
    return parts.some((_part, index) => matches(parts.slice(0, index + 1).join('/')));
  };
}

/** Keeps the text of the file it read last, so findings can be placed without reading the file twice. */
class TextKeepingReader extends PooledFileReader {
  lastText: string | undefined;

  override read(file: string): { text: string } | { skipped: SkipReason } {
    const read = super.read(file);
    this.lastText = 'text' in read ? read.text : undefined;
    return read;
  }
}

async function listFolder(folder: ScanFolder): Promise<string[]> {
  const files = await listScanFiles([folder.root], { respectGitignore: true, workspaceRoot: folder.root });
  const isExcluded = excludedPathTest(folder.excludeGlobs ?? []);
  return files.filter((file) => !isExcluded(path.relative(folder.root, file).split(path.sep).join('/')));
}

function yieldToOtherWork(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How one file went: scanned (with its findings placed), skipped (binary, too large, unreadable) or ignored (its path). */
export type WorkspaceFileScan = { readonly outcome: 'scanned'; readonly scanned: ScannedFile } | { readonly outcome: 'skipped' | 'ignored' };

/**
 * Scans one file of a folder, with its findings placed in the text that was read. Also used on its
 * own, for a file whose scan results handed over to an editor's live diagnostics and that was closed.
 */
export async function scanWorkspaceFile(file: string, folder: ScanFolder, reader = new TextKeepingReader()): Promise<WorkspaceFileScan> {
  reader.lastText = undefined;
  const readAt = Date.now();
  let skipped = false;
  const result = await scanFile(file, {
    detector: folder.detector,
    isExecutorFile: folder.isExecutorFile,
    fingerprintMatcher: folder.fingerprintMatcher,
    onSkipped: () => (skipped = true),
    reader,
  });
  if (skipped) return { outcome: 'skipped' };
  if (result === undefined) return { outcome: 'ignored' };
  const findings = result.findings.length > 0 && reader.lastText !== undefined ? placeFindings(reader.lastText, result.findings) : [];
  return { outcome: 'scanned', scanned: { file, findings, readAt } };
}

/**
 * Scans every file of the folders (their .gitignore files respected, `node_modules`, `.git` and `dist`
 * skipped), one file after another, reporting progress and each file's findings as it goes.
 * It yields to other work every few milliseconds, so an editor stays responsive meanwhile.
 */
export async function scanWorkspaceFolders(folders: readonly ScanFolder[], events: WorkspaceScanEvents = {}): Promise<WorkspaceScanSummary> {
  const work: { file: string; folder: ScanFolder }[] = [];
  for (const folder of folders) {
    for (const file of await listFolder(folder)) work.push({ file, folder });
  }
  const reader = new TextKeepingReader();
  let processedFiles = 0;
  let scannedFiles = 0;
  let skippedFiles = 0;
  let filesWithFindings = 0;
  let findings = 0;
  let cancelled = false;
  // From here on each yield goes round the whole event loop (a first one from outside its check phase would not).
  await yieldToOtherWork();
  let turnStarted = performance.now();
  for (const { file, folder } of work) {
    if (events.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const scan = await scanWorkspaceFile(file, folder, reader);
    processedFiles += 1;
    if (scan.outcome === 'skipped') skippedFiles += 1;
    if (scan.outcome === 'scanned') {
      scannedFiles += 1;
      if (scan.scanned.findings.length > 0) {
        filesWithFindings += 1;
        findings += scan.scanned.findings.length;
        events.onFindings?.(scan.scanned);
      }
    }
    events.onProgress?.(processedFiles, work.length);
    if (performance.now() - turnStarted > LONGEST_TURN_MS) {
      await yieldToOtherWork();
      turnStarted = performance.now();
    }
  }
  return { listedFiles: work.length, processedFiles, scannedFiles, skippedFiles, filesWithFindings, findings, cancelled };
}

/** What the editor tells the user when a scan ends. */
export function workspaceScanMessage(summary: WorkspaceScanSummary): string {
  const found =
    summary.findings === 0
      ? undefined
      : `${pluralize(summary.findings, 'hard-coded credential')} in ${pluralize(summary.filesWithFindings, 'file')}`;
  if (summary.cancelled) {
    const progress = `Scan cancelled after ${summary.processedFiles} of ${pluralize(summary.listedFiles, 'file')}.`;
    return found ? `${progress} Found ${found} so far.` : `${progress} No hard-coded credentials in those.`;
  }
  return found ? `Found ${found} (${pluralize(summary.scannedFiles, 'file')} scanned).` : `No hard-coded credentials in ${pluralize(summary.scannedFiles, 'file')}.`;
}

/** The log line of a scan: counts and time, never a file's content. */
export function workspaceScanLogLine(summary: WorkspaceScanSummary, folderCount: number, elapsedMs: number): string {
  return [
    `Workspace scan ${summary.cancelled ? 'cancelled' : 'finished'} in ${elapsedMs.toFixed(0)} ms:`,
    `${pluralize(summary.findings, 'finding')} in ${pluralize(summary.filesWithFindings, 'file')};`,
    `${summary.scannedFiles} of ${pluralize(summary.listedFiles, 'file')} scanned, ${summary.skippedFiles} skipped (too large, binary or unreadable),`,
    `${pluralize(folderCount, 'folder')}.`,
  ].join(' ');
}
