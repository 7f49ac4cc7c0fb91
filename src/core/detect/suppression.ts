import ignore, { type Ignore } from 'ignore';
import * as z from 'zod';
import { parseInput } from '../model';
import { isAllowedByOtherTool } from './allow-comments';
import { findingFingerprint, type Finding } from './finding';

export { IGNORE_FILE_NAME } from './ignore-file-name';

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The allowlist from settings. */
export const allowlistSchema = z.strictObject({
  /** gitignore-style path patterns, relative to the workspace root. */
  paths: z.array(z.string().min(1)).optional(),
  /** Regular expressions; a finding whose literal matches one is dropped. */
  patterns: z
    .array(z.string().min(1).refine(isValidRegExp, { error: (issue) => `"${String(issue.input)}" is not a valid regular expression.` }))
    .optional(),
  /** Rule ids to turn off, in full ("@secretlint/secretlint-rule-aws") or short ("aws", "jwt"). */
  rules: z.array(z.string().min(1)).optional(),
});
export type Allowlist = z.input<typeof allowlistSchema>;

/** True when `given` names `ruleId`, in full or by its last segment ("jwt", "aws"). */
export function ruleIdMatches(given: string, ruleId: string): boolean {
  const wanted = given.trim().toLowerCase();
  const actual = ruleId.toLowerCase();
  return wanted === actual || actual.endsWith(`/${wanted}`) || actual.endsWith(`secretlint-rule-${wanted}`);
}

/** What suppresses findings apart from comments: the ignore file and the settings' allowlist. */
export interface Suppressions {
  readonly paths: Ignore;
  /** False when neither the ignore file nor the allowlist name a path: no path is then ignored. */
  readonly hasPathRules: boolean;
  readonly fingerprints: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
  readonly disabledRules: readonly string[];
}

const FINGERPRINT_LINE = /^\s*fingerprint:([0-9a-f]{8,64})\b/i;

export function createSuppressions(ignoreFileText = '', allowlistInput: Allowlist = {}): Suppressions {
  const allowlist = parseInput(allowlistSchema, allowlistInput);
  const fingerprints = new Set<string>();
  const pathLines: string[] = [];
  for (const line of ignoreFileText.split(/\r?\n/)) {
    const fingerprint = FINGERPRINT_LINE.exec(line);
    if (fingerprint) fingerprints.add(fingerprint[1].toLowerCase());
    else pathLines.push(line);
  }
  const pathRules = [...pathLines, ...(allowlist.paths ?? [])].filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return {
    paths: ignore().add(pathLines).add(allowlist.paths ?? []),
    hasPathRules: pathRules.length > 0,
    fingerprints,
    patterns: (allowlist.patterns ?? []).map((source) => new RegExp(source)),
    disabledRules: allowlist.rules ?? [],
  };
}

export function isRuleDisabled(suppressions: Suppressions, ruleId: string): boolean {
  return suppressions.disabledRules.some((given) => ruleIdMatches(given, ruleId));
}

// Rule ids start with a letter, digit or @, so a closing `-->` or `*/` is not read as one.
const INLINE_IGNORE = /secret-manager-ignore(?![\w-])[ \t]*((?:[\w@][\w@/.,-]*)?)/;

/** The line that starts at `lineStart`, with its line break. */
function lineFrom(text: string, lineStart: number): string {
  const newline = text.indexOf('\n', lineStart);
  return text.slice(lineStart, newline === -1 ? text.length : newline + 1);
}

/**
 * True when a `secret-manager-ignore [rule-ids]` comment on the finding's line (the one starting
 * at `lineStart`) or the line before covers it, or another scanner's allow-comment does
 * (allow-comments.ts).
 */
export function isIgnoredInline(text: string, lineStart: number, ruleId: string): boolean {
  const previousStart = lineStart >= 2 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  const previousLine = lineStart === 0 ? undefined : text.slice(previousStart, lineStart);
  if (isAllowedByOtherTool(lineFrom(text, lineStart), previousLine)) return true;
  for (const line of previousLine === undefined ? [lineFrom(text, 0)] : [lineFrom(text, lineStart), previousLine]) {
    const comment = INLINE_IGNORE.exec(line);
    if (!comment) continue;
    const rules = comment[1].split(',').filter((rule) => rule.length > 0);
    if (rules.length === 0 || rules.some((rule) => ruleIdMatches(rule, ruleId))) return true;
  }
  return false;
}

/** True when the ignore file's fingerprints or the allowlist's patterns cover this literal. */
export function isAllowlisted(suppressions: Suppressions, ruleId: string, literal: string): boolean {
  if (suppressions.fingerprints.size > 0 && suppressions.fingerprints.has(findingFingerprint(ruleId, literal))) return true;
  return suppressions.patterns.some((pattern) => pattern.test(literal));
}

/**
 * The line to append to .secretmanagerignore so this finding is no longer reported. It holds a
 * truncated hash of the rule and the literal, never the literal.
 */
export function createIgnoreEntry(finding: Pick<Finding, 'ruleId' | 'range'>, text: string): string {
  const literal = text.slice(finding.range[0], finding.range[1]);
  return `fingerprint:${findingFingerprint(finding.ruleId, literal)} # ${finding.ruleId}`;
}
