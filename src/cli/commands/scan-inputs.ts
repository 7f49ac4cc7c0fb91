// What both kinds of scan (the tree, the staged files) set up the same way: the store whose secrets
// literals are matched against, and which files are executor files.
import { existsSync } from 'node:fs';
import { resolveStoreHome, storeHomeFiles } from '../../core/paths';
import { escapeControlCharacters } from '../../core/printable-text';
import { resolveExecutorFiles } from '../../core/references/executor-files';
import type { FingerprintMatcher } from '../../core/store';
import type { CliIo, GlobalOptions } from '../command';
import { openKnownSecrets } from './scan-known-secrets';
import type { KnownSecretsSource } from './scan-workers';

export interface KnownSecrets {
  readonly matcher?: FingerprintMatcher;
  close(): Promise<void>;
}

/**
 * Where scanning threads find the store to match known secrets against. Scanning never creates a
 * local store: without one there is nothing to match (a note says so).
 */
export function knownSecretsSource(globals: GlobalOptions, io: CliIo): KnownSecretsSource | undefined {
  if (globals.store === 'local' && !existsSync(storeHomeFiles(resolveStoreHome(io.env)).storeFile)) {
    io.stderr('Note: not matching known secrets: there is no local store yet.\n');
    return undefined;
  }
  return { store: globals.store, profile: globals.profile, workspaceId: globals.workspaceId, env: { ...io.env } };
}

/** The connected store's fingerprint matcher; a store that cannot be opened is skipped with a note. */
export async function openKnownSecretsOrNot(source: KnownSecretsSource | undefined, io: CliIo): Promise<KnownSecrets> {
  if (source === undefined) return { close: async () => {} };
  try {
    return await openKnownSecrets(source);
  } catch (error) {
    // The store code is another bundle (library.js) with its own error classes: tell them by name.
    const known = error instanceof Error && error.name === 'SecretManagerError';
    io.stderr(`Note: not matching known secrets: ${known ? error.message : 'the store could not be opened.'}\n`);
    return { close: async () => {} };
  }
}

export async function executorFileTest(root: string, io: CliIo): Promise<((file: string) => boolean) | undefined> {
  try {
    const executorFiles = await resolveExecutorFiles(root);
    return (file) => executorFiles.isExecutorFile(file);
  } catch (error) {
    io.stderr(`Note: executor files not recognised: ${escapeControlCharacters(error instanceof Error ? error.message : String(error))}\n`);
    return undefined;
  }
}
