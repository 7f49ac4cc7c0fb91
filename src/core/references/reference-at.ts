import type { FoundReference } from './types';

export interface ReferencePart<Reference extends FoundReference = FoundReference> {
  readonly reference: Reference;
  /** Which name the offset is on. */
  readonly part: 'vault' | 'key';
}

/** The reference whose vault or key name holds `offset` (ends included, so a cursor just after a name counts). */
export function referenceAt<Reference extends FoundReference>(references: Iterable<Reference>, offset: number): ReferencePart<Reference> | undefined {
  for (const reference of references) {
    if (reference.keyRange.start <= offset && offset <= reference.keyRange.end) return { reference, part: 'key' };
    if (reference.vaultRange.start <= offset && offset <= reference.vaultRange.end) return { reference, part: 'vault' };
  }
  return undefined;
}
