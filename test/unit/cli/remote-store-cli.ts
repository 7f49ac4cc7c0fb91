// The CLI against a remote store's stand-in, as the --store tailor and --store workos suites run it: a temporary
// home whose local store keeps the fingerprint ledger (passphrase, no keychain), and the output captured.
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { createMemoryIo } from './memory-io';

/** A fresh home for the CLI: the local store (and its ledger) inside it, unlocked by passphrase, plus `credentials`. */
export function remoteStoreEnvironment(home: string, credentials: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    SECRET_MANAGER_HOME: path.join(home, 'secret-manager'),
    SECRET_MANAGER_PASSPHRASE: 'ledger passphrase',
    SECRET_MANAGER_KEYCHAIN: 'off',
    ...credentials,
  };
}

/** Runs the CLI with `storeArguments` first; the caller keeps what it printed, to look for values later. */
export async function runRemoteStoreCli(storeArguments: readonly string[], argv: readonly string[], env: NodeJS.ProcessEnv, stdin?: string) {
  const io = createMemoryIo({ env, stdin });
  const code = await runCli([...storeArguments, ...argv], io);
  return { code, ...io.output };
}
