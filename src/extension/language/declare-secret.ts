import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { InvalidInputError } from '../../core/model';
import { addToGitignore, appendToEnvFile, projectFolderOf, readTextIfAny } from '../../core/project-env-file';
import { dotenvAssignment, dotenvAssigns, environmentVariableName } from '../../core/references/dotenv';
import { isGitignored } from '../../core/workspace-files';
import type { ExtensionServices } from '../services';
import type { ParsedDocuments } from './parsed-documents';

/** Where a vault is declared with defineSecretManager. */
export interface VaultDeclaration {
  readonly uri: vscode.Uri;
  /** "secrets.ts:5" */
  readonly where: string;
}

export interface DeclareSecretRequest {
  readonly vault: string;
  readonly key: string;
  readonly value: string;
  readonly declaration: VaultDeclaration;
  /** The code edit that goes with the declaration (the literal replaced by a reference), applied as the same edit. */
  readonly codeEdit?: vscode.WorkspaceEdit;
}

export const WRITE_ENV_AND_GITIGNORE = 'Write it to .env and add .env to .gitignore';
export const COPY_VALUE = 'Copy the value to the clipboard';

function freeVariableName(key: string, isTaken: (name: string) => boolean): string {
  const base = environmentVariableName(key);
  let name = base;
  for (let suffix = 2; isTaken(name); suffix += 1) name = `${base}_${suffix}`;
  return name;
}

/**
 * Adds key to a vault the config declares, instead of putting it in the store, where the next
 * `tailor deploy` would delete it: `"key": process.env.KEY!` goes into the declaration, in one edit with
 * the code; the value goes to the project's gitignored .env, or, when .env is not ignored, where the
 * user says. Returns undefined when the user cancelled. The value is never logged.
 */
export async function declareSecret(services: ExtensionServices, documents: ParsedDocuments, request: DeclareSecretRequest): Promise<{ environmentVariable: string } | undefined> {
  const { vault, key, value, declaration } = request;
  const declarationDocument = await vscode.workspace.openTextDocument(declaration.uri);
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(declaration.uri);
  if (declaration.uri.scheme !== 'file' || !workspaceFolder) throw new InvalidInputError(`${declaration.where} is not a file in the workspace, so ${vault}/${key} cannot be declared there.`);
  const projectFolder = await projectFolderOf(declaration.uri.fsPath, workspaceFolder.uri.fsPath);
  const envFile = path.join(projectFolder, '.env');
  const envText = await readTextIfAny(envFile);
  const declarationText = declarationDocument.getText();
  const environmentVariable = freeVariableName(key, (name) => dotenvAssigns(envText, name) || declarationText.includes(`process.env.${name}`));
  const plan = documents.parser.planDeclarationEdit(documents.tree(declarationDocument), vault, key, environmentVariable);
  if (!plan) throw new InvalidInputError(`No defineSecretManager in ${declaration.where} declares vault "${vault}" any more. Add "${key}" to its declaration by hand.`);
  const envLabel = vscode.workspace.asRelativePath(vscode.Uri.file(envFile));

  let destination: 'env' | 'clipboard' = 'env';
  if (!(await isGitignored(envFile))) {
    const copy = { label: COPY_VALUE, description: `then set ${environmentVariable} before \`tailor deploy\`` };
    // An existing .env that git does not ignore may already be committed: ignoring it now would not take it back.
    const choices = !existsSync(envFile) ? [{ label: WRITE_ENV_AND_GITIGNORE, description: envLabel }, copy] : [copy];
    const picked = await services.prompts.pick('declare.valueDestination', choices, {
      title: `Declare ${vault}/${key}`,
      placeHolder: `${envLabel} is not gitignored. Where should the value of ${environmentVariable} go?`,
    });
    if (!picked) return undefined;
    destination = picked.label === COPY_VALUE ? 'clipboard' : 'env';
    if (destination === 'env') await addToGitignore(projectFolder, '.env');
  }
  // The value is kept before the code loses it: were the edit to fail, it is still there.
  if (destination === 'env') await appendToEnvFile(envFile, dotenvAssignment(environmentVariable, value));
  else await vscode.env.clipboard.writeText(value);

  const edit = request.codeEdit ?? new vscode.WorkspaceEdit();
  for (const textEdit of plan.edits) {
    edit.replace(declaration.uri, new vscode.Range(declarationDocument.positionAt(textEdit.range.start), declarationDocument.positionAt(textEdit.range.end)), textEdit.newText);
  }
  const kept =
    destination === 'env'
      ? `Its value is in ${envLabel} as ${environmentVariable}; \`tailor deploy\` needs ${environmentVariable} in its environment`
      : `Its value is on the clipboard: add ${environmentVariable}=… to your environment before \`tailor deploy\``;
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new InvalidInputError(`${kept}, but the files could not be edited. Add ${plan.propertyText} to vault "${vault}" in ${declaration.where} by hand.`);
  }
  const declarationFile = vscode.workspace.asRelativePath(declaration.uri);
  services.logger.info(`Declared ${vault}/${key} in ${declarationFile}, read from ${environmentVariable}${destination === 'env' ? ` (set in ${envLabel})` : ''}.`);
  void services.prompts.notify('info', `Declared ${vault}/${key} in ${declarationFile}. ${kept}; deploying creates the secret.`);
  return { environmentVariable };
}
