import assert from 'node:assert/strict';
import { LOCAL_CONNECTION_ID, readConnectionSettings, referenceConnectionId, unknownConnectionHint } from '../../../src/core/connection-list';

const STAGING = '11111111-2222-4333-8444-555555555555';

describe('core/connection-list', () => {
  describe('readConnectionSettings', () => {
    it('keeps the good entries and says what is wrong with each bad one', () => {
      const { settings, problems } = readConnectionSettings([
        { id: 'staging', kind: 'tailor', workspaceId: STAGING },
        { id: 'prod', kind: 'tailor', workspaceId: 'not-a-uuid' },
        { kind: 'tailor' },
        { id: 'staging', kind: 'tailor' },
        { id: 'other', kind: 'tailor', token: 'secret-token-in-settings' },
        { id: 'production', kind: 'tailor', profile: 'production', label: 'Production' },
      ]);
      assert.deepEqual(
        settings.map((setting) => setting.id),
        ['staging', 'production'],
      );
      assert.deepEqual(
        problems.map((problem) => [problem.index, problem.id]),
        [
          [1, 'prod'],
          [2, undefined],
          [3, 'staging'],
          [4, 'other'],
        ],
      );
      assert.match(problems[0].message, /^secretManager\.connections\[1\] \("prod"\): workspaceId must be a UUID/);
      assert.match(problems[1].message, /^secretManager\.connections\[2\]: id: Each connection needs an "id"/);
      assert.match(problems[2].message, /the connection id "staging" is used twice/);
      assert.match(problems[3].message, /token/);
      assert.ok(!problems[3].message.includes('secret-token-in-settings'), 'a token put in settings is not repeated');
    });

    it('treats a missing setting as no connections, and a non-list as one problem', () => {
      assert.deepEqual(readConnectionSettings(undefined), { settings: [], problems: [] });
      assert.deepEqual(readConnectionSettings([]), { settings: [], problems: [] });
      const wrong = readConnectionSettings({ id: 'staging', kind: 'tailor' });
      assert.deepEqual(wrong.settings, []);
      assert.equal(wrong.problems.length, 1);
      assert.match(wrong.problems[0].message, /must be a list of connections/);
    });
  });

  describe('referenceConnectionId', () => {
    it('defaults to the local store and keeps any other id as written', () => {
      assert.equal(LOCAL_CONNECTION_ID, 'local');
      assert.equal(referenceConnectionId(undefined), 'local');
      assert.equal(referenceConnectionId('  '), 'local');
      assert.equal(referenceConnectionId(42), 'local');
      assert.equal(referenceConnectionId('tailor:staging'), 'tailor:staging');
      assert.equal(referenceConnectionId(' tailor:missing '), 'tailor:missing', 'an unknown id is kept, so opening it fails clearly');
    });
  });

  describe('unknownConnectionHint', () => {
    it('lists the known ids and suggests the tailor: form of a bare id', () => {
      const known = ['local', 'tailor:staging'];
      assert.equal(unknownConnectionHint('staging', known), 'Did you mean "tailor:staging"? Known connections: "local", "tailor:staging".');
      assert.equal(unknownConnectionHint('tailor:prod', known), 'Known connections: "local", "tailor:staging".');
      assert.equal(unknownConnectionHint('prod', known), 'Known connections: "local", "tailor:staging".');
      assert.equal(unknownConnectionHint('vault', ['local', 'workos:vault']), 'Did you mean "workos:vault"? Known connections: "local", "workos:vault".');
    });
  });
});
