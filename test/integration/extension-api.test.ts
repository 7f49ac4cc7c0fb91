import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  answer,
  CALLER_EXTENSION_ID,
  CANARY,
  command,
  createSecretThroughCommands,
  extensionId,
  forgetAllConsent,
  OTHER_CALLER_EXTENSION_ID,
  readAuditDocument,
  shownPrompts,
  useFreshStore,
} from './helpers';

const caller = { extensionId: CALLER_EXTENSION_ID };

describe('exported extension API', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await useFreshStore();
  });

  it('gives the v1 API for a matching range and refuses others clearly', async () => {
    const exports = await activateExtension();
    assert.equal(exports.apiVersion, '1.0.0');
    assert.equal(exports.getApi('^1.0.0').apiVersion, '1.0.0');
    assert.throws(() => exports.getApi('^2.0.0'), /no API version matching "\^2\.0\.0" \(it provides 1\.0\.0\)/);
    assert.throws(() => exports.getApi('newest'), /not a semver range/);
  });

  it('manages secrets, reports changes, and lists connections', async () => {
    const api = (await activateExtension()).getApi('^1.0.0', caller);
    assert.deepEqual((await api.listConnections()).map((connection) => connection.id), ['local']);
    await answer({ 'vault.name': ['deploy-keys'] });
    await command('createVault');

    const changes: string[] = [];
    const subscription = api.onDidChange((event) => changes.push(event.connection));
    try {
      const created = await api.createSecret({ vault: 'deploy-keys', key: 'ssh-key', value: 'first-value', description: 'deploy' });
      assert.equal(created.version, 1);
      const rotated = await api.rotateSecret({ vault: 'deploy-keys', key: 'ssh-key', value: 'second-value', expectedVersion: 1 });
      assert.equal(rotated.version, 2);
      await assert.rejects(api.rotateSecret({ vault: 'deploy-keys', key: 'ssh-key', value: 'third-value', expectedVersion: 1 }), /not the expected version 1/);
      assert.deepEqual((await api.listSecrets('deploy-keys')).map((secret) => secret.name), ['ssh-key']);
      assert.equal((await api.describe({ vault: 'deploy-keys', key: 'ssh-key' })).description, 'deploy');
      assert.deepEqual((await api.listVaults()).map((vault) => vault.name), ['deploy-keys']);
      await assert.rejects(api.listSecrets('Bad_Vault'), /Invalid vault name "Bad_Vault"/);
      await api.deleteSecret({ vault: 'deploy-keys', key: 'ssh-key' });
      assert.deepEqual(await api.listSecrets('deploy-keys'), []);
      assert.ok(changes.includes('local'), 'onDidChange fired for the local connection');
    } finally {
      subscription.dispose();
    }
    assert.deepEqual(await api.findReferences({ getText: () => 'const x = 1;', fileName: '/tmp/x.ts' }), []);
  });

  describe('consent for resolve', () => {
    beforeEach(async () => {
      await vscode.commands.executeCommand('secretManager._test.clearPrompts');
      await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
      await forgetAllConsent();
    });

    it('needs the caller extension id', async function () {
      const api = (await activateExtension()).getApi('^1.0.0');
      await assert.rejects(api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /getApi\(range, \{ extensionId/);
    });

    it('refuses a caller id that names no installed extension, or this extension itself, before asking', async function () {
      if (!vscode.workspace.isTrusted) this.skip();
      assert.ok(vscode.extensions.getExtension(CALLER_EXTENSION_ID), `${CALLER_EXTENSION_ID} is installed in the test host`);
      const exports = await activateExtension();
      const notInstalled = exports.getApi('^1.0.0', { extensionId: 'acme.not-installed' });
      await assert.rejects(notInstalled.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /"acme\.not-installed" is not an installed extension/);
      const itself = exports.getApi('^1.0.0', { extensionId });
      await assert.rejects(itself.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /Secret Manager's own id/);
      assert.equal((await shownPrompts()).filter((prompt) => prompt.id === 'consent').length, 0, 'no question for a refused id');
    });

    it('asks once per extension and vault, remembers Allow, and audits the extension as actor', async function () {
      const api = (await activateExtension()).getApi('^1.0.0', caller);
      await answer({ consent: ['Allow'] });
      assert.equal(await api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), CANARY);
      assert.equal(await api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), CANARY);
      const questions = (await shownPrompts()).filter((prompt) => prompt.id === 'consent');
      assert.equal(questions.length, 1, 'asked exactly once');
      assert.match(questions[0].text, /^Allow extension vscode\.npm to read secrets from vault "api-keys"\?/);
      assert.deepEqual(questions[0].items, ['Allow', 'Allow Once', 'Deny']);
      assert.match(await readAuditDocument({ vault: 'api-keys' }), /secret\.resolve\s+api-keys\/stripe-secret-key v1\s+by extension:vscode\.npm/);

      const other = (await activateExtension()).getApi('^1.0.0', { extensionId: OTHER_CALLER_EXTENSION_ID });
      await answer({ consent: ['Deny'] });
      await assert.rejects(other.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /Access denied: extension vscode\.grunt/);
      await assert.rejects(other.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /Revoke Consent/, 'a denial is remembered');
      assert.equal((await shownPrompts()).filter((prompt) => prompt.id === 'consent').length, 2);
      assert.ok(!(await readAuditDocument()).includes(OTHER_CALLER_EXTENSION_ID), 'a denied read reaches no value and leaves no resolve record');
    });

    it('asks again after "Allow Once", and after the decision is revoked', async function () {
      const api = (await activateExtension()).getApi('^1.0.0', caller);
      await answer({ consent: ['Allow Once', 'Allow'] });
      await api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' });
      await api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' });
      assert.equal((await shownPrompts()).filter((prompt) => prompt.id === 'consent').length, 2);

      await answer({ 'consent.revoke.pick': [`extension ${CALLER_EXTENSION_ID} → api-keys`] });
      assert.equal(await command('revokeConsent'), 1);
      await answer({ consent: [null] });
      await assert.rejects(api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /Access denied/);
      assert.equal((await shownPrompts()).filter((prompt) => prompt.id === 'consent').length, 3, 'revoked: asked again');
    });
  });
});
