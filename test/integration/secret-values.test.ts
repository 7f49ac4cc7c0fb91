import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  answer,
  CANARY,
  command,
  createSecretThroughCommands,
  lastNotification,
  forgetAllConsent,
  logLines,
  readAuditDocument,
  shownPrompts,
  treeSnapshot,
  useFreshStore,
} from './helpers';

interface RevealState {
  readonly reference: string;
  readonly label: string;
  readonly shown: boolean;
}

const revealState = () => vscode.commands.executeCommand<RevealState | undefined>('secretManager._test.revealState');

async function setSeconds(key: string, value: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('secretManager').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('secret values and references', function () {
  this.timeout(60_000);

  before(function () {
  });

  beforeEach(async () => {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
  });

  afterEach(async () => {
    await setSeconds('clipboardClearSeconds', undefined);
    await setSeconds('revealTimeoutSeconds', undefined);
  });

  it('reveals only after a modal confirmation, masked until shown, hidden after the timeout, and audited', async () => {
    await answer({ consent: ['Allow Once', 'Allow Once'], 'secret.reveal.confirm': [null] });
    assert.equal(await command('revealSecret', { vault: 'api-keys', key: 'stripe-secret-key' }), false);
    assert.equal(await revealState(), undefined, 'nothing is revealed when the confirmation is dismissed');

    await setSeconds('revealTimeoutSeconds', 1);
    await answer({ 'secret.reveal.confirm': ['Reveal'] });
    assert.equal(await command('revealSecret', 'api-keys/stripe-secret-key'), true);
    const confirm = (await shownPrompts()).filter((prompt) => prompt.id === 'secret.reveal.confirm').at(-1);
    assert.match(confirm?.text ?? '', /^Reveal value of api-keys\/stripe-secret-key\?/);

    const masked = await revealState();
    assert.equal(masked?.reference, 'api-keys/stripe-secret-key');
    assert.equal(masked?.shown, false);
    assert.ok(!masked?.label.includes(CANARY), 'the value starts masked');
    await vscode.commands.executeCommand('secretManager._test.revealToggle');
    assert.equal((await revealState())?.label, CANARY, 'the eye button shows the value');

    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await revealState(), undefined, 'the value hides itself after revealTimeoutSeconds');
    assert.match(await readAuditDocument({ vault: 'api-keys', key: 'stripe-secret-key' }), /secret\.reveal\s+api-keys\/stripe-secret-key v1/);
  });

  it('copies the value and clears the clipboard after the configured time when it still holds the value', async () => {
    await setSeconds('clipboardClearSeconds', 1);
    await answer({ consent: ['Allow Once'] });
    assert.equal(await command('copySecretValue', { vault: 'api-keys', key: 'stripe-secret-key' }), true);
    assert.equal(await vscode.env.clipboard.readText(), CANARY);
    assert.equal(await vscode.commands.executeCommand('secretManager._test.waitForClipboardClear'), true);
    assert.equal(await vscode.env.clipboard.readText(), '');
    assert.match(await readAuditDocument({ vault: 'api-keys', key: 'stripe-secret-key' }), /secret\.copy\s+api-keys\/stripe-secret-key v1\s+by command-arguments/);
  });

  it('leaves the clipboard alone when something else was copied meanwhile', async () => {
    await setSeconds('clipboardClearSeconds', 1);
    await answer({ consent: ['Allow Once'] });
    await command('copySecretValue', { vault: 'api-keys', key: 'stripe-secret-key' });
    await vscode.env.clipboard.writeText('something the user copied');
    assert.equal(await vscode.commands.executeCommand('secretManager._test.waitForClipboardClear'), false);
    assert.equal(await vscode.env.clipboard.readText(), 'something the user copied');
  });

  it('asks the API consent before copying or revealing for a caller that passes arguments, and a Deny holds', async () => {
    await forgetAllConsent();
    await vscode.env.clipboard.writeText('before');
    await answer({ consent: ['Deny'], 'secret.reveal.confirm': ['Reveal'] });
    assert.equal(await command('copySecretValue', { vault: 'api-keys', key: 'stripe-secret-key' }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'before', 'nothing reached the clipboard');
    assert.equal(await command('copySecretValue', 'api-keys/stripe-secret-key'), undefined, 'the Deny is remembered');
    assert.equal(await command('revealSecret', 'api-keys/stripe-secret-key'), undefined);
    assert.equal(await revealState(), undefined, 'nothing is revealed');
    const consents = (await shownPrompts()).filter((prompt) => prompt.id === 'consent');
    assert.equal(consents.length, 1, 'asked once; the Deny is remembered');
    assert.match(consents[0].text, /^Allow another extension or a keybinding \(a command called with arguments\) to read secrets from vault "api-keys"\?/);
    assert.match((await lastNotification('error')) ?? '', /Access denied/);
    const audit = await readAuditDocument({ vault: 'api-keys', key: 'stripe-secret-key' });
    assert.doesNotMatch(audit, /secret\.(copy|reveal)/, 'no value was read');
    await forgetAllConsent();
  });

  it('resolves for launch configurations after consent once per workspace and vault, audited as launch-config', async () => {
    await answer({ consent: ['Allow'] });
    assert.equal(await command('resolve', { vault: 'api-keys', key: 'stripe-secret-key' }), CANARY);
    assert.equal(await command('resolve', 'api-keys/stripe-secret-key'), CANARY, 'the second read does not ask again');
    const consents = (await shownPrompts()).filter((prompt) => prompt.id === 'consent');
    assert.equal(consents.length, 1);
    assert.match(consents[0].text, /^Allow the launch and task configurations of workspace ".*" to read secrets from vault "api-keys"\?/);
    assert.match(await readAuditDocument({ vault: 'api-keys' }), /secret\.resolve\s+api-keys\/stripe-secret-key v1\s+by launch-config/);

    await assert.rejects(Promise.resolve(command('resolve', { vault: 'api-keys' })), /key/);
    await answer({ 'consent.revoke.pick': [(await revokeLabels()).find((label) => label.includes('api-keys'))!] });
    assert.equal(await command('revokeConsent'), 1);
  });

  it('never puts the value in the tree, log, prompts or notifications', async () => {
    await answer({ consent: ['Allow Once', 'Allow Once'], 'secret.reveal.confirm': ['Reveal'] });
    await command('revealSecret', 'api-keys/stripe-secret-key');
    await command('copySecretValue', 'api-keys/stripe-secret-key');
    const visible = JSON.stringify(await treeSnapshot()) + (await logLines()).join('\n') + JSON.stringify(await shownPrompts());
    assert.ok((await logLines()).some((line) => line.includes('Revealed api-keys/stripe-secret-key')), 'the log does record the reveal');
    assert.ok(!visible.includes(CANARY));
  });
});

async function revokeLabels(): Promise<string[]> {
  await vscode.commands.executeCommand('secretManager._test.clearPrompts');
  await answer({ 'consent.revoke.pick': [null] });
  await command('revokeConsent');
  return (await shownPrompts()).filter((prompt) => prompt.id === 'consent.revoke.pick').at(-1)?.items?.slice() ?? [];
}

// References hold no value, so they work in untrusted workspaces too.
describe('secret references from the tree', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
  });

  it('copies a reference and inserts one at the cursor of an open editor', async () => {
    assert.equal(await command('copyReference', { vault: 'api-keys', key: 'stripe-secret-key' }), '{ vault: "api-keys", key: "stripe-secret-key" }');
    assert.equal(await vscode.env.clipboard.readText(), '{ vault: "api-keys", key: "stripe-secret-key" }');

    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'const headers = { Authorization:  };\n' });
    const editor = await vscode.window.showTextDocument(document);
    const cursor = new vscode.Position(0, 'const headers = { Authorization: '.length);
    editor.selection = new vscode.Selection(cursor, cursor);
    await command('insertReference', { vault: 'api-keys', key: 'stripe-secret-key' });
    assert.equal(document.getText(), 'const headers = { Authorization: { vault: "api-keys", key: "stripe-secret-key" } };\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('drags secrets out of the tree as references', async () => {
    const text = await vscode.commands.executeCommand<string>('secretManager._test.dragText', [{ vault: 'api-keys', key: 'stripe-secret-key' }]);
    assert.equal(text, '{ vault: "api-keys", key: "stripe-secret-key" }');
  });
});
