import assert from 'node:assert/strict';
import { isSecretManagerError } from '../../../../src/core/model';
import { resolveWorkosApiKey } from '../../../../src/core/workos/credentials';

describe('core/workos/credentials', () => {
  const keyFrom = (origin: string) => `${origin}-${Math.random().toString(36).slice(2)}`;

  it('prefers an explicit key, then WORKOS_API_KEY, then the keychain', async () => {
    const explicit = keyFrom('explicit');
    const environment = keyFrom('environment');
    const keychain = keyFrom('keychain');
    assert.equal(await resolveWorkosApiKey({ WORKOS_API_KEY: environment }, explicit, async () => keychain), explicit);
    assert.equal(await resolveWorkosApiKey({ WORKOS_API_KEY: environment }, undefined, async () => keychain), environment);
    assert.equal(await resolveWorkosApiKey({}, undefined, async () => `  ${keychain}\n`), keychain);
  });

  it('says where a key can come from when there is none, or the keychain fails', async () => {
    await assert.rejects(resolveWorkosApiKey({ WORKOS_API_KEY: ' ' }, undefined, async () => null), (error: unknown) =>
      isSecretManagerError(error, 'unauthenticated') && /WORKOS_API_KEY is not set and the OS keychain holds none/.test(error.message),
    );
    await assert.rejects(
      resolveWorkosApiKey({}, undefined, async () => {
        throw new Error('no session bus');
      }),
      (error: unknown) => isSecretManagerError(error, 'unauthenticated') && /could not be read \(no session bus\)/.test(error.message),
    );
  });
});
