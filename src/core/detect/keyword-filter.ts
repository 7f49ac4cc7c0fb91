import type { ProjectRule } from './project-rule';

/** The one character other than "İ" that lower-cases to an ASCII letter ("k"). */
const KELVIN_SIGN = '\u212A';

/** A line [start, end) of the text (end excludes the newline). */
export interface CandidateLine {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds, for each context rule, the lines that hold one of its keywords, in one pass of one regex
 * over the text, so the rule's own (costlier) pattern only runs on those lines. Measured on a
 * 10,000-line file: 48 separate indexOf passes cost as much as the whole preset; one alternation
 * costs about what one of secretlint's rules does, as long as it holds only the context words
 * (rules that start with a distinctive literal run over the whole text instead: V8 skips ahead
 * to a literal fast).
 */
export class KeywordFilter {
  private readonly onLowerCase: RegExp;
  private readonly onAnyCase: RegExp;
  /** For capture group i+1 of `combined`, the rules that own that keyword. */
  private readonly owners: readonly (readonly string[])[];
  /** Each keyword alone, sticky: where one keyword matched, another may start at the same place. */
  private readonly stickyOnLowerCase: readonly RegExp[];
  private readonly stickyOnAnyCase: readonly RegExp[];

  constructor(rules: readonly Pick<ProjectRule, 'id' | 'keywords'>[]) {
    const bySource = new Map<string, string[]>();
    for (const rule of rules) {
      for (const keyword of rule.keywords) {
        const owners = bySource.get(keyword) ?? [];
        if (!owners.includes(rule.id)) owners.push(rule.id);
        bySource.set(keyword, owners);
      }
    }
    const sources = [...bySource.keys()];
    // Never empty: an alternation of nothing would match everywhere.
    const alternation = sources.length > 0 ? sources.map((source) => `(${source})`).join('|') : '(?!)';
    this.onLowerCase = new RegExp(alternation, 'g');
    this.onAnyCase = new RegExp(alternation, 'gi');
    this.owners = sources.map((source) => bySource.get(source) ?? []);
    this.stickyOnLowerCase = sources.map((source) => new RegExp(source, 'y'));
    this.stickyOnAnyCase = sources.map((source) => new RegExp(source, 'iy'));
  }

  /** The candidate lines of each rule, in text order, without duplicates. */
  candidateLines(content: string): Map<string, CandidateLine[]> {
    const perRule = new Map<string, CandidateLine[]>();
    if (this.owners.length === 0) return perRule;
    // The keywords are lower case, and mean the text lower-cased. The i flag (without u) matches
    // the same, and saves the copy: it only differs where a character lower-cases to an ASCII
    // letter (the Kelvin sign to "k"), or where lower-casing changes the length ("İ"); the copy
    // is then matched, unless it would shift offsets. On the bench tree, the i flag took 20 ms
    // against 24-33 ms for lower-casing then matching.
    const lowered = content.includes(KELVIN_SIGN) ? content.toLowerCase() : undefined;
    const onLowered = lowered !== undefined && lowered.length === content.length;
    const combined = onLowered ? this.onLowerCase : this.onAnyCase;
    const sticky = onLowered ? this.stickyOnLowerCase : this.stickyOnAnyCase;
    const haystack = onLowered ? lowered : content;
    const groupCount = this.owners.length;
    let lineStart = -1;
    let lineEnd = -1;
    combined.lastIndex = 0;
    for (let hit = combined.exec(haystack); hit !== null; hit = combined.exec(haystack)) {
      const index = hit.index;
      if (index >= lineEnd) {
        lineStart = content.lastIndexOf('\n', index) + 1;
        lineEnd = content.indexOf('\n', index);
        if (lineEnd === -1) lineEnd = content.length;
      }
      // Keywords overlap ("auth_token" holds "token"): step one character, not past the match.
      combined.lastIndex = index + 1;
      // The alternation reports the first keyword that matches here; the later ones are tried
      // on their own, so a keyword that starts where another does is not lost.
      let matched = 1;
      while (matched <= groupCount && hit[matched] === undefined) matched += 1;
      for (let group = matched; group <= groupCount; group += 1) {
        if (group !== matched) {
          const alone = sticky[group - 1];
          alone.lastIndex = index;
          if (!alone.test(haystack)) continue;
        }
        for (const ruleId of this.owners[group - 1]) {
          let lines = perRule.get(ruleId);
          if (!lines) perRule.set(ruleId, (lines = []));
          if (lines.length === 0 || lines[lines.length - 1].start !== lineStart) lines.push({ start: lineStart, end: lineEnd });
        }
      }
    }
    return perRule;
  }
}
