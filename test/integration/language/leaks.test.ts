import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, answer, createSecretThroughCommands, logLines, resolveValue, shownPrompts, useFreshStore } from '../helpers';
import {
  codeActions,
  diagnosticCode,
  executorSource,
  fakeStripeKey,
  openWorkspaceFile,
  ourDiagnostics,
  removeWrittenFiles,
  waitFor,
  workspaceFolder,
} from './support';

const KNOWN_SECRET_RULE = 'secret-manager/known-secret';
const EXECUTOR_HEADER_RULE = 'secret-manager/executor-header-literal';

/** A random bearer token that only the executor-header rule recognises, made at run time. */
function randomToken(): string {
  const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => alphanumerics[randomInt(alphanumerics.length)]).join('');
}

describe('language: stopping leaks', function () {
  this.timeout(60_000);

  before(function () {
  });

  beforeEach(async () => {
    await useFreshStore();
  });

  afterEach(removeWrittenFiles);

  it('flags a Stripe key in an executor header, masked, and moves it into a new vault as { vault, key }', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('executors/it-leak.ts', executorSource('it-leak', `"Bearer ${credential}"`));
    const diagnostic = await waitFor('the leak diagnostic', () => ourDiagnostics(document).find((candidate) => document.getText(candidate.range) === credential));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!diagnostic.message.includes(credential), 'the message masks the credential');
    assert.ok(!diagnostic.message.includes(credential.slice(0, 12)), 'the message shows a short prefix at most');

    const actions = await codeActions(document, diagnostic.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignore this finding (secret-manager-ignore comment)'), titles.join(', '));
    assert.ok(titles.includes('Ignore this finding in .secretmanagerignore'), titles.join(', '));
    const move = actions.find((action) => action.title === 'Move to Secret Manager…');
    assert.ok(move?.command, titles.join(', '));

    await answer({ 'leak.vault': ['New vault…'], 'leak.vaultName': ['payments'], 'leak.secretName': ['it-leak-authorization'] });
    const moved = await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
    assert.deepEqual(moved, { vault: 'payments', key: 'it-leak-authorization' });
    assert.match(document.getText(), /Authorization: \{ vault: "payments", key: "it-leak-authorization" \},/);
    assert.ok(!document.getText().includes(credential), 'the literal is gone from the file');
    assert.equal(await resolveValue('payments', 'it-leak-authorization'), `Bearer ${credential}`, 'the store holds the header value');
    const confirmation = (await shownPrompts()).filter((prompt) => prompt.kind === 'status').at(-1);
    assert.equal(confirmation?.text, 'Moved the credential to payments/it-leak-authorization in Local store', 'a status-bar message confirms the move');

    await vscode.commands.executeCommand('undo');
    assert.ok(document.getText().includes(credential), 'one undo brings the literal back');
    await vscode.commands.executeCommand('redo');
    await waitFor('the finding to clear', () => !ourDiagnostics(document).some((candidate) => candidate.message.includes('Stripe') || diagnosticCode(candidate).includes('stripe')));
    const shown = JSON.stringify(await shownPrompts()) + (await logLines()).join('\n');
    assert.ok(!shown.includes(credential), 'no prompt or log line holds the credential');
  });

  it('refuses an invalid key name with the naming rule, changing nothing, then moves into an existing vault', async () => {
    const credential = fakeStripeKey();
    await createSecretThroughCommands('api-keys', 'other-secret', 'unrelated-value-123');
    const document = await openWorkspaceFile('executors/it-name.ts', executorSource('it-name', `"${credential}"`));
    const diagnostic = await waitFor('the leak diagnostic', () => ourDiagnostics(document).find((candidate) => document.getText(candidate.range) === credential));
    const move = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Move to Secret Manager…');
    assert.ok(move?.command);
    await answer({ 'leak.vault': ['api-keys'], 'leak.secretName': ['Bad Name'] });
    await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
    assert.ok(document.getText().includes(credential), 'an invalid name changes nothing');
    const error = (await shownPrompts()).filter((prompt) => prompt.id === 'notification.error').at(-1);
    assert.match(error?.text ?? '', /lowercase/i);
    const secrets = await (await activateExtension()).getApi('^1.0.0').listSecrets('api-keys');
    assert.deepEqual(secrets.map((secret) => secret.name), ['other-secret'], 'nothing was stored');

    await answer({ 'leak.vault': ['api-keys'], 'leak.secretName': ['it-name-authorization'] });
    await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
    assert.match(document.getText(), /\{ vault: "api-keys", key: "it-name-authorization" \}/);
  });

  it('offers "Use the existing secret" for a literal that is a stored value, without writing to the store', async () => {
    const credential = fakeStripeKey();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', credential);
    const document = await openWorkspaceFile('executors/it-known.ts', executorSource('it-known', `"${credential}"`));
    const known = await waitFor('the known-secret diagnostic', () => ourDiagnostics(document).find((candidate) => diagnosticCode(candidate) === KNOWN_SECRET_RULE));
    assert.match(known.message, /api-keys\/stripe-secret-key/);
    assert.ok(!known.message.includes(credential));
    const use = (await codeActions(document, known.range)).find((action) => action.title === 'Use the existing secret api-keys/stripe-secret-key');
    assert.ok(use?.edit, 'the action carries its edit');
    const secretsBefore = await (await activateExtension()).getApi('^1.0.0').listSecrets('api-keys');
    assert.ok(await vscode.workspace.applyEdit(use.edit));
    assert.match(document.getText(), /Authorization: \{ vault: "api-keys", key: "stripe-secret-key" \},/);
    const secretsAfter = await (await activateExtension()).getApi('^1.0.0').listSecrets('api-keys');
    assert.deepEqual(secretsAfter.map((secret) => [secret.name, secret.version]), secretsBefore.map((secret) => [secret.name, secret.version]));
  });

  it('ignores a finding with an inline comment, or through .secretmanagerignore without writing the credential', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('executors/it-ignore.ts', executorSource('it-ignore', `"${credential}"`));
    let diagnostic = await waitFor('the leak diagnostic', () => ourDiagnostics(document).find((candidate) => document.getText(candidate.range) === credential));
    const comment = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Ignore this finding (secret-manager-ignore comment)');
    assert.ok(comment?.edit);
    assert.ok(await vscode.workspace.applyEdit(comment.edit));
    assert.match(document.getText(), /\n {6}\/\/ secret-manager-ignore\n {6}Authorization:/);
    await waitFor('the commented finding to clear', () => ourDiagnostics(document).length === 0);

    await vscode.commands.executeCommand('undo');
    diagnostic = await waitFor('the finding to come back', () => ourDiagnostics(document).find((candidate) => document.getText(candidate.range) === credential));
    const ignoreFile = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Ignore this finding in .secretmanagerignore');
    assert.ok(ignoreFile?.command);
    const entry = await vscode.commands.executeCommand<string>(ignoreFile.command.command, ...(ignoreFile.command.arguments ?? []));
    assert.match(entry, /^fingerprint:[0-9a-f]+ # /);
    const ignoreUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.secretmanagerignore');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreUri));
    assert.ok(written.includes(entry) && !written.includes(credential), 'the ignore file holds a fingerprint, not the credential');
    await waitFor('the ignored finding to clear', () => ourDiagnostics(document).length === 0);
    await vscode.workspace.fs.delete(ignoreUri);
  });

  it('flags a literal header in an executor of a monorepo app nested in the workspace, and logs which config named it', async () => {
    const monorepo = path.join(workspaceFolder(), 'it-monorepo');
    try {
      // Opened, not only written: the file watcher may miss a file written at once into a folder just made.
      await openWorkspaceFile(
        'it-monorepo/apps/admin/tailor.config.ts',
        'import { defineConfig } from "@tailor-platform/sdk";\n\nexport default defineConfig({\n  name: "admin",\n  executor: { files: ["./apps/admin/executors/*.ts"] },\n});\n',
      );
      const token = randomToken();
      const document = await openWorkspaceFile('it-monorepo/apps/admin/executors/notify.ts', executorSource('it-monorepo', `"Bearer ${token}"`));
      const diagnostic = await waitFor('the executor-header finding', () =>
        ourDiagnostics(document).find((candidate) => diagnosticCode(candidate) === EXECUTOR_HEADER_RULE),
      );
      assert.equal(document.getText(diagnostic.range), token);
      const logged = await waitFor('the log of executor files', async () =>
        (await logLines()).find((line) => line.includes('it-monorepo/apps/admin/tailor.config.ts (globs resolved against it-monorepo)')),
      );
      assert.match(logged, /executor {2}it-monorepo\/apps\/admin\/executors\/notify\.ts/);
      assert.ok(!(await logLines()).join('\n').includes(token), 'the log never holds the credential');
    } finally {
      await removeWrittenFiles();
      rmSync(monorepo, { recursive: true, force: true });
    }
  });

  it('checks only executor files by default, and every source file with checks.scope = allSourceFiles', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('lib/it-scope.ts', `export const stripeKey = "${credential}";\n`);
    // Positive control: the same credential in an executor file, opened after it, is flagged; by then the first was checked too.
    const control = await openWorkspaceFile('executors/it-scope-control.ts', executorSource('it-scope-control', `"${credential}"`));
    await waitFor('the control finding in an executor file', () => ourDiagnostics(control).some((candidate) => control.getText(candidate.range) === credential));
    assert.equal(ourDiagnostics(document).length, 0, 'not an executor file: not checked by default');
    const settings = vscode.workspace.getConfiguration('secretManager');
    await settings.update('checks.scope', 'allSourceFiles', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the finding in a plain source file', () => ourDiagnostics(document).find((candidate) => document.getText(candidate.range) === credential));
    } finally {
      await settings.update('checks.scope', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
