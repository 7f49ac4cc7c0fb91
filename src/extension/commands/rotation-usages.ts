import * as vscode from 'vscode';
import type { SecretReference } from '../../core/model';
import { codeUsage, launchInputUsages, type SecretUsage } from '../../core/rotation/secret-usages';
import { languageFeatures } from '../language/state';

const LAUNCH_FILES = ['.vscode/launch.json', '.vscode/tasks.json'];

async function launchUsages(folder: vscode.WorkspaceFolder, reference: SecretReference): Promise<SecretUsage[]> {
  const usages: SecretUsage[] = [];
  for (const name of LAUNCH_FILES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
    if (bytes) usages.push(...launchInputUsages(uri.fsPath, Buffer.from(bytes).toString('utf8'), reference));
  }
  return usages;
}

/**
 * Every place in the workspace that uses `reference`, from the workspace reference index (code)
 * and the folders' launch.json and tasks.json inputs.
 */
export async function workspaceUsagesOf(reference: SecretReference): Promise<SecretUsage[]> {
  const features = languageFeatures();
  const usages: SecretUsage[] = [];
  for (const found of await features.workspaceReferences.presentReferencesTo(reference.vault, reference.key)) {
    const uri = vscode.Uri.parse(found.file);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const isExecutorFile = folder ? ((await features.scopes.executorFileTest(folder))?.(uri.fsPath) ?? false) : false;
    usages.push(codeUsage(uri.fsPath, folder?.uri.fsPath ?? '', { isExecutorFile, isDeclaration: found.isDeclaration }));
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) usages.push(...(await launchUsages(folder, reference)));
  return usages;
}
