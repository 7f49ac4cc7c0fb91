import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { AuthenticationFailedError, authenticationCode, authenticationCodeMatches, keyedFingerprint, open, seal } from './crypto';
import { createFingerprintMatcher, valueChecksum, type FingerprintEntry } from './fingerprint-matcher';
import { loadHomeKeys, type KeychainMode } from './keys';
import { SecretManagerError, formatReference, parseInput, secretReferenceSchema, secretValueSchema, type SecretReference } from './model';
import { requireAbsoluteHome, resolveStoreHome, storeHomeFiles } from './paths';
import type { FingerprintLedger, FingerprintMatcher } from './store';
import { ensurePrivateFolder, isErrorCode, writeFileAtomically } from './stores/local/atomic-file';
import { withFileLock } from './stores/local/file-lock';

export interface FingerprintLedgerOptions {
  /** The store home; defaults to the same folder as the local store. */
  readonly home?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The connection whose values are recorded, such as "tailor:staging". */
  readonly connectionId: string;
  readonly passphrase?: string;
  readonly keychain?: KeychainMode;
}

const LEDGER_FORMAT = 'secret-manager-fingerprint-ledger';
const ledgerBodySchema = z.object({
  connectionId: z.string(),
  /** "vault/key" → keyed fingerprint of the last value written through this product. */
  fingerprints: z.record(z.string(), z.string()),
  /**
   * Sealed JSON of "vault/key" → the value's length in UTF-8 bytes and its checksum (valueChecksum), which
   * let the matcher skip the HMAC of literals that cannot be the value. These values are kept nowhere
   * else on this machine, so even their lengths are encrypted. Absent in ledgers written before they were
   * kept (and dropped by those builds when they write): entries without them are matched at any length.
   */
  valueChecks: z.object({ nonce: z.string(), ciphertext: z.string() }).optional(),
});
type LedgerBody = z.infer<typeof ledgerBodySchema>;
const valueChecksSchema = z.record(z.string(), z.object({ byteLength: z.number().int().nonnegative(), checksum: z.number().int().nonnegative() }));
type ValueChecks = z.infer<typeof valueChecksSchema>;

/** A readable, collision-free file name for any connection id. */
export function ledgerFileName(connectionId: string): string {
  const readable = connectionId.replace(/[^a-zA-Z0-9._-]/g, '_').slice(0, 80);
  const digest = createHash('sha256').update(connectionId).digest('hex').slice(0, 12);
  return `${readable}-${digest}.json`;
}

/**
 * Keyed fingerprints of the values written through this product to a store that cannot reveal them
 * (Tailor), kept in their own file under the home: fingerprints/<connection>.json, 0600, atomic writes,
 * an HMAC over the content. The fingerprint key comes from the home's data key.
 */
export class FileFingerprintLedger implements FingerprintLedger {
  private readonly lockFile: string;

  constructor(
    private readonly file: string,
    private readonly connectionId: string,
    private readonly fingerprintKey: Buffer,
    private readonly macKey: Buffer,
    private readonly valueChecksKey: Buffer,
  ) {
    this.lockFile = `${file}.lock`;
  }

  private corrupted(reason: string): SecretManagerError {
    return new SecretManagerError(
      'corrupted-store',
      `The fingerprint file ${this.file} is damaged or was changed outside Secret Manager (${reason}).`,
      'Delete it to start a new one: it only helps find leaked values, and holds no secret.',
    );
  }

