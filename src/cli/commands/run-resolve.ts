// The store's part of `secret-manager run` (dist/cli-run-resolve.js): loaded only when a reference is to be read.
// First: it configures this bundle's own copy of zod before any schema is built.
import '../jitless-zod';
import { formatSecretUri } from '../../core/env-file/secret-uri';
import type { KeychainReadAhead } from '../../core/keychain-read-ahead';
import { isSecretManagerError, SecretManagerError, UnsupportedError } from '../../core/model';
import type { ReferencedVariable } from '../../core/run/environment-plan';
import type { CliIo, CommandHandler } from '../command';
import { withStore } from '../store-session';
import { RUN_ACTOR } from './run-actor';

function describeVariable(variable: ReferencedVariable): string {
  return `${variable.name} (${variable.source}) → ${formatSecretUri(variable.reference)}`;
}

/** Every referenced value, or an error naming every reference that does not resolve; nothing partial. */
export async function resolveAll(
  variables: readonly ReferencedVariable[],
  globals: Parameters<CommandHandler>[1],
  io: CliIo,
  keychainReadAhead?: KeychainReadAhead,
): Promise<Map<string, string>> {
  return withStore(globals, io, async (client) => {
    if (!client.capabilities.reveal) {
      throw new UnsupportedError('run a command with secret values', client.label, 'the platform never returns secret values. Use the local store (--store local) for values on this machine.');
    }
    const values = new Map<string, string>();
    const missing: string[] = [];
    for (const variable of variables) {
      try {
        values.set(variable.name, await client.resolve(variable.reference, { actor: RUN_ACTOR }));
      } catch (error) {
        if (!isSecretManagerError(error, 'not-found')) throw error;
        missing.push(`  ${describeVariable(variable)}: ${error.message}`);
      }
    }
    if (missing.length > 0) {
      throw new SecretManagerError(
        'not-found',
        `The command was not started: ${missing.length === 1 ? 'a reference does' : `${missing.length} references do`} not resolve in ${client.label}.\n${missing.join('\n')}\n`,
        'Create the secrets, or correct the references (`secret-manager secret list --vault-name V` lists a vault).',
      );
    }
    return values;
  }, undefined, keychainReadAhead);
}

