import * as vscode from 'vscode';
import { checkReferences, type ReferenceProblem } from '../../core/references/check-references';
import { propertyTypoProblems } from '../../core/references/property-typo';
import type { FoundReference } from '../../core/references/types';
import type { LanguageLogger } from './language-context';
import type { CheckScopes } from './check-scope';
import { DocumentRunner } from './document-runner';
import type { ParsedDocuments } from './parsed-documents';
import type { SecretCatalog } from './secret-catalog';

export const DIAGNOSTIC_SOURCE = 'Secret Manager';
export const MISSING_REFERENCE_CODES: ReadonlySet<string> = new Set(['missing-vault', 'missing-key']);
export const LIKELY_TYPO_CODE = 'likely-typo';

export function nameRange(document: vscode.TextDocument, problem: Pick<ReferenceProblem, 'kind' | 'reference'>): vscode.Range {
  const range = problem.kind === 'missing-vault' ? problem.reference.vaultRange : problem.reference.keyRange;
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/** Warns about a misspelt property (`secretName` for `secretKey`); the store plays no part. */
function typoDiagnostics(document: vscode.TextDocument, references: readonly FoundReference[]): vscode.Diagnostic[] {
  return propertyTypoProblems(references).map((problem) => {
    const range = new vscode.Range(document.positionAt(problem.edit.range.start), document.positionAt(problem.edit.range.end));
    const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Warning);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = LIKELY_TYPO_CODE;
    return diagnostic;
  });
}

/** Warns about references to vaults or secrets the connected store does not hold, with a "did you mean". */
export class ReferenceChecks implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('secret-manager-references');
  private readonly runner: DocumentRunner;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly documents: ParsedDocuments,
    private readonly catalog: SecretCatalog,
    private readonly scopes: CheckScopes,
    logger: LanguageLogger,
  ) {
    this.runner = new DocumentRunner('Checking secret references', 300, logger, (document, token) => this.check(document, token));
    this.subscriptions = [
      ...this.runner.watchDocuments((document) => this.diagnostics.delete(document.uri)),
      catalog.onDidChange(() => this.runner.scheduleOpenDocuments()),
      scopes.onDidChange(() => this.runner.scheduleOpenDocuments()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('secretManager.referenceConnection')) this.runner.scheduleOpenDocuments();
      }),
    ];
    this.runner.scheduleOpenDocuments();
  }

  /** The problems of the references in `document`, now (for the quick fixes). */
  async problems(document: vscode.TextDocument, references?: readonly FoundReference[]): Promise<ReferenceProblem[]> {
    const snapshot = await this.catalog.snapshot(document.uri);
    return checkReferences(references ?? this.documents.references(document), snapshot.known, { storeLabel: snapshot.storeLabel });
  }

  private async check(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    const scope = await this.scopes.scopeOf(document);
    if (!scope.checked) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const version = document.version;
    const problems = await this.problems(document);
    if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
    this.diagnostics.set(
      document.uri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(nameRange(document, problem), problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = problem.kind;
        return diagnostic;
      }),
    );
    const typos = typoDiagnostics(document, this.documents.references(document));
    if (typos.length > 0) this.diagnostics.set(document.uri, [...(this.diagnostics.get(document.uri) ?? []), ...typos]);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.runner.dispose();
    this.diagnostics.dispose();
  }
}
