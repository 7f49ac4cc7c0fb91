import { appendFile, promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { auditRecordSchema, type AuditRecord } from '../../model';
import type { AuditQuery } from '../../store';
import { PRIVATE_FILE_MODE, isErrorCode } from './atomic-file';

// The callback API: a FileHandle round trip costs several times more, and every write and reveal appends.
const appendText = promisify(appendFile);

/**
 * An append-only JSON Lines file. Each record is one write(2) on an O_APPEND descriptor, so records
 * from several processes never interleave. Records name what happened; they have no field for a value.
 */
export class AuditLog {
  constructor(private readonly file: string) {}

  async append(record: AuditRecord): Promise<void> {
    const checked = auditRecordSchema.parse(record);
    await appendText(this.file, `${JSON.stringify(checked)}\n`, { mode: PRIVATE_FILE_MODE });
  }

  /** The newest records last. A line cut short by a crash is skipped. */
  async read(query: AuditQuery = {}): Promise<AuditRecord[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return [];
      throw error;
    }
    const records: AuditRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = auditRecordSchema.safeParse(json);
      if (!parsed.success) continue;
      const record = parsed.data;
      if (query.vault !== undefined && record.vault !== query.vault) continue;
      if (query.key !== undefined && record.key !== query.key) continue;
      records.push(record);
    }
    return query.limit !== undefined ? records.slice(Math.max(0, records.length - query.limit)) : records;
  }
}
