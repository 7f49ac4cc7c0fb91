import type { SecretLintRuleContext, SecretLintRuleCreator, SecretLintRuleLocalizeMessages, SecretLintSourceCode } from '@secretlint/types';

/** What the detector reads of a report: secretlint's result message, reduced. */
export interface RuleReport {
  readonly ruleId: string;
  readonly range: readonly [number, number];
  /** The message, with the values the rule passed as data masked by asterisks (maskSecrets). */
  readonly message: string;
}

export interface RunnableRule {
  readonly id: string;
  readonly rule: SecretLintRuleCreator;
  readonly options?: unknown;
}

interface Reported {
  readonly ruleId: string;
  readonly range: readonly [number, number];
  readonly message: string;
  readonly data: unknown;
}

function translate(messages: SecretLintRuleLocalizeMessages) {
  return (messageId: string, data?: unknown) => {
    const handler = (messages as Record<string, unknown>)[messageId] as ((props?: unknown) => string) | Record<string, (props?: unknown) => string> | undefined;
    if (!handler) throw new Error(`messages:${messageId} is missing in messages.`);
    const format = typeof handler === 'function' ? handler : handler.en;
    if (!format) throw new Error(`message's key:${messageId}.en should be defined in messages.`);
    return { message: typeof data === 'object' && data !== null ? format(data) : format(), messageId, data };
  };
}

/** Every string in `data`, in key order, depth first: what secretlint's maskSecrets replaces. */
function stringsIn(data: unknown, found: string[]): string[] {
  if (typeof data === 'string') found.push(data);
  else if (typeof data === 'object' && data !== null) for (const key of Object.keys(data)) stringsIn((data as Record<string, unknown>)[key], found);
  return found;
}

/**
 * Runs secretlint rules on a text the way @secretlint/core's lintSource does when no rule ignores a
 * range (no secretlint-disable comment, so no filter-comments rule): each rule created with its
 * options and run on the file, then duplicates dropped (same range and message, the last kept),
 * data values masked in the messages, and reports sorted by range. It skips lintSource's per-file
 * setup (a line index of the whole text, events and promises per rule): warm detection of the
 * 20 MB bench tree went from about 185 to 135 ms. The differential test in
 * test/unit/core/detect/rule-gate.test.ts checks it against lintSource.
 */
export async function runRules(rules: readonly RunnableRule[], text: string, filePath: string, extension: string): Promise<RuleReport[]> {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = {
    content,
    filePath,
    ext: extension,
    contentType: 'text',
    getFilePath: () => filePath,
    getPhysicalFilePath: () => undefined,
  } as unknown as SecretLintSourceCode;
  const reported: Reported[] = [];
  for (let index = 0; index < rules.length; index += 1) {
    const running = runRule(rules[index], source, reported);
    if (running) await running;
  }
  return reported.length === 0 ? [] : settle(reported);
}

/**
 * Creates one rule and runs it on the source; a promise only when its file handler returns one.
 * Kept apart from runRules, as is settle(): the optimising compiler spent 20 ms on each of two
 * compilations of runRules when it held all three.
 */
function runRule({ id, rule, options }: RunnableRule, source: SecretLintSourceCode, reported: Reported[]): Promise<void> | void {
  const types = rule.meta.supportedContentTypes as readonly string[];
  if (!types.includes('all') && !types.includes('text')) return;
  const context = {
    sharedOptions: {},
    createTranslator: translate,
    report(descriptor: { message: { message: string; data?: unknown }; range: readonly [number, number] }) {
      reported.push({ ruleId: id, range: descriptor.range, message: descriptor.message.message, data: descriptor.message.data });
    },
    ignore() {
      throw new Error('runRules runs no rule that ignores ranges: use lintSource for those.');
    },
  } as unknown as SecretLintRuleContext;
  const handler = rule.create(context, (options ?? {}) as never);
  return handler.file?.(source) ?? undefined;
}

/** Duplicates dropped (same range and message, the last kept), data values masked, sorted by range. */
function settle(reported: readonly Reported[]): RuleReport[] {
  const unique = reported.filter(
    (report, index) =>
      !reported.some(
        (later, laterIndex) =>
          laterIndex > index && later.range[0] === report.range[0] && later.range[1] === report.range[1] && later.message === report.message,
      ),
  );
  return unique
    .map((report) => {
      let message = report.message;
      for (const value of stringsIn(report.data, [])) message = message.split(value).join('*'.repeat(value.length));
      return { ruleId: report.ruleId, range: report.range, message };
    })
    .sort((left, right) => left.range[0] - right.range[0] || left.range[1] - right.range[1]);
}
