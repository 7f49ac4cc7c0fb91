import * as vscode from 'vscode';

/** Calls `onChange` whenever a workspace file matching `glob` is created, changed or deleted. */
export function watchFiles(glob: string, onChange: () => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(glob);
  return [watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange)];
}
