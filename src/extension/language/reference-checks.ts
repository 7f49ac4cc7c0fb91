import * as vscode from 'vscode';
import { checkReferences, problemRange, type ReferenceProblem } from '../../core/references/check-references';
import { propertyTypoProblems } from '../../core/references/property-typo';
import type { FoundReference } from '../../core/references/types';
import type { LanguageLogger } from './language-context';
import type { CheckScopes } from './check-scope';
import { DocumentRunner } from './document-runner';
import { isEnvFileDocument } from './env-documents';
import { isReferenceLanguage, type ParsedDocuments } from './parsed-documents';
import type { SecretCatalog } from './secret-catalog';
import type { WorkspaceReferences } from './workspace-references';

const SEVERITIES: Record<ReferenceProblem['severity'], vscode.DiagnosticSeverity> = {
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'Secret Manager';
export const MISSING_REFERENCE_CODES: ReadonlySet<string> = new Set(['missing-vault', 'missing-key']);
export const LIKELY_TYPO_CODE = 'likely-typo';
/** Every code of a reference diagnostic, so that the leak fixes leave them alone. */
export const REFERENCE_PROBLEM_CODES: ReadonlySet<string> = new Set<string>(['missing-vault', 'missing-key', 'invalid-name', 'declared-not-deployed', LIKELY_TYPO_CODE]);

export function nameRange(document: vscode.TextDocument, problem: Pick<ReferenceProblem, 'part' | 'reference'>): vscode.Range {
  const range = problemRange(problem);
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

/**
 * Warns about references to vaults or secrets the connected store does not hold, with a "did you mean",
 * and about names that break the naming rule; notes secrets that are declared but not deployed yet.
 */
export class ReferenceChecks implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('secret-manager-references');
  private readonly runner: DocumentRunner;
  private readonly subscriptions: vscode.Disposable[];
  /** Each open document's declarations, as "vault/key" lines. */
  private readonly declarationsByDocument = new Map<string, string>();

  constructor(
    private readonly documents: ParsedDocuments,
    private readonly catalog: SecretCatalog,
    private readonly scopes: CheckScopes,
    private readonly workspaceReferences: WorkspaceReferences,
    logger: LanguageLogger,
  ) {
    this.runner = new DocumentRunner('Checking secret references', 300, logger, (document, token) => this.check(document, token));
    this.subscriptions = [
      ...this.runner.watchDocuments((document) => {
        this.diagnostics.delete(document.uri);
        this.declarationsByDocument.delete(document.uri.toString());
      }),
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
    const checked = references ?? this.documents.references(document);
    const options = { storeLabel: snapshot.storeLabel };
    const problems = checkReferences(checked, snapshot.known, options);
    // The workspace's declarations matter only for what the store lacks; the index is built on that first need.
    if (!problems.some((problem) => MISSING_REFERENCE_CODES.has(problem.kind))) return problems;
    return checkReferences(checked, snapshot.known, { ...options, declared: await this.workspaceReferences.declaredSecrets() });
  }

  private async check(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    if (isReferenceLanguage(document)) this.noticeDeclarations(document);
    // An env file's references are what `secret-manager run` starts a program with: always checked.
    const scope = isEnvFileDocument(document) ? { checked: true } : await this.scopes.scopeOf(document);
    if (!scope.checked) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const version = document.version;
    const problems = await this.problems(document);
    if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
    const fromStore = problems.map((problem) => {
      const diagnostic = new vscode.Diagnostic(nameRange(document, problem), problem.message, SEVERITIES[problem.severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = problem.kind;
      return diagnostic;
    });
    this.diagnostics.set(document.uri, [...fromStore, ...typoDiagnostics(document, this.documents.references(document))]);
  }

  /** A document whose declarations changed (a key added to a defineSecretManager) changes what the others' checks say. */
  private noticeDeclarations(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const declared = this.documents
      .references(document)
      .filter((reference) => reference.isDeclaration)
      .map((reference) => `${reference.vault}/${reference.key}`)
      .join('\n');
    const previous = this.declarationsByDocument.get(uri);
    this.declarationsByDocument.set(uri, declared);
    if (previous !== undefined && previous !== declared) this.runner.scheduleOpenDocuments();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.runner.dispose();
    this.diagnostics.dispose();
  }
}
