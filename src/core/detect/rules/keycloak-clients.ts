import { enclosingOpenBrace } from '../enclosing-object';

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
  return /"publicClient"\s*:\s*true\b/.test(topLevelText(text, start));
}

/** The object's own members, without those of the objects and lists nested in it. */
function topLevelText(text: string, start: number): string {
  let depth = 0;
  let own = '';
  for (let position = start + 1; position < Math.min(text.length, start + REACH); position += 1) {
    const character = text[position];
    if (character === '{' || character === '[') depth += 1;
    else if (character === '}' || character === ']') {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0) own += character;
  }
  return own;
}
