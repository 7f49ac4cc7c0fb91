import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { CANARY, createSecretThroughCommands, shownPrompts, useFreshStore } from '../helpers';
import { executorSource, fakeStripeKey, labelOf, openWorkspaceFile, ourDiagnostics, positionAfter, removeWrittenFiles, SOURCE } from './support';

// Runs when the runner keeps workspace trust on (SECRET_MANAGER_TEST_TRUST=on): the folder opens restricted.
describe('language features in an untrusted workspace', function () {
  this.timeout(60_000);

  before(async function () {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
  });

  after(removeWrittenFiles);

  it('does not scan for credentials, and Move to Secret Manager is refused', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('executors/it-untrusted.ts', executorSource('it-untrusted', `"${credential}"`));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.deepEqual(
      ourDiagnostics(document).filter((diagnostic) => document.getText(diagnostic.range).includes(credential.slice(0, 8))),
      [],
      'no leak diagnostics in restricted mode',
    );
    const moved = await vscode.commands.executeCommand('secretManager.moveToSecretManager', {
      uri: document.uri.toString(),
      version: document.version,
      ruleId: '@secretlint/secretlint-rule-stripe',
      start: document.getText().indexOf(credential),
      end: document.getText().indexOf(credential) + credential.length,
    });
    assert.equal(moved, undefined);
    assert.ok(document.getText().includes(credential), 'the file is unchanged');
  });

  it('refuses to scan the workspace for credentials, saying why', async () => {
    await vscode.commands.executeCommand('secretManager._test.clearPrompts');
    const leakedFile = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'executors/refund-order.ts'));
    const result = await vscode.commands.executeCommand('secretManager.scanWorkspace');
    assert.equal(result, undefined);
    const prompts = await shownPrompts();
    assert.match(prompts.filter((prompt) => prompt.id === 'notification.error').at(-1)?.text ?? '', /not trusted, so Secret Manager does not scan it/);
    assert.ok(!prompts.some((prompt) => prompt.id === 'notification.info'), 'no scan summary');
    assert.deepEqual(vscode.languages.getDiagnostics(leakedFile).filter((diagnostic) => diagnostic.source === SOURCE), [], 'nothing was scanned');
  });

  it('still completes names (metadata only)', async () => {
    const document = await openWorkspaceFile('executors/it-untrusted-complete.ts', executorSource('it-untrusted-complete', '{ vault: "api-keys", key: "" }'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionAfter(document, 'key: "'), '"');
    assert.ok(list.items.map(labelOf).includes('stripe-secret-key'));
  });
});
