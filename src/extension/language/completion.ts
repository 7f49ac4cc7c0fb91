import * as vscode from 'vscode';
import { buildCompletionItems, type ReferenceCompletionItem } from '../../core/references/completion-items';
import type { LanguageLogger } from './language-context';
import type { ParsedDocuments } from './parsed-documents';
import type { SecretCatalog } from './secret-catalog';

export const COMPLETION_TRIGGER_CHARACTERS = ['"', "'", '`', '.', '/'];

const ITEM_KINDS: Record<ReferenceCompletionItem['kind'], vscode.CompletionItemKind> = {
  vault: vscode.CompletionItemKind.Folder,
  secret: vscode.CompletionItemKind.Value,
  reference: vscode.CompletionItemKind.Snippet,
};

function toRange(document: vscode.TextDocument, range: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/** Vault and key names in secret references, and whole references in executor header values. Metadata only. */
export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly documents: ParsedDocuments,
    private readonly catalog: SecretCatalog,
    private readonly logger: LanguageLogger,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    const context = this.documents.completionContextAt(document, document.offsetAt(position));
    if (!context) return undefined;
    let snapshot;
    try {
      snapshot = await this.catalog.snapshot(document.uri);
    } catch (error) {
      this.logger.error('Listing secrets for completion', error);
      return undefined;
    }
    if (token.isCancellationRequested) return undefined;
    const items = buildCompletionItems(context, {
      storeLabel: snapshot.storeLabel,
      vaults: snapshot.vaults,
      secretsByVault: snapshot.secretsByVault,
    });
    return items.map((item, index) => {
      const completion = new vscode.CompletionItem({ label: item.label, description: snapshot.storeLabel }, ITEM_KINDS[item.kind]);
      completion.detail = item.detail;
      completion.documentation = new vscode.MarkdownString(item.documentation);
      completion.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
      completion.range = toRange(document, item.replaceRange);
      completion.filterText = item.filterText;
      completion.sortText = String(index).padStart(5, '0');
      return completion;
    });
  }
}
