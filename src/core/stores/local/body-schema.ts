import * as z from 'zod';
import { NAME_PATTERN } from '../../model';

/**
 * What the store file's body holds: names, timestamps and versions in the clear, and every value sealed
 * with AES-256-GCM (its own tag catches a changed value; the file's MAC catches everything else).
 */
export const nameSchema = z.string().regex(NAME_PATTERN);

const storedVersionSchema = z.object({
  version: z.number().int().positive(),
  createdAt: z.string(),
  rolledBackFrom: z.number().int().positive().optional(),
  nonce: z.string(),
  ciphertext: z.string(),
});
export type StoredVersion = z.infer<typeof storedVersionSchema>;

const storedSecretSchema = z.object({
  createdAt: z.string(),
  updatedAt: z.string(),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  /** Keyed fingerprint (HMAC) of the current value. */
  fingerprint: z.string(),
  /** Oldest first; the last one is current. */
  versions: z.array(storedVersionSchema).min(1),
});
export type StoredSecret = z.infer<typeof storedSecretSchema>;

const storedVaultSchema = z.object({
  createdAt: z.string(),
  updatedAt: z.string(),
  secrets: z.record(nameSchema, storedSecretSchema),
  /**
   * Sealed checksums of the current values by fingerprint, for leak matching (value-checksums.ts). Optional
   * and added without a new format version: older builds keep or drop it and never rely on it, and its
   * reader treats a missing, stale or unreadable box as no checksums.
   */
  valueChecksums: z.object({ nonce: z.string(), ciphertext: z.string() }).optional(),
});
export type StoredVault = z.infer<typeof storedVaultSchema>;

/** The full schema: every field of every version. */
export const storeBodySchema = z.object({
  storeId: z.uuid(),
  homeId: z.uuid(),
  /** Grows by one with every write. */
  generation: z.number().int().nonnegative(),
  vaults: z.record(nameSchema, storedVaultSchema),
});
export type StoreBody = z.infer<typeof storeBodySchema>;

/**
 * The outline checked when a format-2 MAC already proved that this code wrote the body: the top level and
 * each vault's own fields. It does not walk the secrets, which is where the time of a full validation goes.
 */
export const storeBodyOutlineSchema = z.object({
  storeId: z.uuid(),
  homeId: z.uuid(),
  generation: z.number().int().nonnegative(),
  vaults: z.record(
    nameSchema,
    z.object({
      createdAt: z.string(),
      updatedAt: z.string(),
      secrets: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
    }),
  ),
});
