import * as vscode from 'vscode';
import { escapeMarkdown, secretTooltipMarkdown } from '../../core/format';
import { checkReferences } from '../../core/references/check-references';
import type { LanguageLogger } from './language-context';
import type { ParsedDocuments } from './parsed-documents';
import { referenceAtPosition } from './reference-at-position';
import type { SecretCatalog } from './secret-catalog';
import type { WorkspaceReferences } from './workspace-references';

/** A reference's metadata and the store it lives in, or why it is not found. Never the value. */
export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: ParsedDocuments,
    private readonly catalog: SecretCatalog,
    private readonly workspaceReferences: WorkspaceReferences,
    private readonly logger: LanguageLogger,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = referenceAtPosition(this.documents, document, position);
    if (!found) return undefined;
    const { vault, key } = found.reference;
    let snapshot;
    try {
      snapshot = await this.catalog.snapshot(document.uri);
    } catch (error) {
      this.logger.error('Describing a secret reference', error);
      return new vscode.Hover(new vscode.MarkdownString(`**${escapeMarkdown(`${vault}/${key}`)}**: the store could not be read. See the Secret Manager log.`), found.range);
    }
    const secret = snapshot.secretsByVault.get(vault)?.find((candidate) => candidate.name === key);
    let markdown: string;
    if (secret) {
      markdown = `${secretTooltipMarkdown(secret, snapshot.storeLabel, { locale: vscode.env.language })}\n- Connection: ${escapeMarkdown(snapshot.connection)}`;
    } else {
      const declared = found.reference.isDeclaration ? undefined : await this.workspaceReferences.declaredSecrets();
      const [problem] = checkReferences([{ ...found.reference, isDeclaration: false }], snapshot.known, { storeLabel: snapshot.storeLabel, declared });
      const heading = `**${escapeMarkdown(vault)}/${escapeMarkdown(key)}**: not found in ${escapeMarkdown(snapshot.storeLabel)}`;
      markdown = [heading, '', escapeMarkdown(problem?.message ?? ''), found.reference.isDeclaration ? '\n\nDeclared here; it is created when the project is deployed.' : '']
        .join('\n')
        .trim();
    }
    const hover = new vscode.MarkdownString(markdown);
    hover.isTrusted = false;
    return new vscode.Hover(hover, found.range);
  }
}
