import * as vscode from 'vscode';
import type { ServicesLoader } from './language-context';
import type { ParsedDocuments } from './parsed-documents';
import { referenceAtPosition } from './reference-at-position';
import type { WorkspaceReferences } from './workspace-references';

/**
 * Go to Definition on a reference: the `defineSecretManager` declarations of the secret in the
 * workspace. With none, the secret itself is the definition: it is revealed in the vault tree.
 */
export class ReferenceDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly services: ServicesLoader,
    private readonly documents: ParsedDocuments,
    private readonly workspaceReferences: WorkspaceReferences,
  ) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const found = referenceAtPosition(this.documents, document, position);
    if (!found) return undefined;
    const { vault, key } = found.reference;
    const declarations = (await this.workspaceReferences.declarationsOf(vault, key)).filter(
      (location) => !(location.uri.toString() === document.uri.toString() && location.range.contains(position)),
    );
    if (declarations.length > 0) return declarations;
    // Ctrl+hover asks for definitions too, to underline them: reveal only when the cursor is on the
    // reference (F12, Ctrl+click), so hovering never moves focus to the tree.
    const selection = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection : undefined;
    if (selection?.isEmpty && found.range.contains(selection.active)) {
      const services = this.services();
      const connection = services.stores.defaultConnectionId(document.uri);
      void services.revealInTree(connection, { vault, key }).then(undefined, (error: unknown) => services.logger.error('Revealing a secret in the tree', error));
    }
    return undefined;
  }
}
