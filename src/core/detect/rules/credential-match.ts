import { groupRange, type RuleMatch } from '../project-rule';
import { isCredential, judgeValue, namesAHash, type CandidateEvidence } from '../value-judgement';

/** The whole match, when the shared judgement keeps it as a credential of a known format. */
export function wholeMatchIfCredential(match: RegExpExecArray): RuleMatch | undefined {
  return isCredential(match[0], 'format') ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** Capture group `group` of the match, when the shared judgement keeps it. */
export function groupIfCredential(match: RegExpExecArray, group: number, evidence: CandidateEvidence): RuleMatch | undefined {
  const value = match[group];
  if (value === undefined || !isCredential(value, evidence)) return undefined;
  return groupRange(match, group);
}

/**
 * Capture group `group` of the match, with the confidence the shared judgement gives its text as a
 * value assigned to `name`; nothing when the judgement says it is no credential at all.
 */
export function groupJudgedUnderName(match: RegExpExecArray, group: string, name: string): RuleMatch | undefined {
  const { confidence } = judgeValue(match.groups?.[group] ?? '', 'name', { name });
  const range = confidence > 0 ? groupRange(match, group) : undefined;
  return range && { ...range, confidence };
}

/** True when the text holds an uppercase letter, a lowercase letter and a digit, as random base62 text does. */
export function mixesCaseAndDigits(text: string): boolean {
  return /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);
}

/** True when the text holds both a letter and a digit, as random hex text does. */
export function mixesLettersAndDigits(text: string): boolean {
  return /[A-Za-z]/.test(text) && /[0-9]/.test(text);
}

/**
 * For a rule anchored on a literal in the middle of its format: the credential, when `prefix`
 * matches the `length` characters before the match and what precedes them cannot continue it.
 */
export function withPrefixBefore(match: RegExpExecArray, length: number, prefix: RegExp, continuing: RegExp): RuleMatch | undefined {
  const start = match.index - length;
  if (start < 0 || !prefix.test(match.input.slice(start, match.index))) return undefined;
  if (start > 0 && continuing.test(match.input[start - 1])) return undefined;
  const end = match.index + match[0].length;
  return isCredential(match.input.slice(start, end), 'format') ? { start, end } : undefined;
}

/** True when the text holds an uppercase letter or a digit: random base64url text of 20 or more characters does, a lowercase word does not. */
export function holdsCapitalOrDigit(text: string): boolean {
  return /[A-Z0-9]/.test(text);
}

/** The whole match, when its random part (group 1) mixes upper case, lower case and digits, and the judgement keeps it. */
export function wholeMatchIfRandomBase62(match: RegExpExecArray): RuleMatch | undefined {
  return mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined;
}

/** The whole match, when its random part (group 1) mixes letters and digits (hex does), and the judgement keeps it. */
export function wholeMatchIfRandomHex(match: RegExpExecArray): RuleMatch | undefined {
  return mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined;
}

/** The key a value is written under on its line: `"md5": "…"`, `md5_digest = '…'`, `\"md5\":\"…\"` in escaped JSON. */
export function keyBefore(text: string, index: number): string | undefined {
  return /([A-Za-z_][\w.-]*)\\?["']?[ \t]*[:=][ \t]*\\?["']?$/.exec(text.slice(Math.max(0, index - 80), index))?.[1];
}

/**
 * The name a value at `at` is assigned to, the assignment just before it: `"handle": "`, `handle = '`,
 * Ruby's and PHP's `"handle" => "`, YAML's `handle: `, a template literal. Undefined when no name comes right before.
 * Unlike keyBefore, it takes `=>` and a backtick, and no escaped quotes.
 */
export function nameAssignedBefore(text: string, at: number): string | undefined {
  return /["']?([\w.-]+)["']?[ \t]*(?::|=>?)[ \t]*["'`]?$/.exec(text.slice(Math.max(0, at - 80), at))?.[1];
}

/** True when the value at `index` is written under a hash's name (`"md5": "53ef…"`): a digest, whichever rule's shape it has. */
export function isUnderHashName(text: string, index: number): boolean {
  return namesAHash(keyBefore(text, index));
}

/**
 * True when the value from `start` to `end` sits in an e-mail address's local part: `drop+<32 hex>+d0@example.com`
 * tags an address with an id, which grants nothing.
 */
export function isInEmailAddress(text: string, start: number, end: number): boolean {
  return /[+._-]/.test(text.charAt(start - 1)) && /^[\w.+-]{0,40}@[A-Za-z0-9-]+\.[A-Za-z]/.test(text.slice(end, end + 120));
}
