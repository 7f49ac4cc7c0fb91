import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, answer, CANARY, createSecretThroughCommands, logLines, shownPrompts, useFreshStore } from '../helpers';
import { codeActions, diagnosticCode, executorSource, fakeStripeKey, openWorkspaceFile, ourDiagnostics, removeWrittenFiles, waitFor, workspaceFolder } from './support';

function declarationSource(vault: string, keys: readonly string[]): string {
  const lines = keys.map((key) => `    "${key}": process.env.${key.toUpperCase().replace(/-/g, '_')}!,`);
  return ['import { defineSecretManager } from "@tailor-platform/sdk";', '', 'export const secrets = defineSecretManager({', `  "${vault}": {`, ...lines, '  },', '});', ''].join('\n');
}

async function storedKeys(vault: string): Promise<string[]> {
  const api = (await activateExtension()).getApi('^1.0.0');
  const vaults = await api.listVaults();
  if (!vaults.some((candidate) => candidate.name === vault)) return [];
  return (await api.listSecrets(vault)).map((secret) => secret.name);
}

async function moveAction(document: vscode.TextDocument, credential: string): Promise<vscode.Command> {
  const diagnostic = await waitFor('the leak diagnostic', () => ourDiagnostics(document).find((candidate) => document.getText(candidate.range) === credential));
  const move = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Move to Secret Manager…');
  assert.ok(move?.command, 'Move to Secret Manager is offered');
  return move.command;
}

async function assertNeverShown(credential: string): Promise<void> {
  const shown = JSON.stringify(await shownPrompts()) + (await logLines()).join('\n');
  assert.ok(!shown.includes(credential), 'no prompt, notification or log line holds the value');
}

