import { close, constants, fstat, open, promises as fs, read, write } from 'node:fs';
import { promisify } from 'node:util';
import { SecretManagerError, auditRecordSchema, type AuditRecord } from '../../model';
import type { AuditQuery } from '../../store';
import { PRIVATE_FILE_MODE, isErrorCode } from './atomic-file';

// The callback API: a FileHandle round trip costs several times more, and every write and reveal appends.
const writeDescriptor = promisify(write);
const openFile = promisify(open);
const statDescriptor = promisify(fstat);
const readDescriptor = promisify(read);
const closeDescriptor = promisify(close);
const NEWLINE_BYTE = 0x0a;
/** Appends through one descriptor; O_NOFOLLOW refuses a symbolic link, so records cannot be sent to another file. */
const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;

/** The audit record could not be written; the store says what that means for the change or reveal it was for. */
export class AuditWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`could not write ${file} (${reason})`);
    this.name = 'AuditWriteError';
  }
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * An append-only JSON Lines file. Each record is one write(2) on an O_APPEND descriptor, so records
 * from several processes never interleave. Records name what happened; they have no field for a value.
 */
export class AuditLog {
  constructor(private readonly file: string) {}

  async append(record: AuditRecord): Promise<void> {
    const checked = auditRecordSchema.parse(record);
    let descriptor: number;
    try {
      descriptor = await openFile(this.file, APPEND_FLAGS, PRIVATE_FILE_MODE);
    } catch (error) {
      throw new AuditWriteError(this.file, isErrorCode(error, 'ELOOP') ? 'it is a symbolic link' : reasonOf(error));
    }
    try {
      // After a crash cut a line short, a record appended right behind it would be lost with it.
      const separator = (await endsMidLine(descriptor)) ? '\n' : '';
      await writeDescriptor(descriptor, `${separator}${JSON.stringify(checked)}\n`);
    } catch (error) {
      throw new AuditWriteError(this.file, reasonOf(error));
    } finally {
      await closeDescriptor(descriptor);
    }
  }

  /**
   * The newest records last. Lines that are not records (cut short by a crash, or edited by hand) are
   * skipped, and `onSkipped` is told how many.
   */
  async read(query: AuditQuery = {}, onSkipped?: (count: number) => void): Promise<AuditRecord[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return [];
      throw new SecretManagerError(
        'unavailable',
        `Could not read the audit log ${this.file} (${reasonOf(error)}).`,
        'Make sure it is a file you can read.',
      );
    }
    const records: AuditRecord[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        skipped += 1;
        continue;
      }
      const parsed = auditRecordSchema.safeParse(json);
      if (!parsed.success) {
        skipped += 1;
        continue;
      }
      const record = parsed.data;
      if (query.vault !== undefined && record.vault !== query.vault) continue;
      if (query.key !== undefined && record.key !== query.key) continue;
      records.push(record);
    }
    if (skipped > 0) onSkipped?.(skipped);
    return query.limit !== undefined ? records.slice(Math.max(0, records.length - query.limit)) : records;
  }
}

async function endsMidLine(descriptor: number): Promise<boolean> {
  const { size } = await statDescriptor(descriptor);
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await readDescriptor(descriptor, last, 0, 1, size - 1);
  return last[0] !== NEWLINE_BYTE;
}
