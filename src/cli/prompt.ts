import { createInterface } from 'node:readline';
import { SecretManagerError } from '../core/model';
import type { CliIo } from './command';

/** Reads one line from stdin; an empty string when stdin ends first. */
function readLine(io: CliIo): Promise<string> {
  const lines = createInterface({ input: io.stdin, terminal: false });
  return new Promise((resolve) => {
    lines.once('line', (line) => {
      resolve(line);
      lines.close();
    });
    lines.once('close', () => resolve(''));
  });
}

/**
 * Confirms a destructive action or throws. `--yes` skips the question; otherwise it asks "question [y/N]"
 * on a terminal, and refuses outright when stdin is not a terminal (a script must say --yes).
 */
export async function requireConfirmation(
  io: CliIo,
  options: { yes: boolean; question: string; action: string },
): Promise<void> {
  if (options.yes) return;
  if (!io.stdinIsTerminal) {
    throw new SecretManagerError(
      'denied',
      `Refusing to ${options.action} without confirmation: standard input is not a terminal.`,
      'Pass --yes to confirm.',
    );
  }
  io.stderr(`${options.question} [y/N] `);
  const answer = await readLine(io);
  if (!/^y(es)?$/i.test(answer.trim())) {
    throw new SecretManagerError('denied', `Cancelled: did not ${options.action}.`);
  }
}
