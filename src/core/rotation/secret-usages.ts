import path from 'node:path';
import type { SecretReference } from '../model';
import { pluralize } from '../format';
import { parseJsonWithComments } from './json-with-comments';

/** What kind of place uses a secret, for "what does rotating it touch?". */
export type UsageKind = 'executor' | 'resolver' | 'launch-input' | 'code' | 'declaration';

export interface SecretUsage {
  readonly kind: UsageKind;
  /** The executor or resolver (its file name), the launch input's id, or the file relative to the root. */
  readonly name: string;
  /** Absolute path. */
  readonly file: string;
}

const KIND_NAMES: Record<UsageKind, [string, string]> = {
  executor: ['executor', 'executors'],
  resolver: ['resolver', 'resolvers'],
  'launch-input': ['launch input', 'launch inputs'],
  code: ['other file', 'other files'],
  declaration: ['declaration', 'declarations'],
};
const KIND_ORDER: readonly UsageKind[] = ['executor', 'resolver', 'launch-input', 'code', 'declaration'];
const MOST_NAMES_SHOWN = 5;

function withoutExtension(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

/** A code reference's usage: an executor file's, a file under `resolvers/`, a declaration, or other code. */
export function codeUsage(file: string, root: string, facts: { readonly isExecutorFile: boolean; readonly isDeclaration: boolean }): SecretUsage {
  if (facts.isDeclaration) return { kind: 'declaration', name: path.relative(root, file).split(path.sep).join('/'), file };
  if (facts.isExecutorFile) return { kind: 'executor', name: withoutExtension(file), file };
  const segments = path.relative(root, file).split(path.sep);
  if (segments.slice(0, -1).includes('resolvers')) return { kind: 'resolver', name: withoutExtension(file), file };
  return { kind: 'code', name: segments.join('/'), file };
}

function namesReference(args: unknown, reference: SecretReference): boolean {
  if (typeof args === 'string') return args === `${reference.vault}/${reference.key}`;
  if (typeof args !== 'object' || args === null) return false;
  const given = args as { vault?: unknown; key?: unknown };
  return given.vault === reference.vault && given.key === reference.key;
}

/** The inputs of a launch.json or tasks.json (JSON with comments) that resolve `reference` through secretManager.resolve. */
export function launchInputUsages(file: string, text: string, reference: SecretReference): SecretUsage[] {
  const parsed = parseJsonWithComments(text) as { inputs?: unknown } | undefined;
  const inputs = Array.isArray(parsed?.inputs) ? (parsed.inputs as Array<{ id?: unknown; command?: unknown; args?: unknown }>) : [];
  return inputs
    .filter((input) => input?.command === 'secretManager.resolve' && namesReference(input.args, reference))
    .map((input) => ({ kind: 'launch-input' as const, name: typeof input.id === 'string' ? input.id : '(no id)', file }));
}

/**
 * One line per kind of usage, such as "3 executors: charge-on-order, refund-order, send-receipt";
 * a name used from several files is named once. Declarations come last: rotating changes nothing there.
 */
export function describeUsages(usages: readonly SecretUsage[]): string[] {
  return KIND_ORDER.flatMap((kind) => {
    const names = [...new Set(usages.filter((usage) => usage.kind === kind).map((usage) => usage.name))].sort();
    if (names.length === 0) return [];
    const [singular, plural] = KIND_NAMES[kind];
    const shown = names.slice(0, MOST_NAMES_SHOWN).join(', ');
    const more = names.length > MOST_NAMES_SHOWN ? ` and ${names.length - MOST_NAMES_SHOWN} more` : '';
    return [`${pluralize(names.length, singular, plural)}: ${shown}${more}`];
  });
}

/** "Used by 3 executors: a, b, c; 1 launch input: stripeKey.", or that nothing in the workspace uses it. */
export function usageSummary(usages: readonly SecretUsage[]): string {
  const lines = describeUsages(usages);
  return lines.length === 0 ? 'No reference to it in the workspace.' : `Used by ${lines.join('; ')}.`;
}
