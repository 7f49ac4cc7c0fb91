import { openStore } from '../../../src/api';

/** Stores `value` as vault/key in the real local store that `env` points at (creating the vault). */
export async function storeSecretForTest(env: NodeJS.ProcessEnv, vault: string, key: string, value: string): Promise<void> {
  const store = await openStore({ kind: 'local', env });
  try {
    await store.createVault(vault);
    await store.createSecret({ vault, key, value });
  } finally {
    await store.close();
  }
}
