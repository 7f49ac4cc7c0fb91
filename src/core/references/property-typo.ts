import type { FoundReference, TextEdit } from './types';

export interface PropertyTypoProblem<Reference extends FoundReference = FoundReference> {
  readonly reference: Reference;
  readonly message: string;
  /** Renames the misspelt property to the one the SDK reads. */
  readonly edit: TextEdit;
}

/** The references written with a misspelt property (`secretName` for `secretKey`), each with its fix. */
export function propertyTypoProblems<Reference extends FoundReference>(references: Iterable<Reference>): PropertyTypoProblem<Reference>[] {
  const problems: PropertyTypoProblem<Reference>[] = [];
  for (const reference of references) {
    const typo = reference.likelyTypo;
    if (!typo) continue;
    problems.push({
      reference,
      message: `"${typo.written}" is likely a typo for "${typo.intended}": Tailor's SDK reads { vaultName, ${typo.intended} } and does not know "${typo.written}".`,
      edit: { range: typo.range, newText: typo.intended },
    });
  }
  return problems;
}
