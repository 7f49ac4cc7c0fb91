import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSecretManagerError } from '../../../../src/core/model';
import { resolveTailorBaseUrl, resolveTailorLogin } from '../../../../src/core/tailor/credentials';

const STAGING = '11111111-2222-4333-8444-555555555555';
const PRODUCTION = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const NOW = Date.parse('2026-06-01T00:00:00Z');
const FUTURE = '2026-12-31T00:00:00Z';
const PAST = '2026-05-01T12:00:00Z';

const CONFIG = `version: 2
users:
  alice@example.com:
    access_token: alice-file-token
    refresh_token: alice-refresh
    token_expires_at: "${FUTURE}"
  bob@example.com:
    access_token: bob-file-token
    token_expires_at: "${FUTURE}"
  old@example.com:
    access_token: old-file-token
    token_expires_at: "${PAST}"
  https://dev.tailor.example|alice@example.com:
    access_token: alice-dev-token
profiles:
  staging:
    user: bob@example.com
    workspace_id: ${STAGING}
  production:
    user: alice@example.com
    workspace_id: ${PRODUCTION}
  stale:
    user: old@example.com
    workspace_id: ${STAGING}
current_user: alice@example.com
`;

describe('core/tailor/credentials', () => {
  let home: string;
  let configHome: string;
  const noKeyring = async () => assert.fail('the keyring must not be read here');

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'tailor-credentials-'));
    configHome = join(home, 'xdg');
    await mkdir(join(configHome, 'tailor-platform'), { recursive: true });
    await writeFile(join(configHome, 'tailor-platform', 'config.yaml'), CONFIG, { mode: 0o600 });
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  const resolve = (env: NodeJS.ProcessEnv, options: { profile?: string; workspaceId?: string } = {}) =>
    resolveTailorLogin({ env: { XDG_CONFIG_HOME: configHome, ...env }, home, now: () => NOW, readKeyring: noKeyring, ...options });

  async function rejection(promise: Promise<unknown>): Promise<Error & { code: string }> {
    return promise.then(
      () => assert.fail('expected a failure'),
      (error: unknown) => {
        assert.ok(isSecretManagerError(error), String(error));
        return error;
      },
    );
  }

  it("uses the selected profile's user token and workspace from the config file", async () => {
    const login = await resolve({}, { profile: 'staging' });
    assert.equal(login.token, 'bob-file-token');
    assert.equal(login.tokenSource, 'profile');
    assert.equal(login.workspaceId, STAGING);
    assert.equal(login.baseUrl, 'https://api.tailor.tech');
  });

  it('takes the profile from TAILOR_PLATFORM_PROFILE', async () => {
    const login = await resolve({ TAILOR_PLATFORM_PROFILE: 'production' });
    assert.equal(login.token, 'alice-file-token');
    assert.equal(login.workspaceId, PRODUCTION);
  });

  it("falls back to current_user's token when only the workspace is given", async () => {
    const login = await resolve({ TAILOR_PLATFORM_WORKSPACE_ID: STAGING });
    assert.equal(login.token, 'alice-file-token');
    assert.equal(login.tokenSource, 'current_user');
  });

  it('lets the environment win, in the CLI order', async () => {
    const both = await resolve({ TAILOR_PLATFORM_TOKEN: 'env-token', TAILOR_TOKEN: 'old-env-token' }, { profile: 'staging' });
    assert.equal(both.token, 'env-token');
    assert.deepEqual(both.warnings, []);
    const deprecated = await resolve({ TAILOR_TOKEN: 'old-env-token' }, { profile: 'staging' });
    assert.equal(deprecated.token, 'old-env-token');
    assert.match(deprecated.warnings.join(' '), /TAILOR_TOKEN is deprecated/);
    const workspace = await resolve({ TAILOR_PLATFORM_WORKSPACE_ID: PRODUCTION }, { profile: 'staging' });
    assert.equal(workspace.workspaceId, PRODUCTION, 'TAILOR_PLATFORM_WORKSPACE_ID wins over the profile');
    const option = await resolve({ TAILOR_PLATFORM_WORKSPACE_ID: PRODUCTION }, { profile: 'staging', workspaceId: STAGING });
    assert.equal(option.workspaceId, STAGING, '--workspace-id wins over everything');
  });

  it('uses the platform-scoped user for a platform other than the default', async () => {
    const login = await resolve({ TAILOR_PLATFORM_URL: 'https://dev.tailor.example/' }, { profile: 'production' });
    assert.equal(login.baseUrl, 'https://dev.tailor.example');
    assert.equal(login.token, 'alice-dev-token');
  });

  it('fails clearly without a workspace, listing the profiles found', async () => {
    const error = await rejection(resolve({ TAILOR_PLATFORM_TOKEN: 'env-token' }));
    assert.equal(error.code, 'invalid-input');
    assert.match(error.message, /No Tailor Platform workspace is selected/);
    assert.match(error.message, /"staging", "production", "stale"/);
    assert.match(error.message, /--workspace-id/);
  });

  it('names the profiles when the asked-for profile does not exist', async () => {
    const error = await rejection(resolve({}, { profile: 'qa' }));
    assert.match(error.message, /no tailor-sdk profile "qa" \(from --profile\)/);
    assert.match(error.message, /"staging", "production", "stale"/);
  });

  it('says there is no config file when there is none', async () => {
    const error = await rejection(
      resolveTailorLogin({ env: { XDG_CONFIG_HOME: join(home, 'empty') }, home, readKeyring: noKeyring }),
    );
    assert.match(error.message, /There is no tailor-sdk config file at .*empty\/tailor-platform\/config\.yaml/);
  });

  it('reports an expired token with the login hint, before any call', async () => {
    const error = await rejection(resolve({}, { profile: 'stale' }));
    assert.equal(error.code, 'unauthenticated');
    assert.match(error.message, /login of "old@example.com" expired at 2026-05-01T12:00:00\.000Z/);
    assert.match(error.message, /Run `tailor-sdk login`/);
    assert.doesNotMatch(error.message, /old-file-token/);
  });

  it('refuses a workspace id that is not a UUID, saying where it came from', async () => {
    const error = await rejection(resolve({ TAILOR_PLATFORM_TOKEN: 't' }, { workspaceId: 'my-workspace' }));
    assert.equal(error.code, 'invalid-input');
    assert.match(error.message, /"my-workspace" \(from --workspace-id\) is not a UUID/);
  });

  it('honours TAILOR_PLATFORM_SDK_CONFIG_PATH', async () => {
    const elsewhere = join(home, 'elsewhere.yaml');
    await writeFile(elsewhere, `users:\n  carol:\n    access_token: carol-token\nprofiles:\n  only:\n    user: carol\n    workspace_id: ${STAGING}\n`);
    const login = await resolve({ TAILOR_PLATFORM_SDK_CONFIG_PATH: elsewhere }, { profile: 'only' });
    assert.equal(login.token, 'carol-token');
  });

  it('explains a config file in the wrong shape without echoing tokens', async () => {
    const broken = join(home, 'broken.yaml');
    await writeFile(broken, 'users:\n  dave:\n    refresh_token: dave-secret-refresh\ncurrent_user: dave\n');
    const error = await rejection(resolve({ TAILOR_PLATFORM_SDK_CONFIG_PATH: broken, TAILOR_PLATFORM_WORKSPACE_ID: STAGING }));
    assert.match(error.message, /not in the expected shape: users\.dave/);
    assert.doesNotMatch(error.message, /dave-secret-refresh/);
    await writeFile(broken, 'users: [\n  token: "half-written-token\n');
    const yamlError = await rejection(resolve({ TAILOR_PLATFORM_SDK_CONFIG_PATH: broken, TAILOR_PLATFORM_WORKSPACE_ID: STAGING }));
    assert.match(yamlError.message, /is not valid YAML/);
    assert.doesNotMatch(yamlError.message, /half-written-token/);
  });

  it('reads keyring-stored tokens through the keyring reader, in either stored form', async () => {
    const keyringConfig = join(home, 'keyring.yaml');
    await writeFile(
      keyringConfig,
      `version: 3\nusers:\n  json-user:\n    storage: keyring\n    token_expires_at: "${FUTURE}"\n  raw-user:\n    storage: keyring\n  empty-user:\n    storage: keyring\nprofiles:\n  json:\n    user: json-user\n    workspace_id: ${STAGING}\n  raw:\n    user: raw-user\n    workspace_id: ${STAGING}\n  empty:\n    user: empty-user\n    workspace_id: ${STAGING}\n`,
    );
    const passwords: Record<string, string> = {
      'json-user': JSON.stringify({ accessToken: 'json-access', refreshToken: 'json-refresh' }),
      'raw-user': 'raw-access',
    };
    const read = (profile: string) =>
      resolveTailorLogin({
        env: { TAILOR_PLATFORM_SDK_CONFIG_PATH: keyringConfig },
        profile,
        now: () => NOW,
        readKeyring: async (user) => passwords[user] ?? null,
      });
    assert.equal((await read('json')).token, 'json-access');
    assert.equal((await read('raw')).token, 'raw-access');
    const error = await rejection(read('empty'));
    assert.equal(error.code, 'unauthenticated');
    assert.match(error.message, /keyring holds no tailor-sdk token for "empty-user"/);
  });

  it('resolves the base URL in the documented order', () => {
    assert.equal(resolveTailorBaseUrl({}), 'https://api.tailor.tech');
    assert.equal(resolveTailorBaseUrl({ PLATFORM_URL: 'http://127.0.0.1:9' }), 'http://127.0.0.1:9');
    assert.equal(resolveTailorBaseUrl({ PLATFORM_URL: 'http://b', TAILOR_PLATFORM_URL: 'https://a/' }), 'https://a');
    assert.throws(() => resolveTailorBaseUrl({ TAILOR_PLATFORM_URL: 'ftp://x' }), /TAILOR_PLATFORM_URL must be an http\(s\) URL/);
    assert.throws(() => resolveTailorBaseUrl({ TAILOR_PLATFORM_URL: 'not a url' }), /TAILOR_PLATFORM_URL is not a URL/);
  });

  it('refuses plain http to another machine, which would send the token and values unencrypted', () => {
    for (const local of ['http://localhost:8080', 'http://127.0.0.1:9', 'http://[::1]:9']) {
      assert.equal(resolveTailorBaseUrl({ TAILOR_PLATFORM_URL: local }), local);
    }
    assert.throws(
      () => resolveTailorBaseUrl({ TAILOR_PLATFORM_URL: 'http://api.tailor.tech' }),
      (error: unknown) => isSecretManagerError(error, 'invalid-input') && /plain http to api\.tailor\.tech/.test(error.message) && /https/.test(error.hint ?? ''),
    );
  });

  it('refuses a URL that holds a user name or password, and does not repeat it', () => {
    assert.throws(
      () => resolveTailorBaseUrl({ TAILOR_PLATFORM_URL: 'https://alice:canary-url-password@api.tailor.tech' }),
      (error: unknown) =>
        isSecretManagerError(error, 'invalid-input') &&
        /TAILOR_PLATFORM_URL must not hold a user name or password/.test(error.message) &&
        !error.message.includes('canary') &&
        !(error.hint ?? '').includes('canary'),
    );
  });
});
