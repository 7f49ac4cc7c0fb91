import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { trackedPathsUnder, type TrackedPaths } from '../git-tracked-files';
import { gitWorkTreeHolding } from '../paths';
import type { FingerprintMatcher } from '../store';
import { listSourceFilesSync } from '../workspace-files';
import type { Detector } from './detector';
import type { Finding } from './finding';
import type { KnownSecretMatching } from './known-secret-matching';
import { LARGEST_SCANNED_BYTES, scannableText } from './scannable-text';

export { LARGEST_SCANNED_BYTES };

export interface FileFindings {
  /** Absolute path. */
  readonly file: string;
  readonly findings: readonly Finding[];
}

export type SkipReason = 'too-large' | 'binary' | 'unreadable';

/**
 * The text of a file worth scanning, or why it is not: larger than 2 MiB, binary (a NUL byte in
 * its first 8,000 bytes, as git decides), or unreadable.
 */
export async function readScannableText(file: string): Promise<{ text: string } | { skipped: SkipReason }> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size > LARGEST_SCANNED_BYTES) return { skipped: 'too-large' };
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return scannableText(buffer.subarray(0, filled));
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    await handle?.close();
  }
}

/**
 * Reads files one after another into one reused buffer, synchronously: for a scan that reads
 * thousands of files in a row, the promise API's four thread-pool round trips per file and a fresh
 * buffer each time cost more than the reading (bench/scan.bench.mjs). Same rules as readScannableText.
 */
export class PooledFileReader {
  private buffer = Buffer.allocUnsafe(256 * 1024);

  read(file: string): { text: string } | { skipped: SkipReason } {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(file, 'r');
      const { size } = fstatSync(descriptor);
      if (size > LARGEST_SCANNED_BYTES) return { skipped: 'too-large' };
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const bytesRead = readSync(descriptor, this.buffer, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return scannableText(this.buffer.subarray(0, filled));
    } catch {
      return { skipped: 'unreadable' };
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  }
}

/**
 * Every file under the given paths (files as given, folders walked), sorted, without duplicates.
 * The walk is synchronous: a command-line scan has nothing else to do meanwhile.
 */
export async function listScanFiles(paths: readonly string[], options: { respectGitignore: boolean; workspaceRoot: string }): Promise<string[]> {
  const files = new Set<string>();
  let trackedPaths: TrackedPaths | undefined;
  for (const given of paths) {
    const absolute = path.resolve(options.workspaceRoot, given);
    const stats = statSync(absolute);
    if (stats.isDirectory()) {
      // A file git tracks is scanned whatever .gitignore says: it is in every clone.
      if (options.respectGitignore) trackedPaths ??= await trackedPathsUnder(options.workspaceRoot);
      const gitignoreFoldersOnly = options.respectGitignore && gitWorkTreeHolding(absolute) === undefined;
      const walkOptions = { extensions: [], respectGitignore: options.respectGitignore, workspaceRoot: options.workspaceRoot, trackedPaths, gitignoreFoldersOnly };
      for (const file of listSourceFilesSync(absolute, walkOptions)) files.add(file);
    } else if (stats.isFile()) {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/**
 * The files in the order threads should take them, largest first (so no thread is left with a big
 * file at the end while the others wait), and their total size. A file that cannot be stat'ed counts 0.
 */
export function largestFirst(files: readonly string[]): { files: string[]; totalBytes: number } {
  const sized = files.map((file) => {
    try {
      return { file, size: statSync(file).size };
    } catch {
      return { file, size: 0 };
    }
  });
  sized.sort((left, right) => right.size - left.size || (left.file < right.file ? -1 : left.file > right.file ? 1 : 0));
  return { files: sized.map((entry) => entry.file), totalBytes: sized.reduce((sum, entry) => sum + Math.min(entry.size, LARGEST_SCANNED_BYTES), 0) };
}

export interface ScanOptions {
  readonly detector: Detector;
  readonly isExecutorFile?: (file: string) => boolean;
  readonly fingerprintMatcher?: FingerprintMatcher;
  /** Known-secret matching that need not wait for the store to open (instead of fingerprintMatcher). */
  readonly knownSecrets?: Pick<KnownSecretMatching, 'complete'>;
  readonly onSkipped?: (file: string, reason: SkipReason) => void;
  /** Where the text comes from (files on disk through a pooled buffer, staged blobs…); default: the file read afresh. */
  readonly reader?: Pick<PooledFileReader, 'read'>;
}

/** Scans one file; undefined when it was skipped (or, with knownSecrets, has no finding or is held there). */
export async function scanFile(file: string, options: ScanOptions): Promise<FileFindings | undefined> {
  if (options.detector.isPathIgnored(file)) return undefined;
  const read = options.reader ? options.reader.read(file) : await readScannableText(file);
  if ('skipped' in read) {
    options.onSkipped?.(file, read.skipped);
    return undefined;
  }
  const isExecutorFile = options.isExecutorFile?.(file) ?? false;
  const findings = await options.detector.detect({ text: read.text, filePath: file, isExecutorFile, fingerprintMatcher: options.fingerprintMatcher });
  if (options.knownSecrets) return options.knownSecrets.complete(file, read.text, isExecutorFile, findings, undefined);
  return { file, findings };
}

/** Reads the workspace's .secretmanagerignore, or '' when there is none. */
export async function readIgnoreFile(workspaceRoot: string, name: string): Promise<string> {
  try {
    return await readFile(path.join(workspaceRoot, name), 'utf8');
  } catch {
    return '';
  }
}
