import assert from 'node:assert/strict';
import { answer, command, resolveValue, shownPrompts, useFreshStore } from './helpers';

describe('generated values in Create and Rotate', function () {
  this.timeout(60_000);

  before(async () => {
    await useFreshStore();
    await answer({ 'vault.name': ['generated'] });
    await command('createVault');
  });

  it('creates a secret with a generated value when the value is left empty', async () => {
    await answer({ 'secret.name': ['session-key'], 'secret.value': [''], 'secret.generateAlphabet': ['Hex'], 'secret.generateLength': ['40'], 'secret.description': [''] });
    await command('createSecret', { vault: 'generated' });
    const value = await resolveValue('generated', 'session-key');
    assert.match(value, /^[0-9a-f]{40}$/);
    const prompts = await shownPrompts();
    assert.ok(prompts.some((prompt) => prompt.id === 'secret.generateAlphabet'));
    assert.ok(!JSON.stringify(prompts).includes(value), 'the generated value is in no prompt');
  });

  it('rotates to a new generated value of the default 32 URL-safe characters', async () => {
    const before = await resolveValue('generated', 'session-key');
    await answer({ 'secret.value': [''], 'secret.generateAlphabet': ['URL-safe'], 'secret.generateLength': ['32'] });
    await command('rotateSecret', { connection: 'local', vault: 'generated', key: 'session-key' });
    const after = await resolveValue('generated', 'session-key');
    assert.match(after, /^[A-Za-z0-9_-]{32}$/);
    assert.notEqual(after, before);
  });
});
