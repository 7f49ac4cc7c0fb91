import { authenticationCodeOfParts, authenticationCodesEqual, contentDigest } from '../../crypto';
import { storeBodyOutlineSchema, type StoreBody, type StoredVault } from './body-schema';
import { openFormat1Body } from './format-1';
import { StoreFileError } from './store-file-error';

/**
 * The store file, format 2. One JSON object, laid out so that it can be checked and rewritten without
 * re-serialising all of it:
 *
 *   {"format":"secret-manager-local-store","formatVersion":2,"mac":"<base64>","body":{"storeId":…,"vaults":{
 *   "vault-a":{…},
 *   "vault-b":{…}
 *   }}}
 *
 * Each vault is one line (JSON.stringify never writes a raw newline). The body is exactly
 * head, "\n", the vault lines joined by ",\n", and "\n}}", so it splits into its head and lines one way
 * only. `mac` is an HMAC, under a domain tag naming the format, over the head and the SHA-256 of each
 * line: it covers every byte of the body as it is in the file, is checked before the body is trusted,
 * and an update hashes only the line it changed. The header and trailer around the body must be
 * byte-for-byte what this code writes.
 *
 * A body whose format-2 MAC matches was written by this code under this home's data key, and every body
 * it writes was built from checked input or validated when read (format 1 goes through full validation).
 * So a matching MAC skips the deep zod validation and keeps a cheap outline check. Any change to the
 * body's schema must therefore come with a new format version, read through a validating path like
 * format 1's.
 */
export const STORE_FORMAT = 'secret-manager-local-store';
const FORMAT_VERSION = 2;
const MAC_DOMAIN = Buffer.from(`${STORE_FORMAT} formatVersion ${FORMAT_VERSION}: head and line digests\n`);
const HEADER_START = Buffer.from(`{"format":"${STORE_FORMAT}","formatVersion":${FORMAT_VERSION},"mac":"`);
const HEADER_END = Buffer.from('","body":');
/** Base64 of a 32-byte HMAC-SHA256. */
const MAC_LENGTH = 44;
const BODY_START = HEADER_START.length + MAC_LENGTH + HEADER_END.length;
const TRAILER = Buffer.from('}\n');
const NEWLINE = Buffer.from('\n');
const COMMA_NEWLINE = Buffer.from(',\n');
const BODY_END = Buffer.from('\n}}');
const BODY_END_LINE = Buffer.from('}}');
const NEWLINE_BYTE = 0x0a;
const COMMA_BYTE = 0x2c;
const QUOTE_BYTE = 0x22;

/** A vault's serialised line, `"name":{…}`, and its SHA-256. */
export interface VaultLine {
  readonly bytes: Buffer;
  readonly digest: Buffer;
}

/** Each vault's line by vault name. The line of a vault that changed must be deleted before encoding. */
export type VaultLines = Map<string, VaultLine>;

/**
 * What can be learnt from the file's bytes without the key: its format, MAC, the body's head and hashed
 * vault lines, and its parsed JSON. Nothing in it is trusted until `verifyStoreFile` checked the MAC.
 * Failures are kept, not thrown, so a wrong passphrase is still reported first.
 */
export type StoreFileLayout =
  | {
      readonly formatVersion: 2;
      readonly mac: string;
      /** Undefined when the body is not in the one layout format 2 allows. */
      readonly split: { readonly head: Buffer; readonly lines: readonly VaultLine[] } | undefined;
      readonly json: unknown;
      readonly jsonError: boolean;
    }
  | { readonly formatVersion: 1; readonly mac: string; readonly json: unknown }
  | { readonly failure: string };

function hasFormat2Layout(bytes: Buffer): boolean {
  return (
    bytes.length >= BODY_START + TRAILER.length &&
    bytes.subarray(0, HEADER_START.length).equals(HEADER_START) &&
    bytes.subarray(HEADER_START.length + MAC_LENGTH, BODY_START).equals(HEADER_END) &&
    bytes.subarray(bytes.length - TRAILER.length).equals(TRAILER)
  );
}

export function readStoreLayout(bytes: Buffer): StoreFileLayout {
  if (hasFormat2Layout(bytes)) {
    const bodyBytes = bytes.subarray(BODY_START, bytes.length - TRAILER.length);
    const mac = bytes.toString('latin1', HEADER_START.length, HEADER_START.length + MAC_LENGTH);
    const segments = splitBody(bodyBytes);
    const split = segments && { head: segments.head, lines: segments.lines.map(vaultLine) };
    try {
      return { formatVersion: 2, mac, split, json: JSON.parse(bodyBytes.toString('utf8')), jsonError: false };
    } catch {
      return { formatVersion: 2, mac, split, json: undefined, jsonError: true };
    }
  }
  let json: { format?: unknown; formatVersion?: unknown; mac?: unknown; body?: unknown };
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { failure: 'it is not valid JSON' };
  }
  if (typeof json !== 'object' || json === null || json.format !== STORE_FORMAT) return { failure: 'it is not a Secret Manager store file' };
  // Format 2 is only valid in the exact layout it is written in: its MAC covers those bytes.
  if (json.formatVersion === FORMAT_VERSION) return { failure: 'its integrity check failed' };
  if (json.formatVersion !== 1) return { failure: `unknown format version ${String(json.formatVersion)}` };
  if (typeof json.mac !== 'string' || typeof json.body !== 'object' || json.body === null) return { failure: 'its structure is not valid' };
  return { formatVersion: 1, mac: json.mac, json: json.body };
}

