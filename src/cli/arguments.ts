import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { GlobalOptions } from './command';

/** A mistake in how the command was called. The CLI prints it with the usage and exits with 2. */
/** Recognised by name, like isSecretManagerError: each command bundle has its own copy of this class. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to print, such as "vault create". */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const GLOBAL_OPTION_SPEC = {
  store: { type: 'string' },
  profile: { type: 'string' },
  'workspace-id': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export interface SplitArguments {
  readonly globals: GlobalOptions;
  readonly help: boolean;
  /** The command words: "vault" and "create" in `vault create x`. */
  readonly words: readonly string[];
  /** Everything else, in order, for the command's own parser. */
  readonly rest: readonly string[];
}

/**
 * Takes the global options out of argv wherever they appear, and the command words
 * (the first `wordCount(first)` positionals), leaving the command's own arguments.
 */
export function splitArguments(argv: readonly string[], wordCount: (first: string) => number): SplitArguments {
  const { tokens } = parseArgs({
    args: [...argv],
    options: GLOBAL_OPTION_SPEC,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const taken = new Set<number>();
  const words: string[] = [];
  const found: { store?: string; profile?: string; workspaceId?: string; json: boolean; help: boolean } = {
    json: false,
    help: false,
  };
  // Command words come first; only global options may sit before or between them.
  let wordsEnded = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      wordsEnded = true;
      continue;
    }
    if (token.kind === 'positional') {
      const wanted = words.length === 0 ? 1 : wordCount(words[0]!);
      if (!wordsEnded && words.length < wanted) {
        words.push(token.value);
        taken.add(token.index);
      } else {
        wordsEnded = true;
      }
      continue;
    }
    if (!Object.hasOwn(GLOBAL_OPTION_SPEC, token.name)) {
      if (words.length === 0 && !wordsEnded) throw new UsageError(`Unknown option '${token.rawName}' before the command.`);
      wordsEnded = true;
      continue;
    }
    taken.add(token.index);
    if (token.inlineValue === false) taken.add(token.index + 1);
    switch (token.name) {
      case 'json':
        found.json = true;
        break;
      case 'help':
        found.help = true;
        break;
      default: {
        if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value.`);
        if (token.name === 'store') found.store = token.value;
        if (token.name === 'profile') found.profile = token.value;
        if (token.name === 'workspace-id') found.workspaceId = token.value;
      }
    }
  }
  const store = found.store ?? 'local';
  if (store !== 'local' && store !== 'tailor' && store !== 'workos') {
    throw new UsageError(`--store must be "local", "tailor" or "workos", not "${store.slice(0, 40)}".`);
  }
  return {
    globals: { store, profile: found.profile, workspaceId: found.workspaceId, json: found.json },
    help: found.help,
    words,
    rest: argv.filter((_argument, index) => !taken.has(index)),
  };
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's own arguments strictly; any mistake becomes a UsageError for that command. */
/**
 * `--limit -3` as `--limit=-3`: Node's parser takes "-3" for an option and says the argument is
 * ambiguous; joined, the option's own check says what it accepts.
 */
function joinNegativeNumbers(args: readonly string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const name = args[index].startsWith('--') ? args[index].slice(2) : undefined;
    const next = args[index + 1];
    if (name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${args[index]}=${next}`);
      index++;
    } else {
      joined.push(args[index]);
    }
  }
  return joined;
}

export function parseCommandArguments<const Options extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: Options,
  positionals: { min: number; max: number },
) {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(args, options), options, strict: true, allowPositionals: positionals.max > 0 });
  } catch (error) {
    throw new UsageError(describeParseError(command, error, Object.hasOwn(options, 'value')), command);
  }
  if (parsed.positionals.length < positionals.min) {
    throw new UsageError(`${command} needs ${positionals.min === 1 ? 'a name' : `${positionals.min} arguments`}.`, command);
  }
  if (parsed.positionals.length > positionals.max) {
    throw new UsageError(`${command} takes ${positionals.max === 0 ? 'no' : `at most ${positionals.max}`} plain arguments.`, command);
  }
  return parsed;
}

function describeParseError(command: string, error: unknown, takesValue: boolean): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  // Node's message quotes the stray argument, which may be the rest of an unquoted `--value two words`.
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const advice = takesValue ? ' Quote a value that contains spaces, or pass it with --value-stdin.' : '';
    return `${command} takes no plain arguments.${advice}`;
  }
  // `--limit -3`: Node reads "-3" as another option. Its advice is worded for programmers; the value is not repeated.
  const ambiguous = code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(error.message) : null;
  if (ambiguous) return `${ambiguous[1]} needs a value; a value that starts with "-" is written ${ambiguous[1]}=<value>.`;
  // Node's other messages name the option, never the value that follows it.
  if (code?.startsWith('ERR_PARSE_ARGS_')) return error.message.split('\n').join(' ');
  return error.message;
}

export function requireOption(command: string, value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`${command} needs --${name}.`, command);
  return value;
}

export function parsePositiveInteger(command: string, value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(value)) {
    throw new UsageError(`--${name} must be a positive whole number, not "${value.slice(0, 20)}".`, command);
  }
  return Number(value);
}
