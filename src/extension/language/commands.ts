import type * as vscode from 'vscode';
import type { FoundReference as ApiFoundReference, ReferenceDocument } from '../../api/extension-api';
import { loadParser } from '../../core/references/load-parser';
import type { FoundReference } from '../../core/references/types';
import type { ExtensionServices } from '../services';
import { registerCreateReferencedSecret } from './create-referenced-secret';
import { registerImportEnvFile } from './import-env-file';
import { registerLeakCommands } from './leak-commands';
import { registerMoveSelection } from './move-selection';
import { registerScanWorkspace } from './scan-workspace';
import { registerShowUsages } from './show-usages';
import { languageFeatures } from './state';

function isOpenTextDocument(document: ReferenceDocument): document is vscode.TextDocument {
  const candidate = document as Partial<vscode.TextDocument>;
  return typeof candidate.uri === 'object' && typeof candidate.version === 'number' && typeof candidate.positionAt === 'function';
}

/** The language features' commands, and the API's reference finder. */
export function registerLanguageCommands(services: ExtensionServices): vscode.Disposable[] {
  services.referenceFinder = async (document: ReferenceDocument): Promise<ApiFoundReference[]> => {
    const found: readonly FoundReference[] = isOpenTextDocument(document)
      ? languageFeatures().documents.references(document)
      : loadParser().findReferencesInText(document.fileName, document.getText());
    return found.map((reference) => ({ vault: reference.vault, key: reference.key, start: reference.range.start, end: reference.range.end }));
  };
  return [
    registerCreateReferencedSecret(services),
    registerShowUsages(services, () => languageFeatures().workspaceReferences),
    ...registerLeakCommands(services, languageFeatures),
    registerScanWorkspace(services, languageFeatures),
    registerImportEnvFile(services, languageFeatures),
    registerMoveSelection(services, languageFeatures),
  ];
}