describe('language: vaults declared with defineSecretManager', function () {
  this.timeout(60_000);
  const envFile = () => path.join(workspaceFolder(), '.env');
  const gitignoreFile = () => path.join(workspaceFolder(), '.gitignore');

  before(function () {
    if (!vscode.workspace.isTrusted) this.skip();
  });

  beforeEach(async () => {
    await useFreshStore();
    rmSync(envFile(), { force: true });
    rmSync(gitignoreFile(), { force: true });
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments) if (document.isDirty && document.uri.scheme === 'file') await document.save();
    await removeWrittenFiles();
    rmSync(envFile(), { force: true });
    rmSync(gitignoreFile(), { force: true });
  });

  it('Move to Secret Manager into a declared vault edits the declaration and the code, puts the value in the gitignored .env, nothing in the store', async () => {
    await createSecretThroughCommands('it-payments', 'stripe-secret-key', `${CANARY}-deployed`);
    writeFileSync(gitignoreFile(), 'node_modules/\n.env\n');
    const declarations = await openWorkspaceFile('it-declared-secrets.ts', declarationSource('it-payments', ['stripe-secret-key', 'it-declared-only']));
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('executors/it-declared-leak.ts', executorSource('it-declared-leak', `"Bearer ${credential}"`));
    const move = await moveAction(document, credential);

    await answer({ 'leak.vault': ['it-payments'], 'leak.secretName': ['it-refund-key'] });
    const moved = await vscode.commands.executeCommand(move.command, ...(move.arguments ?? []));
    assert.deepEqual(moved, { vault: 'it-payments', key: 'it-refund-key' });
    assert.match(document.getText(), /Authorization: \{ vault: "it-payments", key: "it-refund-key" \},/);
    assert.ok(!document.getText().includes(credential));
    assert.ok(
      declarations.getText().includes('    "it-declared-only": process.env.IT_DECLARED_ONLY!,\n    "it-refund-key": process.env.IT_REFUND_KEY!,\n  },'),
      declarations.getText(),
    );
    assert.equal(readFileSync(envFile(), 'utf8'), `IT_REFUND_KEY='Bearer ${credential}'\n`);
    assert.deepEqual(await storedKeys('it-payments'), ['stripe-secret-key'], 'the store is not written');
    const prompts = await shownPrompts();
    assert.ok(!prompts.some((prompt) => prompt.id === 'declare.valueDestination'), 'a gitignored .env needs no question');
    const vaultPick = prompts.find((prompt) => prompt.id === 'leak.vault');
    assert.ok(vaultPick?.items?.includes('it-payments'));
    assert.match(prompts.filter((prompt) => prompt.id === 'notification.info').at(-1)?.text ?? '', /Declared it-payments\/it-refund-key in it-declared-secrets\.ts\. Its value is in \.env as IT_REFUND_KEY/);
    await assertNeverShown(credential);
  });

  it('adds the declaration and the reference as one undoable edit, into a vault that is declared but not deployed', async () => {
    const credential = fakeStripeKey();
    const source = `${declarationSource('it-inline', ['first-key'])}\n${executorSource('it-declared-inline', `"Bearer ${credential}"`).replace('import { createExecutor } from "@tailor-platform/sdk";\n', '')}`;
    const document = await openWorkspaceFile('executors/it-declared-inline.ts', source);
    writeFileSync(gitignoreFile(), '.env\n');
    const move = await moveAction(document, credential);

    await answer({ 'leak.vault': ['it-inline'], 'leak.secretName': ['it-inline-key'] });
    await vscode.commands.executeCommand(move.command, ...(move.arguments ?? []));
    assert.ok(document.getText().includes('"it-inline-key": process.env.IT_INLINE_KEY!,'), document.getText());
    assert.match(document.getText(), /Authorization: \{ vault: "it-inline", key: "it-inline-key" \},/);
    assert.deepEqual(await storedKeys('it-inline'), [], 'no vault or secret in the store');

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), source, 'one undo takes back both the declaration and the reference');
    const pick = (await shownPrompts()).find((prompt) => prompt.id === 'leak.vault');
    assert.ok(pick?.items?.includes('it-inline'), `the declared vault is offered: ${pick?.items?.join(', ')}`);
    await assertNeverShown(credential);
  });

  it('reports an invalid name by the rule, notes a declared secret not yet deployed, and declares a missing key when asked', async () => {
    await createSecretThroughCommands('it-crm', 'hubspot-token', `${CANARY}-crm`);
    const declarations = await openWorkspaceFile('it-declared-crm.ts', declarationSource('it-crm', ['hubspot-token', 'salesforce-token']));
    const source = executorSource('it-declared-refs', '{ vault: "it-crm", key: "salesforce-token" }').replace(
      '    },\n  },',
      '      "X-Api-Key": { vault: "it-crm", key: "API_KEY" },\n      "X-New": { vault: "it-crm", key: "zendesk-token" },\n    },\n  },',
    );
    const document = await openWorkspaceFile('executors/it-declared-refs.ts', source);
    const at = (diagnostic: vscode.Diagnostic) => `${document.getText(diagnostic.range)} ${diagnosticCode(diagnostic)} ${vscode.DiagnosticSeverity[diagnostic.severity]}`;
    await waitFor('the three reference diagnostics', () => (ourDiagnostics(document).length === 3 ? true : undefined));
    const diagnostics = ourDiagnostics(document);
    assert.deepEqual(diagnostics.map(at).sort(), ['API_KEY invalid-name Warning', 'salesforce-token declared-not-deployed Information', 'zendesk-token missing-key Warning']);
    const byCode = (code: string) => diagnostics.find((diagnostic) => diagnosticCode(diagnostic) === code)!;
    assert.match(byCode('invalid-name').message, /^"API_KEY" is not a valid secret name: uppercase letters "A", "P", "I", "K", "E", "Y" and "_" are not allowed\./);
    assert.match(byCode('declared-not-deployed').message, /^Secret "salesforce-token" is declared in it-declared-crm\.ts:6, not in Local store yet\.$/);
    assert.match(byCode('missing-key').message, /is not declared in vault "it-crm" \(it-declared-crm\.ts:5\)/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, byCode('declared-not-deployed').range.start.translate(0, 2));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /is declared in it\\?-declared\\?-crm\\?\.ts:6, not in Local store yet/);

    const respell = (await codeActions(document, byCode('invalid-name').range)).map((action) => action.title);
    assert.ok(respell.includes('Change to "api-key"'), respell.join(', '));
    assert.ok(!respell.some((title) => /^(Create|Declare) /.test(title)), 'a name against the rule is respelled, never created');

    const actions = await codeActions(document, byCode('missing-key').range);
    const declare = actions.find((action) => action.title === 'Declare secret it-crm/zendesk-token in it-declared-crm.ts…');
    assert.ok(declare?.command, actions.map((action) => action.title).join(', '));
    await answer({ 'secret.value': [`${CANARY}-zendesk`], 'declare.valueDestination': ['Copy the value to the clipboard'] });
    await vscode.commands.executeCommand(declare.command.command, ...(declare.command.arguments ?? []));
    assert.ok(declarations.getText().includes('"zendesk-token": process.env.ZENDESK_TOKEN!,'), declarations.getText());
    assert.ok(!existsSync(envFile()), 'no value written to a .env that git would commit');
    assert.deepEqual(await storedKeys('it-crm'), ['hubspot-token'], 'the store is not written');
    assert.match((await shownPrompts()).filter((prompt) => prompt.id === 'notification.info').at(-1)?.text ?? '', /add ZENDESK_TOKEN=… to your environment before `tailor deploy`/);
    await waitFor('the declared key to become a note', () =>
      ourDiagnostics(document).some((diagnostic) => document.getText(diagnostic.range) === 'zendesk-token' && diagnosticCode(diagnostic) === 'declared-not-deployed') ? true : undefined,
    );
    await assertNeverShown(`${CANARY}-zendesk`);
  });
});
