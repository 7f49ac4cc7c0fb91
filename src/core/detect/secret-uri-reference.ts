import { SECRET_URI_SCHEME } from '../env-file/secret-uri';

/** `secret-manager://vault/key`, with only the characters names may hold. */
const REFERENCE = /secret-manager:\/\/[a-z0-9-]+\/[a-z0-9-]+/g;

/**
 * True when text[start, end) lies inside a `secret-manager://vault/key` reference on its line: a
 * key named like a token (`key-0a1b…`) is a name, not a leak. A credential pasted after the scheme
 * holds characters names cannot (`_`, capitals), so it reaches past the reference and is still reported.
 */
export function isInsideSecretReference(text: string, lineStart: number, start: number, end: number): boolean {
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  if (!line.includes(SECRET_URI_SCHEME)) return false;
  for (const match of line.matchAll(REFERENCE)) {
    const referenceStart = lineStart + match.index;
    if (referenceStart <= start && end <= referenceStart + match[0].length) return true;
  }
  return false;
}
