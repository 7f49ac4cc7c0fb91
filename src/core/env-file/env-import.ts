import type { SecretReference } from '../model';
import type { SecretStore } from '../store';
import { suggestSecretKeyName } from '../references/secret-key-name';
import { uniqueSecretName } from '../references/unique-secret-name';
import type { EnvAssignment } from './parse-env-file';
import { formatSecretUri, secretUriParts } from './secret-uri';

/** One value to move from an env file into the store. */
export interface ImportEntry {
  readonly assignment: EnvAssignment;
  readonly reference: SecretReference;
  /** True when a secret of the vault already holds the value: the reference points at it, nothing is created. */
  readonly alreadyStored: boolean;
}

/**
 * Which secrets hold a value, for planImport: the store's known-secret matcher once the vault
 * exists. A store that cannot match (or fails to) reuses nothing, and the import creates secrets as before.
 */
export async function storedValueHolders(store: Pick<SecretStore, 'fingerprintMatcher'>, vaultExists: boolean): Promise<(value: string) => readonly SecretReference[]> {
  const matcher = vaultExists ? await store.fingerprintMatcher().catch(() => undefined) : undefined;
  return matcher ?? (() => []);
}

/** `STRIPE_SECRET_KEY` → `stripe-secret-key`. */
export function secretNameForVariable(variable: string): string {
  return suggestSecretKeyName({ headerOrVariableName: variable });
}

/**
 * The chosen assignments, each with the secret it becomes in `vault`: named from its variable, made
 * unique against `taken` (the vault's secrets) and each other. Empty values and references are left out.
 * A value that a secret of `vault` already holds (`storedAs`, the store's known-secret matcher)
 * points at that secret instead, preferring the one named from the variable: importing a copy of
 * an imported file makes no second copy of its secrets.
 */
export function planImport(chosen: readonly EnvAssignment[], vault: string, taken: ReadonlySet<string>, storedAs: (value: string) => readonly SecretReference[] = () => []): ImportEntry[] {
  const names = new Set(taken);
  const entries: ImportEntry[] = [];
  for (const assignment of chosen) {
    if (assignment.value === '' || secretUriParts(assignment.value) !== undefined) continue;
    const proposed = secretNameForVariable(assignment.name);
    const holders = storedAs(assignment.value).filter((reference) => reference.vault === vault);
    const holder = holders.find((reference) => reference.key === proposed) ?? holders[0];
    if (holder) {
      entries.push({ assignment, reference: holder, alreadyStored: true });
      continue;
    }
    const key = uniqueSecretName(proposed, names);
    names.add(key);
    entries.push({ assignment, reference: { vault, key }, alreadyStored: false });
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
