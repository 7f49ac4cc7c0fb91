import * as z from 'zod';
import { formatReference, SecretManagerError, type SecretReference } from '../model';
import { AuditWriteError } from './local/audit-log';

/** The options of `revealSecret`, shared by the stores that return values. */
export const revealOptionsSchema = z.object({
  purpose: z.enum(['reveal', 'resolve', 'copy']).optional(),
  actor: z.string().min(1).max(200).optional(),
});

/** Writes a reveal's audit record; when it cannot be written, the value is not handed out and the error says why. */
export async function auditRevealOrRefuse(reference: SecretReference, append: () => Promise<void>): Promise<void> {
  await append().catch((error: unknown) => {
    if (!(error instanceof AuditWriteError)) throw error;
    throw new SecretManagerError(
      'unavailable',
      `The value of ${formatReference(reference)} was not revealed: its audit record could not be written to ${error.file} (${error.reason}).`,
      'Make the audit log a writable file again, then try again.',
    );
  });
}
