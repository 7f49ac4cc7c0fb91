import type { SecretLintRuleCreator, SecretLintRuleContext } from '@secretlint/types';
import { escapeRegExp } from './project-rule';
import { LiteralScanner } from './literal-scanner';
import { PRESET_RULE_TRIGGERS, type PresetRuleTrigger } from './preset-triggers';

/** A preset rule to run on one file, and its options. */
export interface GatedPresetRule {
  readonly id: string;
  readonly rule: SecretLintRuleCreator;
  readonly options?: Record<string, unknown>;
}

export interface GateResult {
  /** The preset rules that may report in this file, in the preset's order. */
  readonly presetRules: readonly GatedPresetRule[];
  /** True when the file holds this literal (one of the project rules' `requiredText`). */
  hasLiteral(literal: string): boolean;
}

interface PresetEntry {
  /** Reused for every file the rule runs on whole. */
  readonly descriptor: GatedPresetRule;
  /** No trigger entry (a rule new after an upgrade): it runs on every file. */
  readonly always: boolean;
  readonly extensions: readonly string[];
  readonly lineLocal: boolean;
  /** Indexes into the scanner's literals, and into the case-insensitive literals. */
  readonly literalIndexes: readonly number[];
  readonly ignoringCaseIndexes: readonly number[];
  /** Scanner indexes of PresetRuleTrigger.alsoNeeds: all must be found. */
  readonly alsoNeededIndexes: readonly number[];
}

/** Case-insensitive literals found through their letterless part ("://" in "mysql://"). */
interface AnchoredIgnoringCase {
  readonly part: string;
  /** The scanner's index of `part`: a file without it is not searched. */
  readonly partIndex: number;
  /** The literals, with where `part` sits in each. */
  readonly literals: { readonly index: number; readonly literal: string; readonly offset: number }[];
}

/** A keyword rule for KeywordFilter: a case-insensitive trigger without a letterless part. */
export interface GateKeywordRule {
  readonly id: string;
  readonly keywords: readonly string[];
}

/** A preset rule without a trigger entry (a new rule after an upgrade) always runs. */
const ALWAYS: PresetRuleTrigger = {};

function runsAlways(trigger: PresetRuleTrigger): boolean {
  return !trigger.literals?.length && !trigger.literalsIgnoringCase?.length && !trigger.extensions?.length;
}

/**
 * Decides, per file, which preset rules can report there: one pass of a LiteralScanner over the
 * text for the exact-case triggers (and the project rules' required literals); the
 * case-insensitive triggers through their letterless part where they have one, else one short
 * case-insensitive regex.
 */
export class RuleGate {
  private readonly entries: readonly PresetEntry[];
  private readonly scanner: LiteralScanner;
  private readonly literalIndex = new Map<string, number>();
  private readonly ignoringCaseCount: number;
  private readonly anchoredIgnoringCase: readonly AnchoredIgnoringCase[];
  /** The case-insensitive literals without a letterless part, looked for in every file. */
  private readonly ignoringCasePattern: RegExp | undefined;
  private readonly ignoringCaseByLowered = new Map<string, number>();
  /**
   * The same literals as keyword rules, for the detector's KeywordFilter: its one pass over the
   * text (case-insensitive) then finds them too, which costs less than a regex of their own.
   */
  readonly keywordRules: readonly GateKeywordRule[];

  constructor(presetRules: readonly GatedPresetRule[], projectLiterals: readonly string[]) {
    const literals: string[] = [];
    const indexOfLiteral = (literal: string) => {
      let index = this.literalIndex.get(literal);
      if (index === undefined) {
        index = literals.push(literal) - 1;
        this.literalIndex.set(literal, index);
      }
      return index;
    };
    const ignoringCase: string[] = [];
    const indexIgnoringCase = (literal: string) => {
      const lower = literal.toLowerCase();
      const known = ignoringCase.indexOf(lower);
      return known !== -1 ? known : ignoringCase.push(lower) - 1;
    };
    this.entries = presetRules.map((descriptor) => {
      const trigger = PRESET_RULE_TRIGGERS[descriptor.id] ?? ALWAYS;
      return {
        descriptor,
        always: runsAlways(trigger),
        extensions: trigger.extensions ?? [],
        lineLocal: trigger.lineLocal ?? false,
        literalIndexes: (trigger.literals ?? []).map(indexOfLiteral),
        ignoringCaseIndexes: (trigger.literalsIgnoringCase ?? []).map(indexIgnoringCase),
        alsoNeededIndexes: (trigger.alsoNeeds ?? []).map(indexOfLiteral),
      };
    });
    for (const literal of projectLiterals) indexOfLiteral(literal);
    const anchored = new Map<string, AnchoredIgnoringCase>();
    const unanchored: string[] = [];
    ignoringCase.forEach((literal, index) => {
      const part = letterlessPart(literal);
      if (part !== '') {
        let group = anchored.get(part);
        if (!group) anchored.set(part, (group = { part, partIndex: indexOfLiteral(part), literals: [] }));
        group.literals.push({ index, literal, offset: literal.indexOf(part) });
      } else {
        unanchored.push(literal);
        this.ignoringCaseByLowered.set(literal, index);
      }
    });
    this.keywordRules = unanchored.map((literal) => ({ id: keywordRuleId(literal), keywords: [escapeRegExp(literal)] }));
    this.ignoringCaseCount = ignoringCase.length;
    this.anchoredIgnoringCase = [...anchored.values()];
    this.ignoringCasePattern = unanchored.length > 0 ? new RegExp(unanchored.map(escapeRegExp).join('|'), 'gi') : undefined;
    this.scanner = new LiteralScanner(literals);
  }

