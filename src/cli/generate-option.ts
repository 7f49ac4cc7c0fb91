import { DEFAULT_GENERATED_LENGTH, generatedLengthProblem, generateSecretValue } from '../core/generate-value';
import { UsageError } from './arguments';
import type { CliIo } from './command';
import { readSecretValue } from './value-input';

/**
 * Takes `--generate [LENGTH]` (or `--generate=LENGTH`) out of a command's arguments, which Node's
 * parser cannot read (an option whose value may be left out). `length` is undefined without it.
 */
export function takeGenerateOption(command: string, args: readonly string[]): { rest: string[]; length: number | undefined } {
  const rest: string[] = [];
  let length: number | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (argument === '--') {
      rest.push(...args.slice(index));
      break;
    }
    if (argument !== '--generate' && !argument.startsWith('--generate=')) {
      rest.push(argument);
      continue;
    }
    if (length !== undefined) throw new UsageError('--generate is given twice.', command);
    let written = argument.startsWith('--generate=') ? argument.slice('--generate='.length) : undefined;
    if (written === undefined && /^[0-9]+$/.test(args[index + 1] ?? '')) written = args[++index];
    length = written === undefined ? DEFAULT_GENERATED_LENGTH : /^[0-9]{1,5}$/.test(written) ? Number(written) : Number.NaN;
    const problem = generatedLengthProblem(length);
    if (problem !== undefined) throw new UsageError(`--generate ${String(written).slice(0, 20)}: ${problem}`, command);
  }
  return { rest, length };
}

/** A generated value when `--generate` was given, else the value read as usual (--value, --value-stdin, piped stdin). */
export async function givenOrGeneratedValue(command: string, generateLength: number | undefined, options: { value?: string; valueStdin?: boolean }, io: CliIo): Promise<string> {
  if (generateLength === undefined) return readSecretValue(command, options, io);
  if (options.value !== undefined || options.valueStdin) throw new UsageError('Give --generate or a value (--value, --value-stdin), not both.', command);
  io.stderr(`Generated a ${generateLength}-character value (not shown; \`secret get\` prints it).\n`);
  return generateSecretValue(generateLength);
}
