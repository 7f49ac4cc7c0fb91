import type { CheckScopes } from './check-scope';
import type { DetectorHost } from './detector-host';
import type { LeakDiagnostics } from './leak-diagnostics';
import type { ParsedDocuments } from './parsed-documents';
import type { SecretCatalog } from './secret-catalog';
import type { WorkspaceReferences } from './workspace-references';
import type { WorkspaceScanResults } from './workspace-scan-results';

/** What the language features keep, shared with their commands. */
export interface LanguageFeatures {
  readonly documents: ParsedDocuments;
  readonly workspaceReferences: WorkspaceReferences;
  readonly leaks: LeakDiagnostics;
  readonly detectors: DetectorHost;
  readonly catalog: SecretCatalog;
  readonly scopes: CheckScopes;
  readonly workspaceScan: WorkspaceScanResults;
}

// The features live in the activation shell's bundle (extension.js) and their commands in
// extension-main.js: each bundle has its own copy of this module, so the features are handed over
// through a process-wide slot rather than a module variable.
const SLOT = Symbol.for('secretManager.languageFeatures');
type Slot = { [SLOT]?: LanguageFeatures };

export function setLanguageFeatures(features: LanguageFeatures | undefined): void {
  (globalThis as Slot)[SLOT] = features;
}

export function languageFeatures(): LanguageFeatures {
  const features = (globalThis as Slot)[SLOT];
  if (!features) throw new Error('The Secret Manager language features are not registered.');
  return features;
}
