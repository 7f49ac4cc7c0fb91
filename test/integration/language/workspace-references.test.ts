import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, command } from '../helpers';
import { executorSource, removeWrittenFiles, workspaceFolder } from './support';

describe('language: the workspace reference index', function () {
  this.timeout(60_000);
  const folder = () => path.join(workspaceFolder(), 'unwatched');

  before(async () => {
    await activateExtension();
    // The file watcher never hears of this folder: a deletion there is one the index misses.
    await vscode.workspace.getConfiguration('files').update('watcherExclude', { '**/unwatched/**': true }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await removeWrittenFiles();
    rmSync(folder(), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('files').update('watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('drops a file deleted without the file watcher telling it, instead of listing its references', async () => {
    mkdirSync(folder(), { recursive: true });
    const file = path.join(folder(), 'gone-executor.ts');
    writeFileSync(file, executorSource('gone-executor', '{ vault: "api-keys", key: "index-test-key" }'));
    // Opening and closing it puts it in the index (read again from disk when it closes).
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    const usagesWhilePresent = await command<Array<{ uri: string }>>('showUsages', { vault: 'api-keys', key: 'index-test-key' });
    assert.ok(usagesWhilePresent.some((usage) => usage.uri === document.uri.toString()), 'indexed while the file exists');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(file);
    // With an editor open, Show Usages peeks at the references instead of asking to pick one.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'scratch', language: 'plaintext' }));
    const usages = await command<Array<{ uri: string }>>('showUsages', { vault: 'api-keys', key: 'index-test-key' });
    assert.deepEqual(usages.map((usage) => usage.uri), []);
  });
});
