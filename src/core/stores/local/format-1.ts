import { authenticationCode, authenticationCodeMatches } from '../../crypto';
import { storeBodySchema, type StoreBody } from './body-schema';
import { StoreFileError } from './store-file-error';

/**
 * Format 1, written by the first releases: `{"format":…,"formatVersion":1,"mac":…,"body":{…}}` with the MAC
 * over JSON.stringify(body). Still read, through full validation, and rewritten as format 2 on the next write.
 */
export function openFormat1Body(json: unknown, mac: string, macKey: Buffer, homeId: string): StoreBody {
  // JSON.stringify(JSON.parse(x)) reproduces what format 1 wrote, so the MAC is checked before any reshaping.
  if (!authenticationCodeMatches(macKey, JSON.stringify(json), mac)) throw new StoreFileError('its integrity check failed');
  const parsed = storeBodySchema.safeParse(json);
  if (!parsed.success) throw new StoreFileError('its structure is not valid');
  if (parsed.data.homeId !== homeId) throw new StoreFileError('it belongs to another key file');
  return parsed.data;
}

/** Writes a format-1 file exactly as the first releases did: for the migration test and the benchmark's anchor. */
export function serializeFormat1Store(body: StoreBody, macKey: Buffer): string {
  const bodyText = JSON.stringify(body);
  return `{"format":"secret-manager-local-store","formatVersion":1,"mac":"${authenticationCode(macKey, bodyText)}","body":${bodyText}}\n`;
}
