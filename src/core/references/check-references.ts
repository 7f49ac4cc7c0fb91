import { NAME_PATTERN } from '../model';
import { invalidNameMessage } from './name-problem';
import { toKebabCase } from './secret-key-name';
import { didYouMean, suggestClosest } from './suggest';
import type { FoundReference, TextEdit } from './types';

/** The vaults a store holds, each with its secrets' names. */
export type KnownSecrets = ReadonlyMap<string, ReadonlySet<string>>;

/** The secrets that `defineSecretManager` declares in the workspace: vault → key → where, such as "secrets.ts:5". */
export type DeclaredSecrets = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type ReferenceProblemKind = 'missing-vault' | 'missing-key' | 'invalid-name' | 'declared-not-deployed';

export interface ReferenceProblem<Reference extends FoundReference = FoundReference> {
  readonly reference: Reference;
  readonly kind: ReferenceProblemKind;
  /** Which name the problem is about. */
  readonly part: 'vault' | 'key';
  /** 'information' for a declared secret that is not deployed yet: nothing is wrong in the code. */
  readonly severity: 'warning' | 'information';
  readonly message: string;
  /** The likely intended name (a vault for missing-vault, a key for missing-key, the name spelled by the rule for invalid-name). */
  readonly suggestion: string | undefined;
}

export interface CheckOptions {
  /** Also check `defineSecretManager` declarations, which create what they name when deployed. Defaults to false. */
  readonly includeDeclarations?: boolean;
  /** Names the store, as in "Vault "x" does not exist in Local store". */
  readonly storeLabel?: string;
  /** The workspace's declarations: a declared secret missing from the store gets a note, not a warning. */
  readonly declared?: DeclaredSecrets;
}

export function knownSecretsFrom(entries: Iterable<readonly [string, Iterable<string>]>): KnownSecrets {
  return new Map([...entries].map(([vault, keys]) => [vault, new Set(keys)] as const));
}

/** The declarations among `references`, each placed by `where` (such as "secrets.ts:5"); the first declaration of a secret wins. */
export function declaredSecretsFrom<Reference extends FoundReference>(references: Iterable<Reference>, where: (reference: Reference) => string): DeclaredSecrets {
  const declared = new Map<string, Map<string, string>>();
  for (const reference of references) {
    if (!reference.isDeclaration) continue;
    let keys = declared.get(reference.vault);
    if (!keys) declared.set(reference.vault, (keys = new Map()));
    if (!keys.has(reference.key)) keys.set(reference.key, where(reference));
  }
  return declared;
}

/** `API_KEY` → `api-key`, when that follows the rule. */
function validSpelling(name: string): string | undefined {
  const spelled = toKebabCase(name);
  return NAME_PATTERN.test(spelled) ? spelled : undefined;
}

function problemOf<Reference extends FoundReference>(reference: Reference, known: KnownSecrets, options: CheckOptions): ReferenceProblem<Reference> | undefined {
  const base = { reference, severity: 'warning' as const };
  const invalidVault = invalidNameMessage(reference.vault, 'vault');
  if (invalidVault) return { ...base, kind: 'invalid-name', part: 'vault', message: invalidVault, suggestion: validSpelling(reference.vault) };
  const invalidKey = invalidNameMessage(reference.key, 'secret');
  if (invalidKey) return { ...base, kind: 'invalid-name', part: 'key', message: invalidKey, suggestion: validSpelling(reference.key) };
  if (reference.isDeclaration && !options.includeDeclarations) return undefined;

  const store = options.storeLabel ?? 'the store';
  const where = options.storeLabel ? ` in ${options.storeLabel}` : '';
  const storedKeys = known.get(reference.vault);
  if (storedKeys?.has(reference.key)) return undefined;
  // A declaration is what creates the secret; only code that uses it is helped by knowing it is declared.
  const declaredKeys = reference.isDeclaration ? undefined : options.declared?.get(reference.vault);
  const declaredAt = declaredKeys?.get(reference.key);
  if (declaredAt !== undefined) {
    return { ...base, severity: 'information', kind: 'declared-not-deployed', part: 'key', suggestion: undefined, message: `Secret "${reference.key}" is declared in ${declaredAt}, not in ${store} yet.` };
  }
  if (!storedKeys && !declaredKeys) {
    const suggestion = suggestClosest(reference.vault, [...known.keys(), ...(options.declared?.keys() ?? [])]);
    return { ...base, kind: 'missing-vault', part: 'vault', suggestion, message: `Vault "${reference.vault}" does not exist${where}.${didYouMean(suggestion)}` };
  }
  const suggestion = suggestClosest(reference.key, [...(storedKeys ?? []), ...(declaredKeys?.keys() ?? [])]);
  const vaultDeclaredAt = declaredKeys?.values().next().value;
  const message =
    vaultDeclaredAt === undefined
      ? `Secret "${reference.key}" does not exist in vault "${reference.vault}"${where}.`
      : `Secret "${reference.key}" is not declared in vault "${reference.vault}" (${vaultDeclaredAt}) and does not exist in ${store}.`;
  return { ...base, kind: 'missing-key', part: 'key', suggestion, message: `${message}${didYouMean(suggestion)}` };
}

/**
 * The references that do not resolve against `known`, each with a message and a "did you mean";
 * names that break the naming rule, whatever the store holds; and declared secrets not in the store yet.
 */
export function checkReferences<Reference extends FoundReference>(
  references: Iterable<Reference>,
  known: KnownSecrets,
  options: CheckOptions = {},
): ReferenceProblem<Reference>[] {
  const problems: ReferenceProblem<Reference>[] = [];
  for (const reference of references) {
    const problem = problemOf(reference, known, options);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The name a problem is about: the vault's or the key's text. */
export function problemRange(problem: Pick<ReferenceProblem, 'part' | 'reference'>): FoundReference['keyRange'] {
  return problem.part === 'vault' ? problem.reference.vaultRange : problem.reference.keyRange;
}

/** The "did you mean" quick fix: the edit that puts the suggested name in place of the missing one. */
export function suggestionEdit(problem: ReferenceProblem): TextEdit | undefined {
  if (problem.suggestion === undefined) return undefined;
  return { range: problemRange(problem), newText: problem.suggestion };
}
