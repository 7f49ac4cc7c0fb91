import type ts from 'typescript';
import * as vscode from 'vscode';
import { loadParser, type Parser } from '../../core/references/load-parser';
import type { FoundReference } from '../../core/references/types';
import type { DocumentCache, TextChange } from '../../core/references/document-cache';
import type { CompletionContext } from '../../core/references/types';
import { envFileCompletionContext, findEnvFileReferences } from '../../core/env-file/env-file-references';
import { isEnvFileDocument } from './env-documents';

export const REFERENCE_LANGUAGES: readonly string[] = ['typescript', 'javascript', 'typescriptreact', 'javascriptreact'];
export const REFERENCE_SELECTOR: vscode.DocumentSelector = REFERENCE_LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

export function isReferenceLanguage(document: vscode.TextDocument): boolean {
  return REFERENCE_LANGUAGES.includes(document.languageId) && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

interface FoundInVersion {
  readonly version: number;
  readonly references: readonly FoundReference[];
}

/**
 * One syntax tree per open document, updated incrementally from VS Code's change events.
 * The parser bundle loads on the first call, never at activation.
 */
export class ParsedDocuments implements vscode.Disposable {
  private cache: DocumentCache | undefined;
  /** Edits since each cached tree was made, in the order VS Code reported them. */
  private readonly pendingChanges = new Map<string, TextChange[]>();
  private readonly found = new Map<string, FoundInVersion>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        const uri = event.document.uri.toString();
        if (!this.cache?.get(uri) || event.contentChanges.length === 0) return;
        const pending = this.pendingChanges.get(uri) ?? [];
        for (const change of event.contentChanges) pending.push({ rangeOffset: change.rangeOffset, rangeLength: change.rangeLength, text: change.text });
        this.pendingChanges.set(uri, pending);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
    ];
  }

  get parser(): Parser {
    return loadParser();
  }

  /** The document's tree at its current version. It is only valid until the next call for the same document. */
  tree(document: vscode.TextDocument): ts.SourceFile {
    const uri = document.uri.toString();
    this.cache ??= new this.parser.DocumentCache();
    const changes = this.pendingChanges.get(uri);
    this.pendingChanges.delete(uri);
    return this.cache.update(uri, document.version, document.getText(), changes);
  }

  /** The references in the document (source code or an env file), found once per version. */
  references(document: vscode.TextDocument): readonly FoundReference[] {
    const uri = document.uri.toString();
    const known = this.found.get(uri);
    if (known && known.version === document.version) return known.references;
    const references = isEnvFileDocument(document) ? findEnvFileReferences(document.getText()) : this.parser.findReferences(this.tree(document));
    this.found.set(uri, { version: document.version, references });
    return references;
  }

  /** What to complete at `offset`: a vault or key name, or a whole reference in a header. */
  completionContextAt(document: vscode.TextDocument, offset: number): CompletionContext | undefined {
    if (isEnvFileDocument(document)) return envFileCompletionContext(document.getText(), offset);
    return this.parser.completionContextAt(this.tree(document), offset);
  }

  private forget(uri: string): void {
    this.cache?.delete(uri);
    this.pendingChanges.delete(uri);
    this.found.delete(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
