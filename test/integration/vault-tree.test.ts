import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { openStore } from '../../src/api';
import {
  allNodes,
  answer,
  CANARY,
  command,
  createSecretThroughCommands,
  findNode,
  lastNotification,
  logLines,
  readAuditDocument,
  shownPrompts,
  treeSnapshot,
  activateExtension,
  useFreshStore,
} from './helpers';

describe('vault tree and lifecycle commands', function () {
  this.timeout(60_000);

  let home = '';
  beforeEach(async () => {
    home = await useFreshStore();
  });

  it('starts empty, then shows a created vault and secret with metadata and no value', async () => {
    assert.deepEqual(await treeSnapshot(), []);
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY, 'Stripe live key');

    const tree = await treeSnapshot();
    const vault = findNode(tree, 'api-keys');
    assert.ok(vault, 'the vault is in the tree');
    assert.equal(vault.description, '1 secret');
    assert.equal(vault.contextValue, 'vault');
    const secret = findNode(tree, 'api-keys', 'stripe-secret-key');
    assert.ok(secret, 'the secret is under its vault');
    assert.equal(secret.description, 'v1 · updated just now');
    assert.match(secret.contextValue ?? '', /\bsecret\b/);
    assert.match(secret.contextValue ?? '', /\breveal\b/);
    assert.match(secret.contextValue ?? '', /\bversions\b/);
    assert.match(secret.tooltip ?? '', /Description: Stripe live key/);
    assert.match(secret.tooltip ?? '', /Store: /);
    assert.deepEqual(secret.children?.map((child) => child.label), ['v1']);

    const everything = JSON.stringify(tree) + (await logLines()).join('\n') + JSON.stringify(await shownPrompts());
    assert.ok(!everything.includes(CANARY), 'the value appears in no label, description, tooltip, log line or prompt');
  });

  it('warns once when the local store sits inside a workspace folder, and not for one outside', async () => {
    assert.deepEqual(await treeSnapshot(), []);
    assert.ok(!(await shownPrompts()).some((prompt) => /inside the workspace folder/.test(prompt.text)), 'a store outside the workspace is no concern');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run in a workspace');
    const inside = mkdtempSync(path.join(folder.uri.fsPath, '.store-inside-'));
    try {
      await vscode.commands.executeCommand('secretManager._test.useStoreHome', inside);
      await vscode.commands.executeCommand('secretManager._test.clearPrompts');
      assert.deepEqual(await treeSnapshot(), []);
      await vscode.commands.executeCommand('secretManager._test.useStoreHome', inside);
      assert.deepEqual(await treeSnapshot(), [], 'opened a second time');
      const warnings = (await shownPrompts()).filter((prompt) => prompt.id === 'notification.warning' && prompt.text.includes('inside the workspace folder'));
      assert.equal(warnings.length, 1, 'one warning, however often the store is opened');
      assert.ok(warnings[0]!.text.includes(inside) && /SECRET_MANAGER_HOME/.test(warnings[0]!.text));
      assert.ok((await logLines()).some((line) => line.startsWith('warn ') && line.includes(inside)));
    } finally {
      await vscode.commands.executeCommand('secretManager._test.useStoreHome', home);
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it('validates names live with the naming rule', async () => {
    await answer({ 'vault.name': ['API_keys'] });
    assert.equal(await command('createVault'), undefined);
    assert.match((await lastNotification('error')) ?? '', /Invalid vault name "API_keys": it contains uppercase letters/);
    assert.deepEqual(await treeSnapshot(), []);
  });

  it('rotates with the version shown and refuses a stale version with a conflict that offers Refresh', async () => {
    await createSecretThroughCommands('api-keys', 'github-token', 'first-value');
    await answer({ 'secret.value': ['second-value'] });
    const rotated = await command<{ version: number }>('rotateSecret', { vault: 'api-keys', key: 'github-token', expectedVersion: 1 });
    assert.equal(rotated?.version, 2);
    assert.equal(findNode(await treeSnapshot(), 'api-keys', 'github-token')?.description, 'v2 · updated just now');
    const confirmation = (await shownPrompts()).filter((prompt) => prompt.kind === 'status').at(-1);
    assert.equal(confirmation?.text, 'Rotated api-keys/github-token to v2', 'a status-bar message confirms the rotation');

    await answer({ 'secret.value': ['third-value'] });
    assert.equal(await command('rotateSecret', { vault: 'api-keys', key: 'github-token', expectedVersion: 1 }), undefined);
    const conflict = (await shownPrompts()).filter((prompt) => prompt.id === 'notification.error').at(-1);
    assert.match(conflict?.text ?? '', /is at version 2, not the expected version 1/);
    assert.deepEqual(conflict?.items, ['Refresh']);
    assert.equal(findNode(await treeSnapshot(), 'api-keys', 'github-token')?.description, 'v2 · updated just now', 'the stale rotation changed nothing');
  });

  it('lists versions and rolls back after confirmation', async () => {
    await createSecretThroughCommands('api-keys', 'github-token', 'first-value');
    await answer({ 'secret.value': ['second-value'] });
    await command('rotateSecret', { vault: 'api-keys', key: 'github-token' });

    await answer({ 'versions.pick': ['v1'], 'secret.rollback.confirm': ['Roll Back'] });
    const rolledBack = await command<{ version: number }>('showVersions', { vault: 'api-keys', key: 'github-token' });
    assert.equal(rolledBack?.version, 3);
    const picked = (await shownPrompts()).find((prompt) => prompt.id === 'versions.pick');
    assert.deepEqual(picked?.items, ['v2', 'v1']);
    const secret = findNode(await treeSnapshot(), 'api-keys', 'github-token');
    assert.deepEqual(secret?.children?.map((child) => child.label), ['v3', 'v2', 'v1']);
    assert.match(secret?.children?.[0].description ?? '', /^current · just now · rolled back from v1$/);

    await answer({ 'secret.rollback.confirm': [null] });
    assert.equal(await command('rollbackSecret', { vault: 'api-keys', key: 'github-token', version: 2 }), undefined);
    assert.equal(findNode(await treeSnapshot(), 'api-keys', 'github-token')?.description, 'v3 · updated just now', 'a dismissed confirmation changes nothing');
  });

  it('refuses to delete a vault that holds secrets, then deletes secret and vault after confirmation', async () => {
    await createSecretThroughCommands('old-vault', 'old-key', 'old-value');
    assert.equal(await command('deleteVault', { vault: 'old-vault' }), undefined);
    assert.match((await lastNotification('error')) ?? '', /Vault "old-vault" still holds 1 secret\. Delete or move its secrets first\./);

    await answer({ 'secret.delete.confirm': ['Delete'] });
    assert.equal(await command('deleteSecret', 'old-vault/old-key'), true);
    assert.equal(findNode(await treeSnapshot(), 'old-vault')?.description, '0 secrets');

    await answer({ 'vault.delete.confirm': ['Delete'] });
    assert.equal(await command('deleteVault', { vault: 'old-vault' }), true);
    assert.deepEqual(await treeSnapshot(), []);
  });

  it('filters vaults and secrets by name, and clears the filter', async () => {
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', 'one-value');
    await answer({ 'secret.name': ['github-token'], 'secret.value': ['two-value'], 'secret.description': [''] });
    await command('createSecret', { vault: 'api-keys' });
    await createSecretThroughCommands('database', 'postgres-password', 'three-value');

    assert.equal(await command('filter', 'STRIPE'), 'stripe');
    const filtered = await treeSnapshot();
    assert.deepEqual(filtered.map((node) => node.label), ['api-keys']);
    assert.deepEqual(findNode(filtered, 'api-keys')?.children?.map((node) => node.label), ['stripe-secret-key']);

    await answer({ 'tree.filter': ['database'] });
    await command('filter');
    assert.deepEqual(
      allNodes(await treeSnapshot()).filter((node) => node.contextValue === 'vault' || /\bsecret\b/.test(node.contextValue ?? '')).map((node) => node.label),
      ['database', 'postgres-password'],
    );

    await command('clearFilter');
    assert.deepEqual((await treeSnapshot()).map((node) => node.label).sort(), ['api-keys', 'database']);
  });

  it('shows the audit log without values, and refresh keeps the tree in step', async () => {
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
    await answer({ 'secret.value': [`${CANARY}-2`] });
    await command('rotateSecret', { vault: 'api-keys', key: 'stripe-secret-key' });

    const audit = await readAuditDocument({ vault: 'api-keys', key: 'stripe-secret-key' });
    assert.match(audit, /secret\.create\s+api-keys\/stripe-secret-key v1/);
    assert.match(audit, /secret\.update\s+api-keys\/stripe-secret-key v2/);
    assert.ok(!audit.includes(CANARY), 'the audit log holds no value');
    assert.match(audit, /secret\.create\s+api-keys\/stripe-secret-key v1\s+by vscode:/, 'actions taken in the editor are audited as vscode:<user>');
    const whole = await readAuditDocument();
    assert.match(whole, /vault\.create\s+api-keys/);

    await command('refresh');
    assert.equal(findNode(await treeSnapshot(), 'api-keys', 'stripe-secret-key')?.description, 'v2 · updated just now');
  });

  it('follows changes another process makes to the store, without a manual refresh', async () => {
    await createSecretThroughCommands('shared-vault', 'first-key', 'first-value');
    const api = (await activateExtension()).getApi('^1.0.0');
    // Let change events of the extension's own writes settle, so the one awaited below is the outside write's.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const changed = new Promise<void>((resolve) => {
      const subscription = api.onDidChange(() => {
        subscription.dispose();
        resolve();
      });
    });
    const outside = await openStore({ kind: 'local', home });
    try {
      await outside.createSecret({ vault: 'shared-vault', key: 'from-the-cli', value: 'outside-value' });
    } finally {
      await outside.close();
    }
    await changed;
    assert.deepEqual(findNode(await treeSnapshot(), 'shared-vault')?.children?.map((node) => node.label).sort(), ['first-key', 'from-the-cli']);
  });

  it('refreshes only the rows a store change touches, so a menu open on another row keeps its node', async () => {
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', 'first-value');
    await answer({ 'secret.name': ['github-token'], 'secret.value': ['second-value'], 'secret.description': [''] });
    await command('createSecret', { vault: 'api-keys' });
    await treeSnapshot(); // every row shown and expanded, as in the view
    await new Promise((resolve) => setTimeout(resolve, 500)); // the refreshes of the extension's own writes
    await command('_test.treeRefreshes');

    const outside = await openStore({ kind: 'local', home });
    try {
      await outside.updateSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: 'rotated-outside' });
      assert.deepEqual(await nextTreeRefreshes(), [['secret:local/api-keys/stripe-secret-key']], 'the rotated row alone, not the whole tree');
      await outside.createSecret({ vault: 'api-keys', key: 'from-the-cli', value: 'outside-value' });
      assert.deepEqual(await nextTreeRefreshes(), [['vault:local/api-keys']], 'the vault whose secrets changed');
    } finally {
      await outside.close();
    }
    assert.deepEqual(findNode(await treeSnapshot(), 'api-keys')?.children?.map((node) => node.label).sort(), ['from-the-cli', 'github-token', 'stripe-secret-key']);
  });
});

/** The refreshes the tree asks for after a store change: waits for the first, then for any that follow it. */
async function nextTreeRefreshes(): Promise<string[][]> {
  const refreshes: string[][] = [];
  for (let waited = 0; refreshes.length === 0 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    refreshes.push(...(await command<string[][]>('_test.treeRefreshes')));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  refreshes.push(...(await command<string[][]>('_test.treeRefreshes')));
  return refreshes;
}