/** Splits a body into its head and vault lines; undefined when it is not in the one layout format 2 allows. */
function splitBody(bodyBytes: Buffer): { head: Buffer; lines: Buffer[] } | undefined {
  const segments: Buffer[] = [];
  let start = 0;
  for (let end = bodyBytes.indexOf(NEWLINE_BYTE); end !== -1; end = bodyBytes.indexOf(NEWLINE_BYTE, start)) {
    segments.push(bodyBytes.subarray(start, end));
    start = end + 1;
  }
  segments.push(bodyBytes.subarray(start));
  if (segments.length < 2 || !segments[segments.length - 1].equals(BODY_END_LINE)) return undefined;
  const lines = segments.slice(1, -1);
  for (let index = 0; index < lines.length - 1; index++) {
    const line = lines[index];
    if (line[line.length - 1] !== COMMA_BYTE) return undefined;
    lines[index] = line.subarray(0, line.length - 1);
  }
  if (lines.length > 0 && lines[lines.length - 1][lines[lines.length - 1].length - 1] === COMMA_BYTE) return undefined;
  return { head: segments[0], lines };
}

function bodyMac(macKey: Buffer, head: Buffer, lineDigests: readonly Buffer[]): string {
  const counts = Buffer.alloc(8);
  counts.writeUInt32BE(head.length, 0);
  counts.writeUInt32BE(lineDigests.length, 4);
  return authenticationCodeOfParts(macKey, [MAC_DOMAIN, counts, head, ...lineDigests]);
}

function vaultLine(bytes: Buffer): VaultLine {
  return { bytes, digest: contentDigest(bytes) };
}

/** The vault name a line starts with; names are plain ASCII with no quote. */
function nameOfLine(line: Buffer): string | undefined {
  const nameEnd = line.indexOf(QUOTE_BYTE, 1);
  return line[0] === QUOTE_BYTE && nameEnd !== -1 ? line.toString('latin1', 1, nameEnd) : undefined;
}

/** Keys the verified lines by vault name; lines that do not match the parsed vaults are not reused. */
function byVaultName(lines: readonly VaultLine[], vaults: Record<string, StoredVault>): VaultLines {
  const byName: VaultLines = new Map();
  for (const line of lines) {
    const name = nameOfLine(line.bytes);
    if (name === undefined || !Object.hasOwn(vaults, name)) return new Map();
    byName.set(name, line);
  }
  return byName.size === Object.keys(vaults).length ? byName : new Map();
}

export interface VerifiedStore {
  readonly body: StoreBody;
  readonly mac: string;
  readonly vaultLines: VaultLines;
}

/** Checks the MAC (and for format 1 the full schema); throws StoreFileError with the reason. */
export function verifyStoreFile(layout: StoreFileLayout, macKey: Buffer, homeId: string): VerifiedStore {
  if ('failure' in layout) throw new StoreFileError(layout.failure);
  if (layout.formatVersion === 1) return { body: openFormat1Body(layout.json, layout.mac, macKey, homeId), mac: layout.mac, vaultLines: new Map() };
  const { split } = layout;
  if (!split) throw new StoreFileError('its integrity check failed');
  const expected = bodyMac(macKey, split.head, split.lines.map((line) => line.digest));
  if (!authenticationCodesEqual(expected, layout.mac)) throw new StoreFileError('its integrity check failed');
  if (layout.jsonError || !storeBodyOutlineSchema.safeParse(layout.json).success) throw new StoreFileError('its structure is not valid');
  const body = layout.json as StoreBody;
  if (body.homeId !== homeId) throw new StoreFileError('it belongs to another key file');
  return { body, mac: layout.mac, vaultLines: byVaultName(split.lines, body.vaults) };
}

/**
 * Serialises the body in format 2, as the list of byte ranges that make up the file (written with one
 * writev, never joined). Vault lines missing from `vaultLines` are serialised and added to it; the others
 * are reused as they are, so the caller must delete the line of every vault it changed.
 */
export function encodeStoreFileParts(body: StoreBody, macKey: Buffer, vaultLines: VaultLines = new Map()): { parts: Buffer[]; mac: string } {
  const head = Buffer.from(
    `{"storeId":${JSON.stringify(body.storeId)},"homeId":${JSON.stringify(body.homeId)},"generation":${body.generation},"vaults":{`,
  );
  const bodyParts: Buffer[] = [head];
  const digests: Buffer[] = [];
  Object.keys(body.vaults).forEach((name, index) => {
    let line = vaultLines.get(name);
    if (!line) {
      line = vaultLine(Buffer.from(`${JSON.stringify(name)}:${JSON.stringify(body.vaults[name])}`));
      vaultLines.set(name, line);
    }
    bodyParts.push(index === 0 ? NEWLINE : COMMA_NEWLINE, line.bytes);
    digests.push(line.digest);
  });
  bodyParts.push(BODY_END);
  for (const name of vaultLines.keys()) if (!Object.hasOwn(body.vaults, name)) vaultLines.delete(name);
  const mac = bodyMac(macKey, head, digests);
  return { parts: [HEADER_START, Buffer.from(mac, 'latin1'), HEADER_END, ...bodyParts, TRAILER], mac };
}

/** The whole file as one buffer; see encodeStoreFileParts. */
export function encodeStoreFile(body: StoreBody, macKey: Buffer, vaultLines: VaultLines = new Map()): { bytes: Buffer; mac: string } {
  const { parts, mac } = encodeStoreFileParts(body, macKey, vaultLines);
  return { bytes: Buffer.concat(parts), mac };
}
