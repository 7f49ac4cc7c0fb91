import * as vscode from 'vscode';
import { CheckScopes } from './check-scope';
import { COMPLETION_TRIGGER_CHARACTERS, ReferenceCompletionProvider } from './completion';
import { ReferenceDefinitionProvider } from './definition';
import { DetectorHost } from './detector-host';
import { ReferenceHoverProvider } from './hover';
import { lazyLogger, type ServicesLoader } from './language-context';
import { LeakActionProvider } from './leak-actions';
import { LeakDiagnostics } from './leak-diagnostics';
import { ENV_FILE_SELECTOR } from './env-documents';
import { ParsedDocuments, REFERENCE_SELECTOR } from './parsed-documents';
import { PropertyTypoActionProvider } from './property-typo-actions';
import { ReferenceActionProvider } from './reference-actions';
import { ReferenceChecks } from './reference-checks';
import { SecretReferenceProvider } from './references-provider';
import { SecretCatalog } from './secret-catalog';
import { setLanguageFeatures } from './state';
import { WorkspaceReferences } from './workspace-references';
import { WorkspaceScanResults } from './workspace-scan-results';

/** Leak fixes apply wherever leaks are reported: any saved file, and unsaved TypeScript or JavaScript. */
const LEAK_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, ...(REFERENCE_SELECTOR as vscode.DocumentFilter[])];

/** Where references are: source code, and `NAME=secret-manager://vault/key` lines of env files. */
const ANY_REFERENCE_SELECTOR: vscode.DocumentSelector = [...(REFERENCE_SELECTOR as vscode.DocumentFilter[]), ...(ENV_FILE_SELECTOR as vscode.DocumentFilter[])];

/**
 * The language features (completion, checks, hover, definition, references, leak diagnostics and
 * quick fixes). Registered by the activation shell, so it stays cheap: the services (the store)
 * load when a feature first needs them, the parser (dist/parser.js) and the detector
 * (dist/detect.js) on first use. Their commands load with the others (./commands, from main.ts).
 */
export function registerLanguageFeatures(_context: vscode.ExtensionContext, services: ServicesLoader): vscode.Disposable[] {
  const logger = lazyLogger(services);
  // First, so its change listener runs before the others read a tree.
  const documents = new ParsedDocuments();
  const catalog = new SecretCatalog(() => services().stores, logger);
  const scopes = new CheckScopes(logger);
  const workspaceReferences = new WorkspaceReferences(documents, logger);
  const checks = new ReferenceChecks(documents, catalog, scopes, workspaceReferences, logger);
  const detectors = new DetectorHost(logger, (message) => void services().prompts.notify('warning', message));
  const leaks = new LeakDiagnostics(detectors, catalog, scopes, logger);
  const workspaceScan = new WorkspaceScanResults(leaks);
  setLanguageFeatures({ documents, workspaceReferences, leaks, detectors, catalog, scopes, workspaceScan });

  return [
    documents,
    catalog,
    scopes,
    workspaceReferences,
    checks,
    detectors,
    leaks,
    workspaceScan,
    new vscode.Disposable(() => setLanguageFeatures(undefined)),
    vscode.languages.registerCompletionItemProvider(ANY_REFERENCE_SELECTOR, new ReferenceCompletionProvider(documents, catalog, logger), ...COMPLETION_TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(ANY_REFERENCE_SELECTOR, new ReferenceHoverProvider(documents, catalog, workspaceReferences, logger)),
    vscode.languages.registerDefinitionProvider(ANY_REFERENCE_SELECTOR, new ReferenceDefinitionProvider(services, documents, workspaceReferences)),
    vscode.languages.registerReferenceProvider(ANY_REFERENCE_SELECTOR, new SecretReferenceProvider(documents, workspaceReferences)),
    vscode.languages.registerCodeActionsProvider(ANY_REFERENCE_SELECTOR, new ReferenceActionProvider(documents, checks, workspaceReferences), ReferenceActionProvider.metadata),
    vscode.languages.registerCodeActionsProvider(REFERENCE_SELECTOR, new PropertyTypoActionProvider(documents), PropertyTypoActionProvider.metadata),
    vscode.languages.registerCodeActionsProvider(LEAK_SELECTOR, new LeakActionProvider(documents, leaks), LeakActionProvider.metadata),
  ];
}
