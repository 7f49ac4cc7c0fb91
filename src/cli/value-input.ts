import type { CliIo } from './command';
import { UsageError } from './arguments';
import { InvalidInputError, MAX_VALUE_BYTES } from '../core/model';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A value at the limit may still carry the line end that is dropped. */
const MAX_INPUT_BYTES = MAX_VALUE_BYTES + '\r\n'.length;

async function readAll(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  // Leaving the loop early destroys the stream, so nothing more is read.
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += bytes.length;
    if (length > MAX_INPUT_BYTES) throw new InvalidInputError('The value on standard input is longer than 64 KiB, the most a secret can hold.');
    chunks.push(bytes);
  }
  try {
    return strictUtf8.decode(Buffer.concat(chunks));
  } catch {
    // Decoding leniently would silently store replacement characters instead of the bytes given.
    throw new InvalidInputError(
      'The value on standard input is not UTF-8 text, so it cannot be stored as given. Encode binary data first, for example with base64.',
    );
  }
}

/**
 * The secret value from --value, --value-stdin, or piped stdin when neither is given.
 * Stdin loses exactly one trailing newline, so `echo "$TOKEN" |` works.
 */
export async function readSecretValue(
  command: string,
  options: { value?: string; valueStdin?: boolean },
  io: CliIo,
): Promise<string> {
  if (options.value !== undefined && options.valueStdin) {
    throw new UsageError('Give the value with --value or --value-stdin, not both.', command);
  }
  if (options.value !== undefined) {
    io.stderr('Warning: --value puts the secret in your shell history; prefer --value-stdin.\n');
    return options.value;
  }
  if (!options.valueStdin && io.stdinIsTerminal) {
    throw new UsageError(`${command} needs a value: pipe it with --value-stdin, or pass --value.`, command);
  }
  if (io.stdinIsTerminal) io.stderr('Type the value, then press Ctrl-D.\n');
  return (await readAll(io)).replace(/\r?\n$/, '');
}
