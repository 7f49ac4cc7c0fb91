import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lazyBundleLocation } from '../../core/bundle-location';
import { startKeychainReadAhead } from '../../core/keychain-read-ahead';
import { planEnvironment } from '../../core/run/environment-plan';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CliIo, CommandHandler } from '../command';
import { runChildProcess } from '../child-process';
import { requireBundle } from '../code-cache';
import type * as ReferenceResolver from './run-resolve';

const COMMAND = 'run';

export { RUN_ACTOR } from './run-actor';

/** Read synchronously: nothing else is under way yet, and a few small files come quicker so than through the thread pool. */
function readEnvFiles(names: readonly string[], io: CliIo) {
  return names.map((name) => {
    try {
      return { name, text: readFileSync(path.resolve(io.cwd, name), 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`Cannot read the env file ${name}: ${code === 'ENOENT' ? 'no such file' : code ?? (error as Error).message}.`, COMMAND);
    }
  });
}

/** The store's part of `run`, a bundle of its own: a command that references nothing never loads the store code. */
function loadReferenceResolver(): typeof ReferenceResolver {
  return requireBundle(lazyBundleLocation(__dirname, 'cli-run-resolve.js', path.join(__dirname, 'run-resolve.ts'))) as typeof ReferenceResolver;
}

/** The referenced values. The keychain's round trip for the master key runs while the store code loads. */
async function resolveReferences(variables: Parameters<typeof ReferenceResolver.resolveAll>[0], globals: Parameters<CommandHandler>[1], io: CliIo) {
  const keychainReadAhead = globals.store === 'local' ? await startKeychainReadAhead(io.env) : undefined;
  return loadReferenceResolver().resolveAll(variables, globals, io, keychainReadAhead);
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
  const plan = planEnvironment(readEnvFiles(values['env-file'] ?? [], io), values.env ?? []);
  if (plan.problems.length > 0) {
    throw new UsageError(`The command was not started:\n  ${plan.problems.join('\n  ')}`, COMMAND);
  }
  // Nothing to read: the store (and its key derivation) is never opened.
  const resolved = plan.referenced.length === 0 ? new Map<string, string>() : await resolveReferences(plan.referenced, globals, io);
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
