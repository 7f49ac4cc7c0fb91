import { enclosingOpenBrace, objectOwnText } from '../enclosing-object';

/** How far the enclosing object's braces are looked for: a realm export's client is a few KB. */
const REACH = 30_000;

/**
 * True when the `secret` at `index` belongs to a Keycloak client whose object says `"publicClient": true`:
 * a realm export gives every built-in client a generated secret (`admin-cli`, `account-console`), and
 * Keycloak never uses a public client's.
 */
export function isPublicKeycloakClientSecret(text: string, index: number, name: string): boolean {
  if (name !== 'secret' || !text.includes('"publicClient"')) return false;
  const start = enclosingOpenBrace(text, index + 1, REACH);
  if (start === undefined) return false;
  return /"publicClient"\s*:\s*true\b/.test(objectOwnText(text, start, REACH));
}
