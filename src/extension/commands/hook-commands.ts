import * as vscode from 'vscode';
import { installPreCommitHook } from '../../core/hooks/pre-commit-hook';
import { InvalidInputError, SecretManagerError } from '../../core/model';
import type { ExtensionServices } from '../services';
import { registerCommand } from './register';

export const INSTALL_PRE_COMMIT_HOOK_COMMAND = 'secretManager.installPreCommitHook';

/** The folder to install into: the only folder on disk, or the one the user picks. */
async function chooseFolder(services: ExtensionServices, argument: unknown): Promise<string | undefined> {
  if (argument instanceof vscode.Uri && argument.scheme === 'file') return argument.fsPath;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  if (folders.length === 0) throw new InvalidInputError('There is no folder on disk in this workspace. Open a git repository first.');
  if (folders.length === 1) return folders[0].uri.fsPath;
  const picked = await services.prompts.pick('hook.folder', folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder })), {
    title: 'Install the pre-commit leak check in which repository?',
  });
  return picked?.folder.uri.fsPath;
}

/**
 * "Install Pre-commit Leak Check": what `secret-manager hook install` does, for the workspace's
 * repository. Trusted workspaces only: it writes a hook that runs on every commit.
 */
export function registerHookCommands(services: ExtensionServices): vscode.Disposable[] {
  return [
    registerCommand(services, INSTALL_PRE_COMMIT_HOOK_COMMAND, async (argument) => {
      if (!vscode.workspace.isTrusted) {
        throw new SecretManagerError('denied', 'This workspace is not trusted, so Secret Manager does not install a git hook in it.', 'Trust the workspace (Workspaces: Manage Workspace Trust) first.');
      }
      const folder = await chooseFolder(services, argument);
      if (folder === undefined) return undefined;
      const result = await installPreCommitHook(folder);
      const where = vscode.workspace.asRelativePath(result.target.file, false);
      services.prompts.confirm(result.change === 'installed' ? `Pre-commit leak check added to ${where}` : `Pre-commit leak check already in ${where}`);
      return result;
    }),
  ];
}
