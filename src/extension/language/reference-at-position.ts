import * as vscode from 'vscode';
import { referenceAt, type ReferencePart } from '../../core/references/reference-at';
import type { FoundReference } from '../../core/references/types';
import type { ParsedDocuments } from './parsed-documents';

export type ReferenceUnderCursor = ReferencePart<FoundReference> & { readonly range: vscode.Range };

/** The reference whose vault or key name is under `position`, with the range of that name. */
export function referenceAtPosition(documents: ParsedDocuments, document: vscode.TextDocument, position: vscode.Position): ReferenceUnderCursor | undefined {
  const found = referenceAt(documents.references(document), document.offsetAt(position));
  if (!found) return undefined;
  const name = found.part === 'vault' ? found.reference.vaultRange : found.reference.keyRange;
  return { ...found, range: new vscode.Range(document.positionAt(name.start), document.positionAt(name.end)) };
}
