import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, answer, CANARY, command, createSecretThroughCommands, lastNotification, logLines, shownPrompts, useFreshStore } from '../helpers';
import {
  codeActions,
  complete,
  diagnosticCode,
  executorSource,
  labelOf,
  openWorkspaceFile,
  ourDiagnostics,
  positionAfter,
  removeWrittenFiles,
  waitFor,
} from './support';

describe('language: writing references', function () {
  this.timeout(60_000);

  before(async function () {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY, 'Stripe live key');
    await answer({ 'secret.name': ['sendgrid-api-key'], 'secret.value': [`${CANARY}-2`], 'secret.description': [''] });
    await command('createSecret', { vault: 'api-keys' });
    await answer({ 'vault.name': ['idp-credentials'] });
    await command('createVault');
  });

  after(removeWrittenFiles);

  it('completes vault names at vault: "', async () => {
    const document = await openWorkspaceFile('executors/it-complete-vault.ts', executorSource('it-complete-vault', '{ vault: "", key: "" }'));
    const items = await complete(document, positionAfter(document, 'vault: "'));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('api-keys'), `vault names offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('idp-credentials'));
    const apiKeys = items.find((item) => labelOf(item) === 'api-keys')!;
    assert.match(String(apiKeys.detail), /2 secrets/);
  });

  it('completes the sibling vault’s key names with metadata, never values', async () => {
    const document = await openWorkspaceFile('executors/it-complete-key.ts', executorSource('it-complete-key', '{ vault: "api-keys", key: "" }'));
    const items = await complete(document, positionAfter(document, 'key: "'));
    const ours = items.filter((item) => ['stripe-secret-key', 'sendgrid-api-key'].includes(labelOf(item)));
    assert.equal(ours.length, 2, `key names offered: ${items.map(labelOf).join(', ')}`);
    const stripe = ours.find((item) => labelOf(item) === 'stripe-secret-key')!;
    const documentation = stripe.documentation instanceof vscode.MarkdownString ? stripe.documentation.value : String(stripe.documentation);
    assert.match(documentation, /Stripe live key/);
    assert.match(documentation, /Local store/);
    for (const item of ours) {
      const shown = JSON.stringify([item.label, item.detail, item.documentation, item.insertText]);
      assert.ok(!shown.includes(CANARY), 'no value in a completion item');
    }
  });

  it('offers whole { vault, key } references in an executor header value', async () => {
    const document = await openWorkspaceFile('executors/it-complete-header.ts', executorSource('it-complete-header', '{}'));
    const items = await complete(document, positionAfter(document, 'Authorization: {'), '{');
    const snippet = items.find((item) => labelOf(item) === '{ vault, key }');
    assert.ok(snippet?.insertText instanceof vscode.SnippetString, `items: ${items.map(labelOf).join(', ')}`);
    const whole = items.find((item) => labelOf(item) === 'api-keys/stripe-secret-key');
    assert.equal(whole?.insertText, '{ vault: "api-keys", key: "stripe-secret-key" }');
    assert.ok(!JSON.stringify(items.map((item) => [item.detail, item.documentation])).includes(CANARY));
  });

  it('offers whole references for a header typed in the middle of a headers object, with the comma it needs', async () => {
    const source = executorSource('it-complete-middle', '{ vault: "api-keys", key: "stripe-secret-key" }').replace(
      '      Authorization:',
      '      "X-Request-Id": "fixed",\n      "X-Other": \n      Authorization:',
    );
    const document = await openWorkspaceFile('executors/it-complete-middle.ts', source);
    const items = await complete(document, positionAfter(document, '"X-Other": '), ' ');
    const labels = items.map(labelOf);
    const whole = items.find((item) => labelOf(item) === 'api-keys/sendgrid-api-key');
    assert.ok(whole, `items: ${labels.slice(0, 30).join(', ')}`);
    assert.ok(labels.includes('{ vault, key }'), labels.slice(0, 30).join(', '));
    assert.equal(whole.insertText, '{ vault: "api-keys", key: "sendgrid-api-key" },');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, whole.range instanceof vscode.Range ? whole.range : whole.range!.replacing, String(whole.insertText));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), /"X-Other": \{ vault: "api-keys", key: "sendgrid-api-key" \},\n {6}Authorization: \{ vault: "api-keys", key: "stripe-secret-key" \},/);
    const references = await (await activateExtension()).getApi('^1.0.0').findReferences(document);
    assert.deepEqual(
      references.map((reference) => `${reference.vault}/${reference.key}`),
      ['api-keys/sendgrid-api-key', 'api-keys/stripe-secret-key'],
      'the object parses with both references after the completion',
    );
  });

  it('completes keys in getSecret("vault", "…") too', async () => {
    const document = await openWorkspaceFile(
      'resolvers/it-complete-call.ts',
      'export async function handler() {\n  return tailor.secretmanager.getSecret("api-keys", "");\n}\n',
    );
    const labels = (await complete(document, positionAfter(document, '"api-keys", "'))).map(labelOf);
    assert.ok(labels.includes('sendgrid-api-key'), `key names offered: ${labels.join(', ')}`);
  });

  it('warns about a missing secret with a did-you-mean, fixes the name or creates the secret', async () => {
    const document = await openWorkspaceFile('executors/it-missing.ts', executorSource('it-missing', '{ vault: "api-keys", key: "stripe-secret-kye" }'));
    const diagnostic = await waitFor('the missing-reference diagnostic', () => ourDiagnostics(document).find((candidate) => diagnosticCode(candidate) === 'missing-key'));
    assert.match(diagnostic.message, /Secret "stripe-secret-kye" does not exist in vault "api-keys" in Local store\. Did you mean "stripe-secret-key"\?/);
    assert.equal(document.getText(diagnostic.range), 'stripe-secret-kye');

    const actions = await codeActions(document, diagnostic.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Change to "stripe-secret-key"'), titles.join(', '));
    const create = actions.find((action) => action.title === 'Create secret api-keys/stripe-secret-kye…');
    assert.ok(create?.command, titles.join(', '));

    await answer({ 'secret.value': [`${CANARY}-3`] });
    await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? []));
    await waitFor('the diagnostic to clear once the secret exists', () => ourDiagnostics(document).length === 0);

    const vaultMissing = await openWorkspaceFile('executors/it-missing-vault.ts', executorSource('it-missing-vault', '{ vault: "api-key", key: "stripe-secret-key" }'));
    const vaultDiagnostic = await waitFor('the missing-vault diagnostic', () => ourDiagnostics(vaultMissing).find((candidate) => diagnosticCode(candidate) === 'missing-vault'));
    assert.match(vaultDiagnostic.message, /Did you mean "api-keys"\?/);
    const change = (await codeActions(vaultMissing, vaultDiagnostic.range)).find((action) => action.title === 'Change to "api-keys"');
    assert.ok(change?.edit);
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.match(vaultMissing.getText(), /\{ vault: "api-keys", key: "stripe-secret-key" \}/);
    await waitFor('the fixed reference to check clean', () => ourDiagnostics(vaultMissing).length === 0);
  });

  it('hovers with metadata and the store, never the value; says where a missing one is not found', async () => {
    const document = await openWorkspaceFile(
      'executors/it-hover.ts',
      executorSource('it-hover', '{ vault: "api-keys", key: "stripe-secret-key" }') + '\nconst other = { vault: "api-keys", key: "not-there" };\n',
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionAfter(document, 'key: "stripe'));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /api\\-keys\/stripe\\-secret\\-key/);
    assert.match(text, /Stripe live key/);
    assert.match(text, /Store: Local store/);
    assert.ok(!text.includes(CANARY), 'the hover never holds the value');

    const missing = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionAfter(document, 'key: "not'));
    const missingText = missing.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(missingText, /not found in Local store/);
    assert.ok(!(await logLines()).some((line) => line.includes(CANARY)), 'no value in the log');
  });

  it('finds declarations and every reference of a secret across the workspace', async () => {
    const declarations = await openWorkspaceFile(
      'it-secrets.ts',
      'export const secrets = defineSecretManager({ "api-keys": { "stripe-secret-key": {} } });\n',
    );
    const user = await openWorkspaceFile('executors/it-user.ts', executorSource('it-user', '{ vault: "api-keys", key: "stripe-secret-key" }'));
    const position = positionAfter(user, 'key: "stri');

    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', user.uri, position);
    const definitionFiles = definitions.map((definition) => ('uri' in definition ? definition.uri : definition.targetUri).toString());
    assert.ok(definitionFiles.includes(declarations.uri.toString()), `definitions: ${definitionFiles.join(', ')}`);

    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', user.uri, position);
    const files = new Set(references.map((reference) => vscode.workspace.asRelativePath(reference.uri)));
    for (const expected of ['it-secrets.ts', 'executors/it-user.ts', 'executors/charge-on-order.ts']) {
      assert.ok(files.has(expected), `references in ${[...files].join(', ')}`);
    }

    const edit = new vscode.WorkspaceEdit();
    edit.insert(user.uri, new vscode.Position(user.lineCount, 0), 'export const extra = { vault: "api-keys", key: "stripe-secret-key" };\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const afterEdit = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', user.uri, position);
    assert.equal(
      afterEdit.filter((reference) => reference.uri.toString() === user.uri.toString()).length,
      2,
      'an unsaved edit in an open file counts',
    );
    // Saved, the file is no longer dirty: once deleted, later suites' indexes cannot keep its unsaved edit.
    assert.ok(await user.save());

    // With an editor open, Show Usages opens the references peek at the first usage, not a pick.
    const unrelated = await openWorkspaceFile('it-unrelated.ts', 'export const unrelated = 1;\n');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), unrelated.uri.toString());
    const usages = await command<Array<{ uri: string; line: number; character: number }>>('showUsages', { vault: 'api-keys', key: 'stripe-secret-key' });
    assert.ok(usages.some((usage) => usage.uri === user.uri.toString() && usage.line === position.line));
    const first = usages[0]!;
    const editor = await waitFor('the peek to open at the first usage', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === first.uri ? vscode.window.activeTextEditor : undefined,
    );
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [first.line, first.character], 'the peek opens on the first usage');
    assert.ok(!(await shownPrompts()).some((prompt) => prompt.id === 'usages.pick'), 'no pick was shown');
    await vscode.commands.executeCommand('closeReferenceSearch');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await answer({ 'usages.pick': [null] });
    await command('showUsages', { vault: 'api-keys', key: 'stripe-secret-key' });
    assert.ok((await shownPrompts()).some((prompt) => prompt.id === 'usages.pick'), 'with no editor open, a pick lists the usages');

    await command('showUsages', { vault: 'api-keys', key: 'no-such-usage' });
    assert.equal(await lastNotification('info'), 'No usages of api-keys/no-such-usage in this workspace.');

    const api = (await activateExtension()).getApi('^1.0.0');
    const found = await api.findReferences(user);
    assert.deepEqual(
      found.map((reference) => [reference.vault, reference.key, user.getText(new vscode.Range(user.positionAt(reference.start), user.positionAt(reference.end)))]),
      [
        ['api-keys', 'stripe-secret-key', '{ vault: "api-keys", key: "stripe-secret-key" }'],
        ['api-keys', 'stripe-secret-key', '{ vault: "api-keys", key: "stripe-secret-key" }'],
      ],
    );
  });
});
