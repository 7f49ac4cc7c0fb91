import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, answer, CANARY, command, createSecretThroughCommands, lastNotification, useFreshStore } from './helpers';

// Runs when the runner keeps workspace trust on (SECRET_MANAGER_TEST_TRUST=on): the folder opens restricted.
describe('untrusted workspace', function () {
  this.timeout(60_000);

  before(async function () {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
  });

  it('is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still browses and manages metadata', async () => {
    const api = (await activateExtension()).getApi('^1.0.0', { extensionId: 'acme.deployer' });
    assert.deepEqual((await api.listSecrets('api-keys')).map((secret) => secret.name), ['stripe-secret-key']);
  });

  it('refuses to resolve, reveal or copy values', async () => {
    const api = (await activateExtension()).getApi('^1.0.0', { extensionId: 'acme.deployer' });
    await assert.rejects(api.resolve({ vault: 'api-keys', key: 'stripe-secret-key' }), /This workspace is not trusted/);
    await assert.rejects(Promise.resolve(command('resolve', { vault: 'api-keys', key: 'stripe-secret-key' })), /This workspace is not trusted/);
    await answer({ 'secret.reveal.confirm': ['Reveal'] });
    assert.equal(await command('revealSecret', 'api-keys/stripe-secret-key'), undefined);
    assert.match((await lastNotification('error')) ?? '', /not trusted, so Secret Manager does not reveal secret values/);
    assert.equal(await command('copySecretValue', 'api-keys/stripe-secret-key'), undefined);
    assert.match((await lastNotification('error')) ?? '', /does not copy secret values/);
  });
});