  private async load(): Promise<LedgerBody> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return { connectionId: this.connectionId, fingerprints: {} };
      throw error;
    }
    let json: { format?: unknown; mac?: unknown; body?: unknown };
    try {
      json = JSON.parse(text);
    } catch {
      throw this.corrupted('it is not valid JSON');
    }
    if (json?.format !== LEDGER_FORMAT || typeof json.mac !== 'string' || typeof json.body !== 'object') {
      throw this.corrupted('it is not a fingerprint file');
    }
    if (!authenticationCodeMatches(this.macKey, JSON.stringify(json.body), json.mac)) throw this.corrupted('its integrity check failed');
    const parsed = ledgerBodySchema.safeParse(json.body);
    if (!parsed.success || parsed.data.connectionId !== this.connectionId) throw this.corrupted('its structure is not valid');
    return parsed.data;
  }

  private valueChecksContext(): string {
    return JSON.stringify(['ledger-value-checks', this.connectionId]);
  }

  /** The recorded values' lengths and checksums; {} for a ledger written before they were kept. */
  private openValueChecks(body: LedgerBody): ValueChecks {
    if (!body.valueChecks) return {};
    let text: string;
    try {
      text = open(this.valueChecksKey, body.valueChecks, this.valueChecksContext()).toString('utf8');
    } catch (error) {
      if (error instanceof AuthenticationFailedError) throw this.corrupted('its value checks failed decryption');
      throw error;
    }
    let parsed: ReturnType<typeof valueChecksSchema.safeParse> | undefined;
    try {
      parsed = valueChecksSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw this.corrupted('its structure is not valid');
    return parsed.data;
  }

  private async change(edit: (body: LedgerBody, checks: ValueChecks) => void): Promise<void> {
    await ensurePrivateFolder(path.dirname(this.file));
    await withFileLock(this.lockFile, async () => {
      const body = await this.load();
      const checks = this.openValueChecks(body);
      edit(body, checks);
      const kept = Object.fromEntries(Object.entries(checks).filter(([name]) => Object.hasOwn(body.fingerprints, name)));
      body.valueChecks = seal(this.valueChecksKey, Buffer.from(JSON.stringify(kept), 'utf8'), this.valueChecksContext());
      const bodyText = JSON.stringify(body);
      const mac = authenticationCode(this.macKey, bodyText);
      await writeFileAtomically(this.file, `{"format":"${LEDGER_FORMAT}","mac":"${mac}","body":${bodyText}}\n`);
    });
  }

  async record(reference: SecretReference, value: string): Promise<void> {
    const checked = parseInput(secretReferenceSchema, reference);
    const checkedValue = parseInput(secretValueSchema, value);
    const fingerprint = keyedFingerprint(this.fingerprintKey, checkedValue);
    await this.change((body, checks) => {
      body.fingerprints[formatReference(checked)] = fingerprint;
      checks[formatReference(checked)] = { byteLength: Buffer.byteLength(checkedValue, 'utf8'), checksum: valueChecksum(checkedValue) };
    });
  }

  async forget(reference: SecretReference): Promise<void> {
    const checked = parseInput(secretReferenceSchema, reference);
    await this.change((body, checks) => {
      delete body.fingerprints[formatReference(checked)];
      delete checks[formatReference(checked)];
    });
  }

  async matcher(): Promise<FingerprintMatcher> {
    const body = await this.load();
    const checks = this.openValueChecks(body);
    const entries: FingerprintEntry[] = Object.entries(body.fingerprints).map(([name, fingerprint]) => {
      const [vault, key] = name.split('/');
      const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
      return { reference: { vault, key }, fingerprint, valueByteLength: check?.byteLength, valueChecksum: check?.checksum };
    });
    const fingerprintKey = this.fingerprintKey;
    return createFingerprintMatcher(entries, (literal) => keyedFingerprint(fingerprintKey, literal));
  }
}

export async function openFingerprintLedger(options: FingerprintLedgerOptions): Promise<FingerprintLedger> {
  const connectionId = parseInput(z.string().min(1).max(200), options.connectionId);
  const env = options.env ?? process.env;
  const home = options.home === undefined ? resolveStoreHome(env) : requireAbsoluteHome(options.home, 'The store home');
  const keys = await loadHomeKeys({ home, env, passphrase: options.passphrase, keychain: options.keychain });
  const file = path.join(storeHomeFiles(home).fingerprintFolder, ledgerFileName(connectionId));
  return new FileFingerprintLedger(
    file,
    connectionId,
    keys.subkey(`ledger/${connectionId}/fingerprints`),
    keys.subkey(`ledger/${connectionId}/mac`),
    keys.subkey(`ledger/${connectionId}/value-checks`),
  );
}
