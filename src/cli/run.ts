import { splitArguments, UsageError } from './arguments';
import type { CliIo, CommandHandler } from './command';
import { auditCommand } from './commands/audit';
import { checkCommand } from './commands/check';
import { scanCommand } from './commands/scan';
import { secretCommands } from './commands/secret';
import { statusCommand } from './commands/status';
import { vaultCommands } from './commands/vault';
import { reportError } from './output';
import { commandUsage, topUsage } from './usage';

const COMMAND_GROUPS: Readonly<Record<string, Readonly<Record<string, CommandHandler>>>> = {
  vault: vaultCommands,
  secret: secretCommands,
};

const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  audit: auditCommand,
  status: statusCommand,
  scan: scanCommand,
  check: checkCommand,
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
    const group = Object.hasOwn(COMMAND_GROUPS, name) ? COMMAND_GROUPS[name] : undefined;
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
    const handler = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (handler === undefined) throw new UsageError(`Unknown command "${name.slice(0, 40)}".`);
    if (help) {
      io.stdout(commandUsage(name)!);
      return 0;
    }
    return await handler(rest, globals, io);
  } catch (error) {
    return reportError(io, error, json);
  }
}
