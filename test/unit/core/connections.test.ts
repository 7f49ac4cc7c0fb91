import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionStoreId, openConnection, parseConnectionSettings } from '../../../src/core/connections';
import { InvalidInputError } from '../../../src/core/model';
import { TailorStandIn } from '../../support/tailor-stand-in';
import { WorkosStandIn } from '../../support/workos-stand-in';

const STAGING = '11111111-2222-4333-8444-555555555555';
const PRODUCTION = '66666666-7777-4888-9999-aaaaaaaaaaaa';

describe('core/connections', () => {
  describe('parseConnectionSettings', () => {
    it('accepts several Tailor connections', () => {
      const settings = parseConnectionSettings([
        { id: 'staging', kind: 'tailor', profile: 'staging' },
        { id: 'prod', kind: 'tailor', workspaceId: PRODUCTION, label: 'Production' },
      ]);
      assert.equal(settings.length, 2);
      assert.equal(connectionStoreId(settings[1]), 'tailor:prod');
      assert.deepEqual(parseConnectionSettings(undefined), []);
    });

    const bad: Array<[string, unknown, RegExp]> = [
      ['a missing id', [{ kind: 'tailor' }], /needs an "id"/],
      ['an id with uppercase', [{ id: 'Staging', kind: 'tailor' }], /connection id is 1–63 characters/],
      ['an id with a dot', [{ id: 'stag.ing', kind: 'tailor' }], /connection id is 1–63 characters/],
      ['another kind', [{ id: 'x', kind: 'vault' }], /kind must be "tailor" or "workos"/],
      ['a workspace id that is not a UUID', [{ id: 'x', kind: 'tailor', workspaceId: 'ws-1' }], /workspaceId must be a UUID/],
      ['a token in settings', [{ id: 'x', kind: 'tailor', token: 'abc' }], /token/],
      ['an API key in a WorkOS connection', [{ id: 'x', kind: 'workos', apiKey: 'abc' }], /apiKey/],
      ['a Tailor field in a WorkOS connection', [{ id: 'x', kind: 'workos', profile: 'staging' }], /profile/],
      ['a duplicate id', [{ id: 'x', kind: 'tailor' }, { id: 'x', kind: 'tailor' }], /"x" is used twice/],
      ['something that is not a list', { id: 'x' }, /expected array/],
    ];
    for (const [what, input, message] of bad) {
      it(`refuses ${what}`, () => {
        assert.throws(() => parseConnectionSettings(input), (error: unknown) => error instanceof InvalidInputError && message.test(error.message));
      });
    }
  });

  describe('openConnection', () => {
    let standIn: TailorStandIn;
    let folder: string;
    beforeEach(async () => {
      standIn = await TailorStandIn.start({ tokens: ['bob-token', 'alice-token'], workspaces: [STAGING, PRODUCTION] });
      folder = await mkdtemp(join(tmpdir(), 'connections-'));
      await writeFile(
        join(folder, 'config.yaml'),
        `version: 2\nusers:\n  bob:\n    access_token: bob-token\n  alice:\n    access_token: alice-token\nprofiles:\n  staging:\n    user: bob\n    workspace_id: ${STAGING}\n  production:\n    user: alice\n    workspace_id: ${PRODUCTION}\ncurrent_user: alice\n`,
      );
    });
    afterEach(async () => {
      await standIn.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('opens each connection against its own profile and workspace', async () => {
      const env = { TAILOR_PLATFORM_SDK_CONFIG_PATH: join(folder, 'config.yaml'), TAILOR_PLATFORM_URL: standIn.url };
      const [staging, production] = parseConnectionSettings([
        { id: 'staging', kind: 'tailor', profile: 'staging' },
        { id: 'prod', kind: 'tailor', workspaceId: PRODUCTION, label: 'Production' },
      ]);
      const stagingStore = await openConnection(staging, env, { fingerprints: false });
      const productionStore = await openConnection(production, env, { fingerprints: false });
      assert.equal(stagingStore.id, 'tailor:staging');
      assert.equal(stagingStore.label, 'Tailor · staging');
      assert.equal(productionStore.label, 'Production');
      await stagingStore.createVault('only-in-staging');
      assert.deepEqual((await stagingStore.listVaults()).map((vault) => vault.name), ['only-in-staging']);
      assert.deepEqual(await productionStore.listVaults(), [], 'the production connection sees its own workspace');
    });

    it('opens a WorkOS connection with the key from WORKOS_API_KEY, and creates objects with its key context', async () => {
      const key = ['sk', 'test', Math.random().toString(36).slice(2)].join('_');
      const workos = await WorkosStandIn.start({ apiKeys: [key] });
      try {
        const [setting] = parseConnectionSettings([{ id: 'production', kind: 'workos', keyContext: { organization_id: 'org_1' } }]);
        const store = await openConnection(setting!, { WORKOS_API_KEY: key, WORKOS_API_URL: workos.url }, { fingerprints: false, storeHome: folder });
        assert.equal(store.id, 'workos:production');
        assert.equal(store.label, 'WorkOS · production');
        await store.createSecret({ vault: 'payments', key: 'webhook', value: 'value-1' });
        assert.deepEqual(workos.objectNames(), ['payments/webhook']);
        assert.deepEqual(workos.contextOf('payments/webhook'), { organization_id: 'org_1', vault: 'payments' });
      } finally {
        await workos.close();
      }
    });

    it('fails clearly when a connection names no workspace and no profile', async () => {
      const env = { TAILOR_PLATFORM_SDK_CONFIG_PATH: join(folder, 'config.yaml'), TAILOR_PLATFORM_URL: standIn.url };
      await assert.rejects(
        openConnection({ id: 'bare', kind: 'tailor' }, env, { fingerprints: false }),
        /No Tailor Platform workspace is selected\. Profiles in .*: "staging", "production"/,
      );
    });
  });
});
