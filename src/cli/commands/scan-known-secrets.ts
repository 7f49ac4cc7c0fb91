import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as OpenStoreModule from '../../api/open-store';
import { requireWithCodeCache } from '../code-cache';
import type { FingerprintMatcher } from '../../core/store';
import type { KnownSecretsSource } from './scan-workers';

/**
 * The store code, loaded only when there is a store to match against: a scan without one never
 * pays for it. In the bundles it is dist/library.js beside the caller, through the code cache (compiling
 * it took 50 ms, a quarter of a scan of the bench tree); from the sources, open-store.ts.
 * The require paths are not literals, so esbuild leaves them alone.
 */
function loadOpenStore(env: NodeJS.ProcessEnv): typeof OpenStoreModule.openStore {
  const besideBundle = path.join(__dirname, 'library.js');
  if (!existsSync(besideBundle)) return (require(path.join(__dirname, '..', '..', 'api', 'open-store')) as typeof OpenStoreModule).openStore;
  const library = requireWithCodeCache(besideBundle, env, 'scan');
  process.once('exit', () => library.saveCodeCache());
  return (library.exports as typeof OpenStoreModule).openStore;
}

/** Opens the store that `source` names and returns its fingerprint matcher, and how to close it. */
export async function openKnownSecrets(source: KnownSecretsSource): Promise<{ matcher: FingerprintMatcher; close(): Promise<void> }> {
  const openStore = loadOpenStore(source.env);
  const client =
    source.store === 'tailor'
      ? await openStore({ kind: 'tailor', profile: source.profile, workspaceId: source.workspaceId, env: source.env })
      : source.store === 'workos'
        ? await openStore({ kind: 'workos', env: source.env })
        : await openStore({ kind: 'local', env: source.env });
  try {
    return { matcher: await client.fingerprintMatcher(), close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** The matcher alone, for a scan thread: the store is closed again at once. */
export async function openKnownSecretsMatcher(source: KnownSecretsSource): Promise<FingerprintMatcher> {
  const opened = await openKnownSecrets(source);
  await opened.close();
  return opened.matcher;
}
