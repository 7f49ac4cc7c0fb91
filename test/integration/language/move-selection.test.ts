import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, answer, command, shownPrompts, useFreshStore } from '../helpers';
import { executorSource, openWorkspaceFile, ourDiagnostics, removeWrittenFiles } from './support';

describe('language: Move Selection to Secret Manager', function () {
  this.timeout(60_000);

  before(useFreshStore);
  after(removeWrittenFiles);

  it('moves a literal the detector did not flag, through the quick fix flow', async () => {
    const literal = 'team-internal-value';
    const document = await openWorkspaceFile('executors/it-move-selection.ts', executorSource('it-move-selection', `"${literal}"`));
    assert.ok(!ourDiagnostics(document).some((diagnostic) => document.getText(diagnostic.range).includes(literal)), 'not flagged');
    const start = document.getText().indexOf(literal);
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + literal.length));
    await answer({ 'leak.vault': ['New vault…'], 'leak.vaultName': ['moved-selection'], 'leak.secretName': ['it-selection-key'] });
    const moved = await command('moveSelectionToSecretManager');
    assert.deepEqual(moved, { vault: 'moved-selection', key: 'it-selection-key' });
    assert.match(document.getText(), /Authorization: \{ vault: "moved-selection", key: "it-selection-key" \},/);
    const secrets = await (await activateExtension()).getApi('^1.0.0').listSecrets('moved-selection');
    assert.deepEqual(secrets.map((secret) => secret.name), ['it-selection-key']);
  });

  it('refuses a selection outside a string literal, changing nothing', async () => {
    const document = await openWorkspaceFile('executors/it-move-outside.ts', executorSource('it-move-outside', '"x-value"'));
    const text = document.getText();
    const start = text.indexOf('createExecutor');
    vscode.window.activeTextEditor!.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'createExecutor'.length));
    assert.equal(await command('moveSelectionToSecretManager'), undefined);
    assert.equal(document.getText(), text);
    const error = (await shownPrompts()).filter((prompt) => prompt.id === 'notification.error').at(-1);
    assert.match(error?.text ?? '', /not inside a string literal/);
  });
});
