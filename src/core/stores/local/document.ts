import { z } from 'zod';
import { authenticationCode, authenticationCodeMatches } from '../../crypto';
import { NAME_PATTERN, SecretManagerError } from '../../model';

/**
 * The store file. `body` holds names, timestamps and versions in the clear, and every value sealed
 * with AES-256-GCM. `mac` is an HMAC over the serialised body, so a change to any metadata is caught
 * on load; a change to a value also fails that value's own GCM tag.
 */
const nameSchema = z.string().regex(NAME_PATTERN);

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
});
export type StoredVault = z.infer<typeof storedVaultSchema>;

const storeBodySchema = z.object({
  storeId: z.uuid(),
  homeId: z.uuid(),
  /** Grows by one with every write. */
  generation: z.number().int().nonnegative(),
  vaults: z.record(nameSchema, storedVaultSchema),
});
export type StoreBody = z.infer<typeof storeBodySchema>;

const STORE_FORMAT = 'secret-manager-local-store';

export function emptyBody(storeId: string, homeId: string): StoreBody {
  return { storeId, homeId, generation: 0, vaults: {} };
}

export function serializeStore(body: StoreBody, macKey: Buffer): string {
  const bodyText = JSON.stringify(body);
  const mac = authenticationCode(macKey, bodyText);
  return `{"format":"${STORE_FORMAT}","formatVersion":1,"mac":"${mac}","body":${bodyText}}\n`;
}

export function corruptedStoreError(storeFile: string, backupFile: string, reason: string): SecretManagerError {
  return new SecretManagerError(
    'corrupted-store',
    `The local store file ${storeFile} is damaged or was changed outside Secret Manager (${reason}).`,
    `Nothing was changed. The previous good copy is ${backupFile}: move the damaged file aside and copy the backup over it to recover.`,
  );
}

/** Parses and verifies the store file; every failure is a 'corrupted-store' error naming the backup. */
export function parseStore(text: string, macKey: Buffer, files: { storeFile: string; storeBackup: string }, homeId: string): StoreBody {
  const fail = (reason: string) => corruptedStoreError(files.storeFile, files.storeBackup, reason);
  let json: { format?: unknown; formatVersion?: unknown; mac?: unknown; body?: unknown };
  try {
    json = JSON.parse(text);
  } catch {
    throw fail('it is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || json.format !== STORE_FORMAT) throw fail('it is not a Secret Manager store file');
  if (json.formatVersion !== 1) throw fail(`unknown format version ${String(json.formatVersion)}`);
  if (typeof json.mac !== 'string' || typeof json.body !== 'object' || json.body === null) throw fail('its structure is not valid');
  // JSON.stringify(JSON.parse(x)) reproduces what serializeStore wrote, so the MAC is checked before any reshaping.
  if (!authenticationCodeMatches(macKey, JSON.stringify(json.body), json.mac)) {
    throw fail('its integrity check failed');
  }
  const parsed = storeBodySchema.safeParse(json.body);
  if (!parsed.success) throw fail('its structure is not valid');
  if (parsed.data.homeId !== homeId) throw fail('it belongs to another key file');
  return parsed.data;
}

/** Own-property lookup: a vault named "constructor" must not find Object.prototype.constructor. */
export function ownEntry<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

export function currentVersion(secret: StoredSecret): StoredVersion {
  return secret.versions[secret.versions.length - 1];
}

export function valueContext(storeId: string, vault: string, key: string, version: number): string {
  return JSON.stringify(['secret-value', storeId, vault, key, version]);
}
