import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'secret-manager.secret-manager-vscode';

describe('extension activation in a real extension host', () => {
  it('is loaded under its published id', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the loaded extensions`);
    assert.equal(extension.packageJSON.name, 'secret-manager-vscode');
    assert.equal(extension.packageJSON.publisher, 'secret-manager');
  });

  it('runs as a workspace extension, where the Node extension host and the keychain are', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
  });

  it('activates without an error', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('has its test hooks because VS Code runs it in ExtensionMode.Test, not because of an environment variable', async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    assert.equal(process.env.SECRET_MANAGER_TEST_MODE, undefined, 'the runner sets no switch');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('secretManager._test.treeSnapshot'), 'the test hooks are registered');
  });
});
