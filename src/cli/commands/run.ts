import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSecretManagerError, SecretManagerError, UnsupportedError } from '../../core/model';
import { formatSecretUri } from '../../core/env-file/secret-uri';
import { planEnvironment, type ReferencedVariable } from '../../core/run/environment-plan';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CliIo, CommandHandler } from '../command';
import { runChildProcess } from '../child-process';
import { withStore } from '../store-session';

const COMMAND = 'run';

/** The actor of the audit records `run` leaves. */
export const RUN_ACTOR = 'run';

async function readEnvFiles(names: readonly string[], io: CliIo) {
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.resolve(io.cwd, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`Cannot read the env file ${name}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}.`, COMMAND);
      });
      return { name, text };
    }),
  );
}

function describeVariable(variable: ReferencedVariable): string {
  return `${variable.name} (${variable.source}) → ${formatSecretUri(variable.reference)}`;
}

/** Every referenced value, or an error naming every reference that does not resolve; nothing partial. */
async function resolveAll(variables: readonly ReferencedVariable[], globals: Parameters<CommandHandler>[1], io: CliIo): Promise<Map<string, string>> {
  // Nothing to read: the store (and its key derivation) is never opened.
  if (variables.length === 0) return new Map();
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
  });
}

/**
 * `secret-manager run [--env-file FILE]… [--env NAME=vault/key]… [--no-masking] -- COMMAND [ARGS…]`:
 * starts COMMAND with the referenced secrets in its environment, on top of the inherited one.
 * Every reference is resolved first; if one fails, the command never starts. Exit code: COMMAND's.
 */
export const runCommand: CommandHandler = async (args, globals, io) => {
  const terminator = args.indexOf('--');
  if (terminator < 0 || terminator === args.length - 1) {
    throw new UsageError('run needs the command to start after "--", for example: secret-manager run --env-file .env -- npm start', COMMAND);
  }
  const { values } = parseCommandArguments(
    COMMAND,
    args.slice(0, terminator),
    { 'env-file': { type: 'string', multiple: true }, env: { type: 'string', multiple: true }, 'no-masking': { type: 'boolean' } },
    { min: 0, max: 0 },
  );
  const [command, ...commandArgs] = args.slice(terminator + 1);
  const plan = planEnvironment(await readEnvFiles(values['env-file'] ?? [], io), values.env ?? []);
  if (plan.problems.length > 0) {
    throw new UsageError(`The command was not started:\n  ${plan.problems.join('\n  ')}`, COMMAND);
  }
  const resolved = await resolveAll(plan.referenced, globals, io);
  const env = { ...io.env, ...Object.fromEntries(plan.plain), ...Object.fromEntries(resolved) };
  try {
    return await runChildProcess(
      { command: command!, args: commandArgs, env, maskedValues: values['no-masking'] === true ? undefined : [...resolved.values()] },
      io,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') {
      io.stderr(`Error: cannot start "${command!.slice(0, 200)}": ${code === 'ENOENT' ? 'no such command' : 'permission denied'}.\n`);
      return code === 'ENOENT' ? 127 : 126;
    }
    throw error;
  }
};
