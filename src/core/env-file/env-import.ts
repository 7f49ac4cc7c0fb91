import type { SecretReference } from '../model';
import { suggestSecretKeyName } from '../references/secret-key-name';
import { uniqueSecretName } from '../references/unique-secret-name';
import type { EnvAssignment } from './parse-env-file';
import { formatSecretUri, secretUriParts } from './secret-uri';

/** One value to move from an env file into the store. */
export interface ImportEntry {
  readonly assignment: EnvAssignment;
  readonly reference: SecretReference;
}

/** `STRIPE_SECRET_KEY` → `stripe-secret-key`. */
export function secretNameForVariable(variable: string): string {
  return suggestSecretKeyName({ headerOrVariableName: variable });
}

/**
 * The chosen assignments, each with the secret it becomes in `vault`: named from its variable, made
 * unique against `taken` (the vault's secrets) and each other. Empty values and references are left out.
 */
export function planImport(chosen: readonly EnvAssignment[], vault: string, taken: ReadonlySet<string>): ImportEntry[] {
  const names = new Set(taken);
  const entries: ImportEntry[] = [];
  for (const assignment of chosen) {
    if (assignment.value === '' || secretUriParts(assignment.value) !== undefined) continue;
    const key = uniqueSecretName(secretNameForVariable(assignment.name), names);
    names.add(key);
    entries.push({ assignment, reference: { vault, key } });
  }
  return entries;
}

/**
 * The env file with each entry's value replaced by its reference, written in the value's own quotes
 * (a bare value stays bare). Everything else, comments, order and line ends, is kept byte for byte.
 */
export function rewriteWithReferences(text: string, entries: readonly ImportEntry[]): string {
  const ordered = [...entries].sort((left, right) => right.assignment.rawStart - left.assignment.rawStart);
  let rewritten = text;
  for (const { assignment, reference } of ordered) {
    const quote = assignment.quote;
    rewritten = `${rewritten.slice(0, assignment.rawStart)}${quote}${formatSecretUri(reference)}${quote}${rewritten.slice(assignment.rawEnd)}`;
  }
  return rewritten;
}
