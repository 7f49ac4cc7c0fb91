import { suggestClosest } from './suggest';
import type { FoundReference, TextEdit } from './types';

/** The vaults a store holds, each with its secrets' names. */
export type KnownSecrets = ReadonlyMap<string, ReadonlySet<string>>;

export interface ReferenceProblem<Reference extends FoundReference = FoundReference> {
  readonly reference: Reference;
  readonly kind: 'missing-vault' | 'missing-key';
  readonly message: string;
  /** The likely intended name (a vault for missing-vault, a key for missing-key). */
  readonly suggestion: string | undefined;
}

export interface CheckOptions {
  /** Also check `defineSecretManager` declarations, which create what they name when deployed. Defaults to false. */
  readonly includeDeclarations?: boolean;
  /** Names the store, as in "Vault "x" does not exist in Local store". */
  readonly storeLabel?: string;
}

export function knownSecretsFrom(entries: Iterable<readonly [string, Iterable<string>]>): KnownSecrets {
  return new Map([...entries].map(([vault, keys]) => [vault, new Set(keys)] as const));
}

/** The references that do not resolve against `known`, each with a message and a "did you mean". */
export function checkReferences<Reference extends FoundReference>(
  references: Iterable<Reference>,
  known: KnownSecrets,
  options: CheckOptions = {},
): ReferenceProblem<Reference>[] {
  const where = options.storeLabel ? ` in ${options.storeLabel}` : '';
  const problems: ReferenceProblem<Reference>[] = [];
  for (const reference of references) {
    if (reference.isDeclaration && !options.includeDeclarations) continue;
    const keys = known.get(reference.vault);
    if (!keys) {
      const suggestion = suggestClosest(reference.vault, known.keys());
      problems.push({
        reference,
        kind: 'missing-vault',
        suggestion,
        message: `Vault "${reference.vault}" does not exist${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      });
    } else if (!keys.has(reference.key)) {
      const suggestion = suggestClosest(reference.key, keys);
      problems.push({
        reference,
        kind: 'missing-key',
        suggestion,
        message: `Secret "${reference.key}" does not exist in vault "${reference.vault}"${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      });
    }
  }
  return problems;
}

/** The "did you mean" quick fix: the edit that puts the suggested name in place of the missing one. */
export function suggestionEdit(problem: ReferenceProblem): TextEdit | undefined {
  if (problem.suggestion === undefined) return undefined;
  const range = problem.kind === 'missing-vault' ? problem.reference.vaultRange : problem.reference.keyRange;
  return { range, newText: problem.suggestion };
}
