import { splitArguments, UsageError } from './arguments';
import type { CliIo, CommandHandler } from './command';
import type * as ScanModule from './commands/scan';
import { loadCommandHandlers } from './load-command';
import { reportError } from './output';
import { commandUsage, topUsage } from './usage';

// Each command's module is loaded only when that command runs (load-command.ts).
const COMMAND_GROUPS: Readonly<Record<string, () => Readonly<Record<string, CommandHandler>>>> = {
  vault: () => loadCommandHandlers('vault', 'vaultCommands'),
  secret: () => loadCommandHandlers('secret', 'secretCommands'),
  hook: () => loadCommandHandlers('hook', 'hookCommands'),
};

const COMMANDS: Readonly<Record<string, () => CommandHandler>> = {
  audit: () => loadCommandHandlers('audit', 'auditCommand').audit!,
  status: () => loadCommandHandlers('status', 'statusCommand').status!,
  restore: () => loadCommandHandlers('restore', 'restoreCommand').restore!,
  // Scan stays inside cli.js (initialised only when it runs): a bundle of its own would bring its
  // own copy of zod and of the error classes, which cost a scan more than the other commands pay
  // for compiling it (bench/scan.bench.mjs).
  scan: () => (require('./commands/scan') as typeof ScanModule).scanCommand,
  check: () => loadCommandHandlers('check', 'checkCommand').check!,
  executors: () => loadCommandHandlers('executors', 'executorsCommand').executors!,
  run: () => loadCommandHandlers('run', 'runCommand').run!,
  'import-env': () => loadCommandHandlers('import-env', 'importEnvCommand')['import-env']!,
};

/** How many leading words name the command: "vault create", "audit", "help vault create". */
function wordCount(first: string): number {
  if (first === 'help') return 3;
  return Object.hasOwn(COMMAND_GROUPS, first) ? 2 : 1;
}

/** `help [command [subcommand]]`: the usage of what is named, on stdout. */
function printHelp(words: readonly string[], io: CliIo): number {
  const path = words.join(' ');
  const usage = path === '' ? topUsage() : commandUsage(path);
  if (usage === undefined) throw new UsageError(`Unknown command "${path.slice(0, 40)}".`);
  io.stdout(usage);
  return 0;
}

/** Runs the CLI in-process with the given arguments (without "node cli.js") and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { globals, help, words, rest } = splitArguments(argv, wordCount);
    json = globals.json;
    if (words[0] === 'help') return printHelp(words.slice(1), io);
    const [name, subcommand] = words;
    if (name === undefined) {
      if (help) return printHelp([], io);
      throw new UsageError('No command given.');
    }
    const group = Object.hasOwn(COMMAND_GROUPS, name) ? COMMAND_GROUPS[name]!() : undefined;
    if (group !== undefined) {
      if (subcommand === undefined || !Object.hasOwn(group, subcommand)) {
        if (help && subcommand === undefined) {
          io.stdout(commandUsage(name)!);
          return 0;
        }
        throw new UsageError(
          subcommand === undefined ? `${name} needs a subcommand.` : `Unknown command "${name} ${subcommand.slice(0, 40)}".`,
          name,
        );
      }
      if (help) {
        io.stdout(commandUsage(`${name} ${subcommand}`)!);
        return 0;
      }
      return await group[subcommand]!(rest, globals, io);
    }
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`Unknown command "${name.slice(0, 40)}".`);
    if (help) {
      io.stdout(commandUsage(name)!);
      return 0;
    }
    return await COMMANDS[name]!()(rest, globals, io);
  } catch (error) {
    return reportError(io, error, json);
  }
}
