import * as vscode from 'vscode';
import { formatReferenceText } from '../../core/reference-text';
import { secretReferenceOf, type TreeNode } from './nodes';

export const TREE_MIME_TYPE = 'application/vnd.code.tree.secretmanager.vaults';

/** The text a drag of secret nodes carries: one reference per secret, never a value. */
export function referenceTextOf(nodes: readonly TreeNode[]): string | undefined {
  const references = nodes.flatMap((node) => (node.kind === 'secret' ? [formatReferenceText(secretReferenceOf(node))] : []));
  return references.length === 0 ? undefined : references.join(',\n');
}

/** Dragging a secret into an editor drops its reference `{ vault: "v", key: "k" }`. */
export class SecretDragController implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = ['text/plain', TREE_MIME_TYPE];
  readonly dropMimeTypes: readonly string[] = [];

  handleDrag(source: readonly TreeNode[], dataTransfer: vscode.DataTransfer): void {
    const text = referenceTextOf(source);
    if (text === undefined) return;
    dataTransfer.set('text/plain', new vscode.DataTransferItem(text));
  }
}

/** Inserts the reference when the editor receives the tree's own mime type rather than text/plain. */
export class SecretDropProvider implements vscode.DocumentDropEditProvider {
  async provideDocumentDropEdits(
    _document: vscode.TextDocument,
    _position: vscode.Position,
    dataTransfer: vscode.DataTransfer,
  ): Promise<vscode.DocumentDropEdit | undefined> {
    const text = await dataTransfer.get('text/plain')?.asString();
    if (!text || !dataTransfer.get(TREE_MIME_TYPE)) return undefined;
    return new vscode.DocumentDropEdit(new vscode.SnippetString().appendText(text), 'Insert secret reference', secretReferenceDropKind());
  }
}

export function secretReferenceDropKind(): vscode.DocumentDropOrPasteEditKind {
  return vscode.DocumentDropOrPasteEditKind.Text.append('secretReference');
}
