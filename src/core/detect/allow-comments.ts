// Other scanners' allow-comments, honoured so that a repository that already silenced a finding
// for them does not have to say it again for this tool. Each covers every rule.

/**
 * On the finding's own line: detect-secrets, gitleaks, GitGuardian (ggshield), gosec's `#nosec`
 * when it is bare or names G101, its hard-coded credentials rule, and Ruff's or flake8-bandit's
 * `noqa` (Bandit's `nosec`) naming a hard-coded password rule (S105–S107, B105–B107).
 */
const SAME_LINE_MARKER =
  /pragma:[ \t]?(?:allow|white)list[ -]secret(?![\w-])|gitleaks:allow(?![\w-])|(?<![\w-])ggignore(?![\w-])|#nosec(?:(?![ \t]*G\d)(?![\w-])|[ \t]+(?:G\d+[ \t,]+)*G101(?!\d))|(?:noqa:|nosec)[ \t]*(?:[A-Z]+\d+[ \t,]+)*[SB]10[567](?!\d)/;
/** On the line before the finding: detect-secrets' `pragma: allowlist nextline secret`. */
const NEXT_LINE_MARKER = /pragma:[ \t]?allowlist[ -]nextline[ -]secret(?![\w-])/;

/**
 * True when another tool's allow-comment covers a finding on `line`: on that line, or (for the
 * next-line form) on `previousLine`, the line just above it (undefined on the first line).
 */
export function isAllowedByOtherTool(line: string, previousLine: string | undefined): boolean {
  if (SAME_LINE_MARKER.test(line)) return true;
  return previousLine !== undefined && NEXT_LINE_MARKER.test(previousLine);
}
