import { createHash } from 'node:crypto';
import { NAME_PATTERN, type SecretReference } from '../model';

/** The vault that shows objects whose names carry no "vault/" prefix of ours. */
export const DEFAULT_WORKOS_VAULT = 'default';

/**
 * How a WorkOS object name maps onto a vault and a key:
 * - "vault/key", both following the naming rule: that vault and key;
 * - a bare name that follows the rule: that key in the default vault;
 * - any other name (uppercase, spaces, more slashes…): the default vault, under a key made of the name
 *   in lowercase with other characters as "-", and six hex digits of the name's SHA-256 so that two such
 *   names never share a key.
 */
export function referenceOfObjectName(name: string): SecretReference {
  const slash = name.indexOf('/');
  if (slash > 0 && name.indexOf('/', slash + 1) === -1) {
    const vault = name.slice(0, slash);
    const key = name.slice(slash + 1);
    if (NAME_PATTERN.test(vault) && NAME_PATTERN.test(key)) return { vault, key };
  }
  if (NAME_PATTERN.test(name)) return { vault: DEFAULT_WORKOS_VAULT, key: name };
  return { vault: DEFAULT_WORKOS_VAULT, key: derivedKey(name) };
}

/** The object name a new secret gets: always "vault/key", so it maps back to the same reference. */
export function objectNameOf(reference: SecretReference): string {
  return `${reference.vault}/${reference.key}`;
}

function derivedKey(name: string): string {
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 6);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 55);
  return slug ? `${slug}-${digest}` : `object-${digest}`;
}
