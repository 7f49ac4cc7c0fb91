import { spawnSync } from 'node:child_process';
import type * as OpenStoreModule from '../api/open-store';
import { createSecretManagerClient, type SecretManagerClient } from '../api/client';
import type { KeychainReadAhead } from '../core/keychain-read-ahead';
import { openLocalStore } from '../core/stores/local';
import { gitWorkTreeHolding } from '../core/paths';
import { UsageError } from './arguments';
import type { CliIo, GlobalOptions } from './command';
import { withNotFoundSuggestion, type NamedTarget } from './not-found-suggestion';

/** SECRET_MANAGER_KEYCHAIN=off keeps the CLI away from the OS keychain (CI, tests); the passphrase is used instead. */
export function keychainMode(env: NodeJS.ProcessEnv): 'auto' | 'off' | undefined {
  const value = env.SECRET_MANAGER_KEYCHAIN;
  if (value === undefined || value === '') return undefined;
  if (value === 'auto' || value === 'off') return value;
  throw new UsageError(`SECRET_MANAGER_KEYCHAIN must be "auto" or "off", not "${value.slice(0, 20)}".`);
}

/** The other stores' way in, with its option schemas: built only when one of them is opened, not for the local store. */
function openStore(options: OpenStoreModule.OpenStoreOptions): Promise<SecretManagerClient> {
  return (require('../api/open-store') as typeof OpenStoreModule).openStore(options);
}

async function openCliStore(globals: GlobalOptions, io: CliIo, keychainReadAhead: KeychainReadAhead | undefined): Promise<SecretManagerClient> {
  const keychain = keychainMode(io.env);
  if (globals.store === 'tailor') {
    return openStore({
      kind: 'tailor',
      profile: globals.profile,
      workspaceId: globals.workspaceId,
      env: io.env,
      keychain,
      onWarning: (message) => io.stderr(`Note: ${message}\n`),
    });
  }
  if (globals.profile !== undefined || globals.workspaceId !== undefined) {
    throw new UsageError('--profile and --workspace-id only apply with --store tailor.');
  }
  if (globals.store === 'workos') {
    // The key comes from WORKOS_API_KEY or the OS keychain, the endpoint from WORKOS_API_URL.
    return openStore({ kind: 'workos', env: io.env, keychain, onWarning: (message) => io.stderr(`Note: ${message}\n`) });
  }
  // What openStore does for the local store, without checking options that are the CLI's own.
  return createSecretManagerClient(await openLocalStore({ env: io.env, keychain, keychainReadAhead, onWarning: (message) => io.stderr(`Note: ${message}\n`) }));
}

/** Opens the store the global options name, runs `action` with it, and always closes it. */
export async function withStore<T>(
  globals: GlobalOptions,
  io: CliIo,
  action: (client: SecretManagerClient) => Promise<T>,
  /** What the command names; a not-found error then suggests the closest name. */
  target?: NamedTarget,
  /** The local store's master key, already being read from the keychain (`run`). */
  keychainReadAhead?: KeychainReadAhead,
): Promise<T> {
  const client = await openCliStore(globals, io, keychainReadAhead);
  try {
    return target === undefined ? await action(client) : await withNotFoundSuggestion(client, target, () => action(client));
  } finally {
    await client.close();
  }
}

/** Where the local store's master key came from, for notes and `status`; undefined for other stores. */
export function describeKeySource(client: SecretManagerClient): string | undefined {
  if (client.keySource === 'keychain') return 'the OS keychain';
  if (client.keySource === 'passphrase') return 'a passphrase (SECRET_MANAGER_PASSPHRASE)';
  return undefined;
}

/** A warning when the store sits in a git working tree, from where its files can be committed. */
/** True when git says the working tree ignores `file` (a .gitignore rule covers it); false when git cannot tell. */
function isIgnoredByGit(workTree: string, file: string): boolean {
  const result = spawnSync('git', ['-C', workTree, 'check-ignore', '-q', '--no-index', file], { stdio: 'ignore', timeout: 5_000 });
  return result.status === 0;
}

export function storeInRepositoryWarning(home: string | undefined): string | undefined {
  const workTree = home === undefined ? undefined : gitWorkTreeHolding(home);
  if (workTree === undefined || isIgnoredByGit(workTree, home!)) return undefined;
  return `the local store is inside the git working tree ${workTree}, so its encrypted files can be committed. Set SECRET_MANAGER_HOME to a folder outside it, or keep the folder out of git.`;
}

/** A stderr note saying which store and key source a write went to (and a warning if it sits in a git working tree). */
export function storeNote(client: SecretManagerClient): string {
  const keySource = describeKeySource(client);
  if (client.home === undefined) return `Using ${client.label}.\n`;
  const warning = storeInRepositoryWarning(client.home);
  return `Using the local store in ${client.home}${keySource ? `, master key from ${keySource}` : ''}.\n${warning ? `Warning: ${warning}\n` : ''}`;
}
