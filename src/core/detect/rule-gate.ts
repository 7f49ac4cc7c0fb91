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
  readonly id: string;
  readonly rule: SecretLintRuleCreator;
  readonly options?: Record<string, unknown>;
  readonly trigger: PresetRuleTrigger;
  readonly literalIndexes: readonly number[];
  readonly ignoringCaseIndexes: readonly number[];
}

/** A preset rule without a trigger entry (a new rule after an upgrade) always runs. */
const ALWAYS: PresetRuleTrigger = {};

function runsAlways(trigger: PresetRuleTrigger): boolean {
  return !trigger.literals?.length && !trigger.literalsIgnoringCase?.length && !trigger.extensions?.length;
}

/**
 * Decides, per file, which preset rules can report there: one pass of a LiteralScanner over the
 * text for the exact-case triggers (and the project rules' required literals), one short
 * case-insensitive regex for the few case-insensitive ones.
 */
export class RuleGate {
  private readonly entries: readonly PresetEntry[];
  private readonly scanner: LiteralScanner;
  private readonly literalIndex = new Map<string, number>();
  private readonly ignoringCaseIndex = new Map<string, number>();
  /** The case-insensitive literals looked for in every file. */
  private readonly ignoringCaseAlways: RegExp | undefined;
  /** Those looked for only when the file holds their letterless part exactly (by scanner index). */
  private readonly ignoringCaseWhen: RegExp | undefined;
  private readonly letterlessParts: readonly number[];

  constructor(presetRules: readonly { id: string; rule: SecretLintRuleCreator; options?: Record<string, unknown> }[], projectLiterals: readonly string[]) {
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
      let index = this.ignoringCaseIndex.get(lower);
      if (index === undefined) {
        index = ignoringCase.push(lower) - 1;
        this.ignoringCaseIndex.set(lower, index);
      }
      return index;
    };
    this.entries = presetRules.map(({ id, rule, options }) => {
      const trigger = PRESET_RULE_TRIGGERS[id] ?? ALWAYS;
      return {
        id,
        rule,
        options,
        trigger,
        literalIndexes: (trigger.literals ?? []).map(indexOfLiteral),
        ignoringCaseIndexes: (trigger.literalsIgnoringCase ?? []).map(indexIgnoringCase),
      };
    });
    for (const literal of projectLiterals) indexOfLiteral(literal);
    const always: string[] = [];
    const when: string[] = [];
    const letterlessParts = new Set<number>();
    for (const literal of ignoringCase) {
      const part = letterlessPart(literal);
      if (part === '') {
        always.push(literal);
      } else {
        when.push(literal);
        letterlessParts.add(indexOfLiteral(part));
      }
    }
    this.letterlessParts = [...letterlessParts];
    this.scanner = new LiteralScanner(literals);
    const alternation = (sources: readonly string[]) => (sources.length > 0 ? new RegExp(sources.map(escapeRegExp).join('|'), 'gi') : undefined);
    this.ignoringCaseAlways = alternation(always);
    this.ignoringCaseWhen = alternation(when);
  }

  evaluate(text: string, extension: string): GateResult {
    const found = this.scanner.occurring(text);
    const foundIgnoringCase = new Array<boolean>(this.ignoringCaseIndex.size).fill(false);
    this.markIgnoringCase(this.ignoringCaseAlways, text, foundIgnoringCase);
    if (this.letterlessParts.some((index) => found[index])) this.markIgnoringCase(this.ignoringCaseWhen, text, foundIgnoringCase);
    const presetRules: GatedPresetRule[] = [];
    for (const entry of this.entries) {
      const byExtension = entry.trigger.extensions?.includes(extension) ?? false;
      const anyIgnoringCase = entry.ignoringCaseIndexes.some((index) => foundIgnoringCase[index]);
      const presentLiterals = entry.literalIndexes.filter((index) => found[index]).map((index) => this.scanner.literals[index]);
      if (!(runsAlways(entry.trigger) || byExtension || anyIgnoringCase || presentLiterals.length > 0)) continue;
      const onLines = entry.trigger.lineLocal && !byExtension && !anyIgnoringCase && !runsAlways(entry.trigger);
      presetRules.push({
        id: entry.id,
        rule: onLines ? onLinesHolding(entry.rule, presentLiterals) : entry.rule,
        ...(entry.options ? { options: entry.options } : {}),
      });
    }
    return {
      presetRules,
      hasLiteral: (literal) => {
        const index = this.literalIndex.get(literal);
        return index === undefined ? text.includes(literal) : found[index];
      },
    };
  }

  private markIgnoringCase(pattern: RegExp | undefined, text: string, found: boolean[]): void {
    if (!pattern) return;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const index = this.ignoringCaseIndex.get(match[0].toLowerCase());
      if (index !== undefined) found[index] = true;
      // Literals may overlap: step one character, not past the match.
      pattern.lastIndex = match.index + 1;
    }
  }
}

/** The longest run of characters other than ASCII letters in the literal: '://' in 'mysql://'. */
function letterlessPart(literal: string): string {
  return (literal.match(/[^A-Za-z]+/g) ?? []).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/**
 * The rule, run on the lines that hold one of `literals` instead of on the whole text, with its
 * reports moved back to whole-text offsets. Only for a rule whose every possible report lies on
 * a line holding one of them (PresetRuleTrigger.lineLocal): a line is cut at its newlines, which
 * are neither word characters nor letters, so \b and lookarounds see the same at its edges.
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
            await handler.file(Object.create(source, { content: { value: content.slice(line.start, line.end) } }));
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
