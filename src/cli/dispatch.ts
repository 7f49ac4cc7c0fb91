import { splitArguments, UsageError } from './arguments';
import type { CliIo, CommandHandler } from './command';
import { reportError } from './output';
import { commandUsage, topUsage } from './usage';

/** The commands a dispatcher knows: groups ("vault create") and single commands ("audit"), each loaded when it runs. */
export interface CommandTable {
  readonly groups: Readonly<Record<string, () => Readonly<Record<string, CommandHandler>>>>;
  readonly commands: Readonly<Record<string, () => CommandHandler>>;
}

/** How many leading words name the command: "vault create", "audit", "help vault create". */
function wordCount(table: CommandTable, first: string): number {
  if (first === 'help') return 3;
  return Object.hasOwn(table.groups, first) ? 2 : 1;
}

/** `help [command [subcommand]]`: the usage of what is named, on stdout. */
function printHelp(words: readonly string[], io: CliIo): number {
  const path = words.join(' ');
  const usage = path === '' ? topUsage() : commandUsage(path);
  if (usage === undefined) throw new UsageError(`Unknown command "${path.slice(0, 40)}".`);
  io.stdout(usage);
  return 0;
}

/** Runs the command of `table` that the arguments (without "node cli.js") name; resolves to the exit code. */
export async function dispatchCommand(table: CommandTable, argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { globals, help, words, rest } = splitArguments(argv, (first) => wordCount(table, first));
    json = globals.json;
    if (words[0] === 'help') return printHelp(words.slice(1), io);
    const [name, subcommand] = words;
    if (name === undefined) {
      if (help) return printHelp([], io);
      throw new UsageError('No command given.');
    }
    const group = Object.hasOwn(table.groups, name) ? table.groups[name]!() : undefined;
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
    if (!Object.hasOwn(table.commands, name)) throw new UsageError(`Unknown command "${name.slice(0, 40)}".`);
    if (help) {
      io.stdout(commandUsage(name)!);
      return 0;
    }
    return await table.commands[name]!()(rest, globals, io);
  } catch (error) {
    return reportError(io, error, json);
  }
}
