import { existsSync } from 'node:fs';
import path from 'node:path';
import { requireBundle } from './code-cache';
import type { CommandHandler } from './command';
import { reportError } from './output';

/**
 * A command's handlers, loaded when the command runs, so that `dist/cli.js` stays small and each
 * command compiles only its own code (a scan never loads the store, a `vault list` never loads
 * secretlint). In the bundles the module is dist/cli-<name>.js beside cli-main.js, loaded through the
 * code cache (its cache is stored when the process exits, after the command ran); from the sources
 * (unit tests) it is commands/<name>.ts. The require paths are not literals, so esbuild leaves them alone.
 */
export function loadCommandHandlers(name: string, exportName: string): Record<string, CommandHandler> {
  const bundle = path.join(__dirname, `cli-${name}.js`);
  const loaded = (existsSync(bundle) ? requireBundle(bundle) : require(path.join(__dirname, 'commands', name))) as Record<string, unknown>;
  const exported = loaded[exportName] as CommandHandler | Record<string, CommandHandler>;
  const withReport = (handler: CommandHandler): CommandHandler => async (args, globals, io) => {
    try {
      return await handler(args, globals, io);
    } catch (error) {
      return reportError(io, error, globals.json);
    }
  };
  if (typeof exported === 'function') return { [name]: withReport(exported) };
  return Object.fromEntries(Object.entries(exported).map(([subcommand, handler]) => [subcommand, withReport(handler)]));
}
