import type { SecretLintRuleCreator, SecretLintRuleContext } from '@secretlint/types';
import { IgnoringCaseLiterals, type GateKeywordRule, type TextRange } from './ignoring-case-literals';
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
  /** Where a tracked project literal starts in the text, ascending; undefined when not tracked. */
  literalStarts(literal: string): readonly number[] | undefined;
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

/** A preset rule without a trigger entry (a new rule after an upgrade) always runs. */
const ALWAYS: PresetRuleTrigger = {};

function runsAlways(trigger: PresetRuleTrigger): boolean {
  return !trigger.literals?.length && !trigger.literalsIgnoringCase?.length && !trigger.extensions?.length;
}

/**
 * Decides, per file, which preset rules can report there: one pass of a LiteralScanner over the
 * text for the exact-case triggers (and the project rules' required literals, tracking where some
 * start), and the case-insensitive triggers through IgnoringCaseLiterals.
 */
export class RuleGate {
  private readonly entries: readonly PresetEntry[];
  private readonly scanner: LiteralScanner;
  private readonly tracked: ReadonlySet<string>;
  private readonly literalIndex = new Map<string, number>();
  private readonly ignoringCase: IgnoringCaseLiterals;
  /** See IgnoringCaseLiterals.keywordRules. */
  readonly keywordRules: readonly GateKeywordRule[];

  /**
   * @param projectLiterals The project rules' required literals.
   * @param trackedProjectLiterals Those of them whose every start is wanted (literalStarts).
   */
  constructor(presetRules: readonly GatedPresetRule[], projectLiterals: readonly string[], trackedProjectLiterals: readonly string[] = []) {
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
    this.ignoringCase = new IgnoringCaseLiterals(ignoringCase, indexOfLiteral);
    this.keywordRules = this.ignoringCase.keywordRules;
    // The lines of the line-local rules are found from where their literals start.
    const tracked = new Set(this.entries.filter((entry) => entry.lineLocal).flatMap((entry) => entry.literalIndexes.map((index) => literals[index])));
    for (const literal of trackedProjectLiterals) tracked.add(literal);
    for (const part of this.ignoringCase.parts) tracked.add(part);
    this.tracked = tracked;
    this.scanner = new LiteralScanner(literals, tracked);
  }

  /**
   * @param keywordLines The KeywordFilter's result, when its rules included `keywordRules`: the
   *   case-insensitive literals without a letterless part are then looked for on those lines only.
   */
  evaluate(text: string, extension: string, keywordLines?: ReadonlyMap<string, readonly TextRange[]>): GateResult {
    const { found, positions } = this.scanner.scan(text);
    const foundIgnoringCase = this.ignoringCase.occurring(text, found, positions, keywordLines);
    const presetRules: GatedPresetRule[] = [];
    // Plain loops and helpers rather than callbacks: this runs once per file, and the optimising
    // compiler took 15–20 ms over the callbacks inlined into it.
    for (let entryIndex = 0; entryIndex < this.entries.length; entryIndex += 1) {
      const entry = this.entries[entryIndex];
      const byExtension = entry.extensions.includes(extension);
      const anyIgnoringCase = anyOf(entry.ignoringCaseIndexes, foundIgnoringCase);
      if (!(entry.always || byExtension || anyIgnoringCase || anyOf(entry.literalIndexes, found))) continue;
      if (!allOf(entry.alsoNeededIndexes, found)) continue;
      if (entry.lineLocal && !entry.always && !byExtension && !anyIgnoringCase) presetRules.push(onItsLines(entry, text, positions));
      else presetRules.push(entry.descriptor);
    }
    return {
      presetRules,
      hasLiteral: (literal) => {
        const index = this.literalIndex.get(literal);
        return index === undefined ? text.includes(literal) : found[index];
      },
      literalStarts: (literal) => {
        const index = this.literalIndex.get(literal);
        if (index === undefined || !this.tracked.has(literal)) return undefined;
        return positions[index] ?? [];
      },
    };
  }
}

/** True when one of the indexes is set in `flags`. */
function anyOf(indexes: readonly number[], flags: readonly boolean[]): boolean {
  for (let index = 0; index < indexes.length; index += 1) if (flags[indexes[index]]) return true;
  return false;
}

/** True when all the indexes are set in `flags`. */
function allOf(indexes: readonly number[], flags: readonly boolean[]): boolean {
  for (let index = 0; index < indexes.length; index += 1) if (!flags[indexes[index]]) return false;
  return true;
}

/** A line-local rule, to run on the lines that hold where its literals start. */
function onItsLines(entry: PresetEntry, text: string, positions: readonly (readonly number[] | undefined)[]): GatedPresetRule {
  // Offsets in the text as rules see it: secretlint drops a leading byte-order mark.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts: number[] = [];
  for (const index of entry.literalIndexes) for (const start of positions[index] ?? []) starts.push(start - shift);
  return { ...entry.descriptor, rule: onLinesHolding(entry.descriptor.rule, starts) };
}

/**
 * The rule, run on the lines that hold one of its literals (given by the offsets where they
 * start, as the LiteralScanner recorded them) instead of on the whole text, with its reports
 * moved back to whole-text offsets. Only for a rule whose every possible report lies on
 * a line holding one of them (PresetRuleTrigger.lineLocal), and that reports synchronously (the
 * offset moves from line to line): a line is cut at its newlines, which are neither word
 * characters nor letters, so \b and lookarounds see the same at its edges.
 */
function onLinesHolding(rule: SecretLintRuleCreator, literalStarts: readonly number[]): SecretLintRuleCreator {
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
          for (const line of linesHolding(content, literalStarts)) {
            offset = line.start;
            const running = handler.file(Object.create(source, { content: { value: content.slice(line.start, line.end) } }));
            if (running) await running;
          }
        },
      };
    },
  };
}

/** The lines [start, end) (without their newline) that hold the given offsets, in order. */
function linesHolding(content: string, offsets: readonly number[]): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  for (const offset of [...offsets].sort((left, right) => left - right)) {
    if (lines.length > 0 && offset < lines[lines.length - 1].end) continue;
    const start = content.lastIndexOf('\n', offset) + 1;
    const newline = content.indexOf('\n', offset);
    lines.push({ start, end: newline === -1 ? content.length : newline });
  }
  return lines;
}
