import path from 'node:path';
import type { Detector } from '../detect/detector';
import type { KnownSecretMatching } from '../detect/known-secret-matching';
import type { Finding } from '../detect/finding';
import { LARGEST_SCANNED_BYTES } from '../detect/scannable-text';
import type { FingerprintMatcher } from '../store';
import type { CommitInfo, FileChange } from './added-lines';
import { describeRepository, literalsPresentAt, readAddedLines } from './git-log';

/** One credential in one file of the history: where it was first added, and how often since. */
export interface HistoryFinding {
  /** Relative to the top of the working tree, with forward slashes. */
  readonly path: string;
  /** The finding in the oldest commit that added it; its line and column are in that commit's file. */
  readonly finding: Finding;
  /** The commit that first added it (the oldest of `commits`). */
  readonly commit: CommitInfo;
  /** Every commit of the range that added it to this file, newest first. */
  readonly commits: readonly CommitInfo[];
  /** True when the tree at HEAD still holds the literal somewhere. */
  readonly presentAtHead: boolean;
  /** The credential itself, for the caller's masking and fingerprints: never to be printed. */
  readonly literal: string;
}

export interface HistoryScanOptions {
  readonly detector: Detector;
  readonly isExecutorFile?: (file: string) => boolean;
  readonly fingerprintMatcher?: FingerprintMatcher;
  /** Known-secret matching that need not wait for the store to open (instead of fingerprintMatcher). */
  readonly knownSecrets?: KnownSecretMatching<ScannedChange>;
}

/** A change as scanned: `order` counts from the newest (0), as the log gives them. */
export interface ScannedChange {
  readonly change: FileChange;
  readonly order: number;
}

export interface HistoryScanOutcome {
  /** The top of the working tree. */
  readonly root: string;
  readonly findings: HistoryFinding[];
  readonly commitCount: number;
  /** How many file changes were scanned, and how many were left out as binary or too large. */
  readonly changeCount: number;
  readonly binaryFiles: number;
  readonly tooLargeChanges: number;
  /** True when the clone is shallow: the scan went back as far as the fetched commits go. */
  readonly shallow: boolean;
}

interface Collected {
  path: string;
  finding: Finding;
  /** The order of the change `finding` is from: the oldest seen so far. */
  order: number;
  literal: string;
  commits: { commit: CommitInfo; order: number }[];
}

/** The added lines as one text (one line each), and the file line each of its lines came from. */
function textOf(change: FileChange): string {
  let text = '';
  for (const added of change.lines) text += `${added.text}\n`;
  return text;
}

/**
 * Scans every line the commits of `range` (default: all of HEAD's history) added, with the
 * detector a normal scan uses, so its ignore file, allowlist and inline comments apply. Its ignore
 * file is the working tree's, applied to every commit: a fingerprint or path added today also
 * covers what was committed before. A literal found in many commits of one file is one finding.
 */
export async function scanHistory(cwd: string, range: string | undefined, options: HistoryScanOptions): Promise<HistoryScanOutcome> {
  const { root, shallow } = await describeRepository(cwd);
  const collected = new Map<string, Collected>();
  let changeCount = 0;
  let tooLargeChanges = 0;
  let order = 0;
  // Known secrets may come after later changes' findings (while the store opens): the change's
  // order, not the order of arrival, says which commit added a literal first.
  const collect = ({ change, order }: ScannedChange, text: string, findings: readonly Finding[]) => {
    for (const finding of findings) {
      const literal = text.slice(finding.range[0], finding.range[1]);
      const key = `${change.path}\0${finding.ruleId}\0${literal}`;
      const inCommit = { ...finding, line: change.lines[finding.line - 1]?.line ?? finding.line };
      const known = collected.get(key);
      if (!known) collected.set(key, { path: change.path, finding: inCommit, order, literal, commits: [{ commit: change.commit, order }] });
      else if (!known.commits.some((seen) => seen.commit.hash === change.commit.hash)) {
        known.commits.push({ commit: change.commit, order });
        if (order > known.order) Object.assign(known, { finding: inCommit, order });
      }
    }
  };
  // A history changes the same few files again and again: what a path is, is worked out once.
  const pathFacts = new Map<string, { readonly file: string; readonly ignored: boolean; readonly isExecutorFile: boolean }>();
  const factsOf = (changedPath: string) => {
    let facts = pathFacts.get(changedPath);
    if (!facts) {
      const file = path.join(root, ...changedPath.split('/'));
      const ignored = options.detector.isPathIgnored(file);
      facts = { file, ignored, isExecutorFile: !ignored && (options.isExecutorFile?.(file) ?? false) };
      pathFacts.set(changedPath, facts);
    }
    return facts;
  };
  const scanChange = async (change: FileChange) => {
    const { file, ignored, isExecutorFile } = factsOf(change.path);
    if (ignored) return;
    const text = textOf(change);
    if (text.length > LARGEST_SCANNED_BYTES) {
      tooLargeChanges += 1;
      return;
    }
    changeCount += 1;
    const scanned = { change, order: order++ };
    const findings = await options.detector.detect({ text, filePath: file, isExecutorFile, fingerprintMatcher: options.fingerprintMatcher });
    if (!options.knownSecrets) return collect(scanned, text, findings);
    const completed = await options.knownSecrets.complete(file, text, isExecutorFile, findings, scanned);
    if (completed) collect(scanned, text, completed.findings);
  };
  const { commitCount, binaryFiles } = await readAddedLines(root, range, async (changes) => {
    for (const change of changes) {
      await scanChange(change);
      // A turn of the event loop drains git's pipe, so git writes the next diffs while this scans.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  });
  for (const held of (await options.knownSecrets?.finish()) ?? []) collect(held.subject, textOf(held.subject.change), held.findings);
  const entries = [...collected.values()];
  const atHead = await literalsPresentAt(root, 'HEAD', entries.map((entry) => entry.literal));
  const findings = entries.map((entry) => {
    const commits = entry.commits.sort((left, right) => left.order - right.order).map((seen) => seen.commit);
    return { path: entry.path, finding: entry.finding, commit: commits.at(-1)!, commits, presentAtHead: atHead.has(entry.literal), literal: entry.literal };
  });
  findings.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : left.finding.line - right.finding.line));
  return { root, findings, commitCount, changeCount, binaryFiles, tooLargeChanges, shallow };
}

/** One line per distinct credential for the "rotate these" list: every commit that added it, in any file. */
export function credentialsToRotate(findings: readonly HistoryFinding[]): { literal: string; presentAtHead: boolean; commits: CommitInfo[]; paths: string[] }[] {
  const byLiteral = new Map<string, { literal: string; presentAtHead: boolean; commits: Map<string, CommitInfo>; paths: Set<string> }>();
  for (const found of findings) {
    const entry = byLiteral.get(found.literal) ?? { literal: found.literal, presentAtHead: found.presentAtHead, commits: new Map(), paths: new Set() };
    for (const commit of found.commits) entry.commits.set(commit.hash, commit);
    entry.paths.add(found.path);
    byLiteral.set(found.literal, entry);
  }
  return [...byLiteral.values()].map((entry) => ({
    literal: entry.literal,
    presentAtHead: entry.presentAtHead,
    commits: [...entry.commits.values()].sort((left, right) => (left.authorDate < right.authorDate ? -1 : left.authorDate > right.authorDate ? 1 : 0)),
    paths: [...entry.paths].sort(),
  }));
}
