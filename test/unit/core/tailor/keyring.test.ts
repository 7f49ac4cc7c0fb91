import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsyncEntry } from '@napi-rs/keyring';
import { isSecretManagerError } from '../../../../src/core/model';
import { openTailorStore } from '../../../../src/core/stores/tailor';
import { resolveTailorLogin } from '../../../../src/core/tailor/credentials';
import {
  accessTokenFromKeyringPassword,
  classifyKeyringError,
  readTailorKeyring,
  TAILOR_KEYRING_SERVICE,
} from '../../../../src/core/tailor/keyring';
import { TailorStandIn } from '../../../support/tailor-stand-in';

const WORKSPACE = '11111111-2222-4333-8444-555555555555';

describe('core/tailor/keyring', () => {
  it('takes the access token out of the JSON the CLI stores, or a raw token', () => {
    assert.equal(accessTokenFromKeyringPassword('{"accessToken":"a-1","refreshToken":"r-1"}'), 'a-1');
    assert.equal(accessTokenFromKeyringPassword('{"access_token":"a-2"}'), 'a-2');
    assert.equal(accessTokenFromKeyringPassword(' raw-token \n'), 'raw-token');
    assert.equal(accessTokenFromKeyringPassword('{"refreshToken":"r-only"}'), undefined);
    assert.equal(accessTokenFromKeyringPassword('{broken'), undefined);
  });

  it('classifies keyring failures by their message', () => {
    const missing = classifyKeyringError(new Error('Platform secure storage failure: DBus error: Failed to connect to socket'), 'u');
    assert.equal(missing.code, 'keychain-unavailable');
    assert.match(missing.message, /no Secret Service/);
    assert.match(missing.message, /TAILOR_PLATFORM_TOKEN/);
    const locked = classifyKeyringError(new Error('Platform secure storage failure: Item IsLocked'), 'u');
    assert.equal(locked.code, 'keychain-locked');
  });

  // Only where the session really has no bus: the keyring library keeps a failed connection for
  // the rest of the process, so the variable is never removed to fake this.
  it('says there is no Secret Service when the session has no bus', async function () {
    if (process.env.DBUS_SESSION_BUS_ADDRESS) this.skip();
    await assert.rejects(
      readTailorKeyring('anyone'),
      (error: unknown) => isSecretManagerError(error, 'keychain-unavailable') && /no Secret Service/.test(error.message),
    );
  });

  describe('the real OS keyring (gnome-keyring under scripts/with-keyring.sh)', function () {
    const user = `keyring-test-user-${process.pid}`;
    let home: string;
    let standIn: TailorStandIn;

    before(function () {
      if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
    });
    beforeEach(async () => {
      home = await mkdtemp(join(tmpdir(), 'tailor-keyring-'));
      standIn = await TailorStandIn.start({ tokens: ['keyring-access-token'] });
    });
    afterEach(async () => {
      await new AsyncEntry(TAILOR_KEYRING_SERVICE, user, { linux: { store: 'secret-service' } }).deleteCredential();
      await standIn?.close();
      await rm(home, { recursive: true, force: true });
    });

    it("reads the token the tailor-sdk CLI stored, and the store connects with it", async () => {
      // Written the way the tailor-sdk CLI writes it: @napi-rs/keyring, service tailor-platform-cli, account = user key.
      const entry = new AsyncEntry(TAILOR_KEYRING_SERVICE, user, { linux: { store: 'secret-service' } });
      await entry.setPassword(JSON.stringify({ accessToken: 'keyring-access-token', refreshToken: 'keyring-refresh' }));
      const configPath = join(home, 'config.yaml');
      await writeFile(
        configPath,
        `version: 3\nusers:\n  ${user}:\n    storage: keyring\n    token_expires_at: "2999-01-01T00:00:00Z"\nprofiles:\n  dev:\n    user: ${user}\n    workspace_id: ${WORKSPACE}\ncurrent_user: ${user}\n`,
        { mode: 0o600 },
      );
      const env = { TAILOR_PLATFORM_SDK_CONFIG_PATH: configPath, TAILOR_PLATFORM_URL: standIn.url };

      assert.equal(await readTailorKeyring(user), JSON.stringify({ accessToken: 'keyring-access-token', refreshToken: 'keyring-refresh' }));
      const login = await resolveTailorLogin({ env, profile: 'dev' });
      assert.equal(login.token, 'keyring-access-token');

      const store = await openTailorStore({ env, profile: 'dev' });
      assert.equal(store.label, 'Tailor · dev');
      await store.createVault('from-keyring');
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['from-keyring']);
    });

    it('reports a user whose keyring item is missing', async () => {
      const configPath = join(home, 'config.yaml');
      await writeFile(configPath, `users:\n  ${user}:\n    storage: keyring\ncurrent_user: ${user}\n`);
      await assert.rejects(
        resolveTailorLogin({ env: { TAILOR_PLATFORM_SDK_CONFIG_PATH: configPath, TAILOR_PLATFORM_WORKSPACE_ID: WORKSPACE } }),
        (error: unknown) => isSecretManagerError(error, 'unauthenticated') && /keyring holds no tailor-sdk token/.test(error.message),
      );
    });
  });
});
