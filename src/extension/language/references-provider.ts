import type * as vscode from 'vscode';
import type { ParsedDocuments } from './parsed-documents';
import { referenceAtPosition } from './reference-at-position';
import type { WorkspaceReferences } from './workspace-references';

/** Find All References on a vault/key name: every place in the workspace that names the same secret. */
export class SecretReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly documents: ParsedDocuments,
    private readonly workspaceReferences: WorkspaceReferences,
  ) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const found = referenceAtPosition(this.documents, document, position);
    if (!found) return undefined;
    const locations = await this.workspaceReferences.locationsOf(found.reference.vault, found.reference.key);
    if (context.includeDeclaration) return locations;
    const declarations = await this.workspaceReferences.declarationsOf(found.reference.vault, found.reference.key);
    const declared = new Set(declarations.map((location) => `${location.uri.toString()}#${location.range.start.line}:${location.range.start.character}`));
    return locations.filter((location) => !declared.has(`${location.uri.toString()}#${location.range.start.line}:${location.range.start.character}`));
  }
}