  /**
   * @param keywordLines The KeywordFilter's result, when its rules included `keywordRules`: the
   *   case-insensitive literals without a letterless part are then read from it.
   */
  evaluate(text: string, extension: string, keywordLines?: ReadonlyMap<string, unknown>): GateResult {
    const found = this.scanner.occurring(text);
    const foundIgnoringCase = this.occurringIgnoringCase(text, found, keywordLines);
    const presetRules: GatedPresetRule[] = [];
    for (const entry of this.entries) {
      const byExtension = entry.extensions.includes(extension);
      const anyIgnoringCase = entry.ignoringCaseIndexes.some((index) => foundIgnoringCase[index]);
      const anyLiteral = entry.literalIndexes.some((index) => found[index]);
      if (!(entry.always || byExtension || anyIgnoringCase || anyLiteral)) continue;
      if (!entry.alsoNeededIndexes.every((index) => found[index])) continue;
      if (entry.lineLocal && !entry.always && !byExtension && !anyIgnoringCase) {
        const present = entry.literalIndexes.filter((index) => found[index]).map((index) => this.scanner.literals[index]);
        presetRules.push({ ...entry.descriptor, rule: onLinesHolding(entry.descriptor.rule, present) });
      } else {
        presetRules.push(entry.descriptor);
      }
    }
    return {
      presetRules,
      hasLiteral: (literal) => {
        const index = this.literalIndex.get(literal);
        return index === undefined ? text.includes(literal) : found[index];
      },
    };
  }

  private occurringIgnoringCase(text: string, found: readonly boolean[], keywordLines: ReadonlyMap<string, unknown> | undefined): boolean[] {
    const foundIgnoringCase = new Array<boolean>(this.ignoringCaseCount).fill(false);
    for (const { part, partIndex, literals } of this.anchoredIgnoringCase) {
      if (!found[partIndex]) continue;
      let missing = literals.length;
      for (let position = text.indexOf(part); position !== -1 && missing > 0; position = text.indexOf(part, position + 1)) {
        for (const { index, literal, offset } of literals) {
          if (!foundIgnoringCase[index] && equalsIgnoringAsciiCase(text, position - offset, literal)) {
            foundIgnoringCase[index] = true;
            missing -= 1;
          }
        }
      }
    }
    if (keywordLines) {
      for (const [literal, index] of this.ignoringCaseByLowered) if (keywordLines.has(keywordRuleId(literal))) foundIgnoringCase[index] = true;
      return foundIgnoringCase;
    }
    const pattern = this.ignoringCasePattern;
    if (pattern) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const index = this.ignoringCaseByLowered.get(match[0].toLowerCase());
        if (index !== undefined) foundIgnoringCase[index] = true;
        // Literals may overlap: step one character, not past the match.
        pattern.lastIndex = match.index + 1;
      }
    }
    return foundIgnoringCase;
  }
}

function keywordRuleId(literal: string): string {
  return `rule-gate/ignoring-case/${literal}`;
}

/**
 * True when `text` holds `lowercaseLiteral` at `start`, ASCII letters in any case: what a /i regex
 * without the u flag matches (it never matches a non-ASCII character to an ASCII one).
 */
function equalsIgnoringAsciiCase(text: string, start: number, lowercaseLiteral: string): boolean {
  if (start < 0 || start + lowercaseLiteral.length > text.length) return false;
  for (let index = 0; index < lowercaseLiteral.length; index += 1) {
    let code = text.charCodeAt(start + index);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lowercaseLiteral.charCodeAt(index)) return false;
  }
  return true;
}

/** The longest run of characters other than ASCII letters in the literal: '://' in 'mysql://'. */
function letterlessPart(literal: string): string {
  return (literal.match(/[^A-Za-z]+/g) ?? []).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/**
 * The rule, run on the lines that hold one of `literals` instead of on the whole text, with its
 * reports moved back to whole-text offsets. Only for a rule whose every possible report lies on
 * a line holding one of them (PresetRuleTrigger.lineLocal), and that reports synchronously (the
 * offset moves from line to line): a line is cut at its newlines, which are neither word
 * characters nor letters, so \b and lookarounds see the same at its edges.
 */
function onLinesHolding(rule: SecretLintRuleCreator, literals: readonly string[]): SecretLintRuleCreator {
  return {
    messages: rule.messages,
    meta: rule.meta,
    create(context: SecretLintRuleContext, options: unknown) {
      let offset = 0;
      const shift = (range: readonly [number, number]): [number, number] => [range[0] + offset, range[1] + offset];
      const lineContext: SecretLintRuleContext = {
        ...context,
        report: (descriptor) => context.report({ ...descriptor, range: shift(descriptor.range) }),
        ignore: (descriptor) => context.ignore({ ...descriptor, range: shift(descriptor.range) }),
      };
      const handler = rule.create(lineContext, options as never);
      return {
        async file(source) {
          if (!handler.file) return;
          const content = source.content;
          for (const line of linesHolding(content, literals)) {
            offset = line.start;
            const running = handler.file(Object.create(source, { content: { value: content.slice(line.start, line.end) } }));
            if (running) await running;
          }
        },
      };
    },
  };
}

/** The lines [start, end) (without their newline) that hold one of the literals, in order. */
function linesHolding(content: string, literals: readonly string[]): { start: number; end: number }[] {
  const starts = new Set<number>();
  const lines: { start: number; end: number }[] = [];
  for (const literal of literals) {
    for (let index = content.indexOf(literal); index !== -1; index = content.indexOf(literal, index + 1)) {
      const start = content.lastIndexOf('\n', index) + 1;
      if (starts.has(start)) continue;
      starts.add(start);
      const newline = content.indexOf('\n', index);
      lines.push({ start, end: newline === -1 ? content.length : newline });
    }
  }
  return lines.sort((left, right) => left.start - right.start);
}
