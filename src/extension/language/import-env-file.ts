import * as vscode from 'vscode';
import { planImport, storedValueHolders, type ImportEntry } from '../../core/env-file/env-import';
import { parseEnvFile } from '../../core/env-file/parse-env-file';
import { formatSecretUri, secretUriParts } from '../../core/env-file/secret-uri';
import { InvalidInputError, SecretManagerError } from '../../core/model';
import { registerCommand } from '../commands/register';
import { requireTrustedWorkspace, type ExtensionServices } from '../services';
import { pickVault } from './leak-commands';
import type { LanguageFeatures } from './state';

export const IMPORT_ENV_FILE_COMMAND = 'secretManager.importEnvFile';

function uriOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string') return vscode.Uri.parse(argument);
  return vscode.window.activeTextEditor?.document.uri;
}

/**
 * "Import .env into Secret Manager…": the values to move are chosen in a quick pick (those the
 * detector reports are chosen already), each becomes a secret in the picked vault, and the file gets
 * references in their place, as one undoable edit that is saved. If a secret cannot be created, the
 * file is not touched and the secrets already created are named.
 */
export function registerImportEnvFile(services: ExtensionServices, features: () => LanguageFeatures): vscode.Disposable {
  return registerCommand(services, IMPORT_ENV_FILE_COMMAND, async (argument) => {
    requireTrustedWorkspace('move .env values into a vault');
    const uri = uriOf(argument);
    if (!uri) throw new InvalidInputError('Open a .env file first, or run the command on one in the Explorer.');
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const version = document.version;
    const candidates = parseEnvFile(text).filter((assignment) => assignment.value !== '' && secretUriParts(assignment.value) === undefined);
    if (candidates.length === 0) {
      services.prompts.confirm(`${vscode.workspace.asRelativePath(uri)} holds no values to import`);
      return undefined;
    }
    const detector = await features().detectors.detectorFor(document);
    const findings = await detector.detect({ text, filePath: uri.fsPath });
    const flagged = (start: number, end: number) => findings.some((finding) => finding.range[0] < Math.max(end, start + 1) && finding.range[1] > start);
    const items = candidates.map((assignment) => ({
      label: assignment.name,
      description: `line ${assignment.line + 1}${flagged(assignment.valueStart, assignment.valueEnd) ? ' · looks like a credential' : ''}`,
      picked: flagged(assignment.valueStart, assignment.valueEnd),
      assignment,
    }));
    const chosen = await services.prompts.pickMany('importEnv.variables', items, { title: 'Import .env into Secret Manager', placeHolder: 'The variables whose values move into a vault' });
    if (!chosen || chosen.length === 0) return undefined;

    const store = await services.stores.open(services.stores.defaultConnectionId(uri));
    const vault = await pickVault(services, store, await features().workspaceReferences.declaredSecrets());
    if (!vault) return undefined;
    const taken = new Set(vault.isStored ? (await store.listSecrets(vault.vault)).map((secret) => secret.name) : []);
    const entries = planImport(chosen.map((item) => item.assignment), vault.vault, taken, await storedValueHolders(store, vault.isStored));
    const created: ImportEntry[] = [];
    try {
      if (!vault.isStored) await store.createVault(vault.vault);
      for (const entry of entries) {
        if (entry.alreadyStored) continue;
        await store.createSecret({ ...entry.reference, value: entry.assignment.value });
        created.push(entry);
      }
    } catch (error) {
      const list = created.length === 0 ? 'No secret was created.' : `Already created: ${created.map((entry) => formatSecretUri(entry.reference)).join(', ')}.`;
      const message = error instanceof Error ? error.message : String(error);
      throw new SecretManagerError('unavailable', `The import stopped: ${message} The file was not changed. ${list}`);
    }
    if (document.version !== version) {
      throw new SecretManagerError('conflict', `The file changed during the import, so it was not rewritten. Created: ${created.map((entry) => formatSecretUri(entry.reference)).join(', ')}.`);
    }
    const edit = new vscode.WorkspaceEdit();
    for (const { assignment, reference } of entries) {
      const range = new vscode.Range(document.positionAt(assignment.rawStart), document.positionAt(assignment.rawEnd));
      edit.replace(uri, range, `${assignment.quote}${formatSecretUri(reference)}${assignment.quote}`);
    }
    if (!(await vscode.workspace.applyEdit(edit)) || !(await document.save())) {
      throw new SecretManagerError('unavailable', `The references could not be written into the file. Created: ${created.map((entry) => formatSecretUri(entry.reference)).join(', ')}.`);
    }
    services.tree.refresh();
    const reused = entries.length - created.length;
    services.prompts.confirm(`Moved ${entries.length} value${entries.length === 1 ? '' : 's'} into ${vault.vault}${reused === 0 ? '' : ` (${reused} already there, not copied again)`}`);
    return entries.map((entry) => formatSecretUri(entry.reference));
  });
}
