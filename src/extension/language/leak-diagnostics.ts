import * as vscode from 'vscode';
import type { Finding, FindingSeverity } from '../../core/detect/finding';
import type { LanguageLogger } from './language-context';
import type { CheckScopes } from './check-scope';
import type { DetectorHost } from './detector-host';
import { DocumentRunner } from './document-runner';
import { DIAGNOSTIC_SOURCE } from './reference-checks';
import type { SecretCatalog } from './secret-catalog';
import { isCheckedTextFile } from './text-files';

const SEVERITIES: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A finding as a diagnostic: the severity, source and code every leak diagnostic has, the masked message. */
export function leakDiagnostic(range: vscode.Range, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.ruleId;
  return diagnostic;
}

interface DocumentFindings {
  readonly version: number;
  readonly findings: readonly Finding[];
}

/**
 * Flags hard-coded credentials in open documents, in trusted workspaces only: TypeScript and
 * JavaScript files in the checks' scope, and every other saved text file (.env, YAML, JSON, shell…).
 * Messages come masked from the detector; a literal that is a stored secret's value is reported
 * with the secret's name.
 */
export class LeakDiagnostics implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('secret-manager-leaks');
  private readonly findings = new Map<string, DocumentFindings>();
  private readonly runner: DocumentRunner;
  private readonly subscriptions: vscode.Disposable[];
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's diagnostics were set from a check of its current text. */
  readonly onDidCheck = this.checked.event;

  constructor(
    private readonly detectors: DetectorHost,
    private readonly catalog: SecretCatalog,
    private readonly scopes: CheckScopes,
    logger: LanguageLogger,
  ) {
    this.runner = new DocumentRunner('Looking for hard-coded credentials', 300, logger, (document, token) => this.check(document, token));
    this.subscriptions = [
      ...this.runner.watchDocuments((document) => this.forget(document.uri)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.runner.scheduleOpenDocuments()),
      catalog.onDidChange(() => this.runner.scheduleOpenDocuments()),
      scopes.onDidChange(() => this.runner.scheduleOpenDocuments()),
      detectors.onDidChange(() => this.runner.scheduleOpenDocuments()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('files.exclude')) this.runner.scheduleOpenDocuments();
      }),
    ];
    this.runner.scheduleOpenDocuments();
  }

  /** The findings shown for the document's current version (for the quick fixes). */
  findingsOf(document: vscode.TextDocument): readonly Finding[] {
    const known = this.findings.get(document.uri.toString());
    return known && known.version === document.version ? known.findings : [];
  }

  /** True when the diagnostics shown for the document come from a check of its current version. */
  hasChecked(document: vscode.TextDocument): boolean {
    return this.findings.get(document.uri.toString())?.version === document.version;
  }

  /** Checks the document again now, for example after a quick fix. */
  recheck(document: vscode.TextDocument): void {
    this.runner.schedule(document, 0);
  }

  private async check(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      this.forget(document.uri);
      return;
    }
    const scope = isCheckedTextFile(document) ? { checked: true, isExecutorFile: false } : await this.scopes.scopeOf(document);
    if (!scope.checked) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const [detector, fingerprintMatcher] = await Promise.all([this.detectors.detectorFor(document), this.catalog.fingerprintMatcher(document.uri)]);
    if (token.isCancellationRequested) return;
    const findings = await detector.detect({
      text: document.getText(),
      filePath: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path,
      isExecutorFile: scope.isExecutorFile,
      fingerprintMatcher,
    });
    if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
    this.findings.set(document.uri.toString(), { version, findings });
    this.diagnostics.set(
      document.uri,
      findings.map((finding) => leakDiagnostic(new vscode.Range(document.positionAt(finding.range[0]), document.positionAt(finding.range[1])), finding)),
    );
    this.checked.fire(document.uri);
  }

  private forget(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.runner.dispose();
    this.checked.dispose();
    this.diagnostics.dispose();
  }
}
