import type { FindingCertainty, FindingSeverity } from './finding';

/** What a project rule knows about the file it scans. */
export interface ScanContext {
  readonly content: string;
  readonly filePath: string;
  readonly fileKind: FileKind;
  readonly isExecutorFile: boolean;
}

/**
 * How values are written in a file: only quoted in code, also bare in .env, YAML and the like, and in
 * documentation (Markdown, reST) bare only inside a code block of such a language.
 */
export type FileKind = 'code' | 'config' | 'docs';

/** One credential a rule found: the offsets of the credential itself (in the matched text), not of the whole match. */
export interface RuleMatch {
  readonly start: number;
  readonly end: number;
  /** 0–1, from the shared value judgement; the rule's certainty decides when it is left out. */
  readonly confidence?: number;
}

/**
 * A project rule, run through secretlint's rule API (so secretlint's disable comments cover it).
 * A context rule names keywords and runs only on the lines that hold one (one combined keyword
 * pass over the file finds those); a rule whose pattern starts with a distinctive literal runs
 * over the whole text.
 */
export interface ProjectRule {
  readonly id: string;
  /** What it finds, as the start of the finding's message: "Twilio API key". */
  readonly title: string;
  readonly severity: FindingSeverity;
  readonly certainty: FindingCertainty;
  /**
   * Regex sources, matched case-insensitively; a line without any of them is never scanned (the
   * rule's own pattern then checks case). Keep them few and short: they all go into one regex.
   * An empty list: the pattern runs over the whole text (it must then be cheap, such as one that
   * starts with a literal).
   */
  readonly keywords: readonly string[];
  /**
   * For a context rule: when the file's path matches, the rule runs over the whole text, not only
   * the lines holding a keyword (a provider's own test file lists its tokens without naming it).
   */
  readonly pathKeywords?: RegExp;
  /**
   * For a whole-text rule: literals of which every match holds one (exact case). A file holding
   * none of them skips the rule, saving its registration with secretlint on small files.
   */
  readonly requiredText?: readonly string[];
  /**
   * Every match starts where one of `requiredText` starts (true), or where this part of it sits
   * ("://" of "redis://"). Gated, the pattern then runs sticky at the offsets where the gate's
   * scan found those literals, instead of over the whole text.
   */
  readonly matchesStartInRequiredText?: true | string;
  readonly executorFilesOnly?: boolean;
  /** The rule runs only in files whose path matches (a markup rule in XML files). */
  readonly filePaths?: RegExp;
  /**
   * For a whole-text rule whose pattern is costly to run over the whole text: offsets, in
   * ascending order (repeats allowed), among which every match of the pattern starts. The pattern
   * then runs sticky at each of them only, which finds exactly the matches it finds on its own.
   */
  matchStarts?(text: string): number[];
  /**
   * For a rule with matchStarts, in files of kind 'code': the pattern to use there instead of
   * `pattern`, with the same groups: `pattern` without the alternatives that `accept` rejects in code,
   * and perhaps with forms only code has (a value on the line after "="). Only its matches are then
   * built and passed to `accept` (see forEachMatchAtStarts).
   */
  readonly patternInCode?: RegExp;
  /** A global (or sticky-free global) pattern; `accept` turns a match into a credential or rejects it. */
  readonly pattern: RegExp;
  accept(match: RegExpExecArray, context: ScanContext): RuleMatch | undefined;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The match a rule is looking at, when it was found without the d flag, and the same pattern,
 * sticky and with d, to work out its indices. One slot is enough: a rule's accept() runs
 * synchronously right after deferIndices(), and no other match is looked at meanwhile.
 */
let deferredMatch: RegExpExecArray | undefined;
let deferredPattern: RegExp | undefined;

/**
 * Registers how to work out the group offsets of a match found without the d flag: the d flag
 * made the credential-field rule a third slower, and most of its matches are rejected before
 * their offsets are looked at. Re-running the pattern sticky at the match's index gives the same
 * match, with indices.
 */
export function deferIndices(match: RegExpExecArray, stickyWithIndices: RegExp): void {
  deferredMatch = match;
  deferredPattern = stickyWithIndices;
}

/** The offsets of capture group `group` in `match` (the pattern needs the 'd' flag, or deferIndices). */
export function groupRange(match: RegExpExecArray, group: number | string): { start: number; end: number } | undefined {
  let indices = match.indices;
  if (!indices && deferredMatch === match && deferredPattern) {
    deferredPattern.lastIndex = match.index;
    indices = deferredPattern.exec(match.input)?.indices;
  }
  if (!indices) throw new Error('pattern needs the d flag');
  const pair = typeof group === 'number' ? indices[group] : indices.groups?.[group];
  return pair ? { start: pair[0], end: pair[1] } : undefined;
}
