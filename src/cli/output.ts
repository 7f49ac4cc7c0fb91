import { isSecretManagerError } from '../core/error-shape';
import type { SecretManagerError } from '../core/model';
export { formatRelativeTime, pluralize } from '../core/format';
import type { CliIo } from './command';
import { isUsageError } from './arguments';
import { commandUsage, topUsage } from './usage';

/** Prints the one JSON document of a --json run. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function formatColumns(rows: ReadonlyArray<readonly string[]>): string {
  const columnCount = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columnCount }, (_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  const formatRow = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return rows.map((row) => `${formatRow(row)}\n`).join('');
}

export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return formatColumns([headers, ...rows]);
}

export function truncate(text: string, length: number): string {
  // Control characters (ESC, BEL, C1) in stored text would drive the terminal; they print as spaces.
  const oneLine = text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1)}…`;
}

/** The message without the hint that SecretManagerError appends to it. */
export function splitMessage(error: SecretManagerError): { message: string; hint?: string } {
  if (error.hint && error.message.endsWith(` ${error.hint}`)) {
    return { message: error.message.slice(0, -(error.hint.length + 1)), hint: error.hint };
  }
  return { message: error.message, hint: error.hint };
}

/**
 * Reports a failure on stderr and returns the exit code: 2 for a usage mistake, 1 otherwise.
 * With --json, stdout also gets `{ "error": { code, message, hint? } }` so scripts can branch on the code.
 */
export function reportError(io: CliIo, error: unknown, json: boolean): number {
  if (isUsageError(error)) {
    const usage = (error.command && commandUsage(error.command)) || topUsage();
    io.stderr(`secret-manager: ${error.message}\n\n${usage}`);
    if (json) writeJson(io, { error: { code: 'usage', message: error.message } });
    return 2;
  }
  if (isSecretManagerError(error)) {
    const { message, hint } = splitMessage(error);
    io.stderr(`Error: ${message}\n${hint ? `Hint: ${hint}\n` : ''}`);
    if (json) writeJson(io, { error: { code: error.code, message, ...(hint ? { hint } : {}) } });
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Error: unexpected failure: ${message}\n`);
  if (json) writeJson(io, { error: { code: 'internal', message } });
  return 1;
}
