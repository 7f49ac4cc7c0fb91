import type { SecretReference } from '../model';
import { NAME_PATTERN, NAME_RULE } from '../name-rule';
import { escapeControlCharacters } from '../printable-text';

/** The scheme of a secret reference in an env file: `STRIPE_KEY=secret-manager://api-keys/stripe-secret-key`. */
export const SECRET_URI_SCHEME = 'secret-manager://';

/** `secret-manager://vault/key`. */
export function formatSecretUri(reference: SecretReference): string {
  return `${SECRET_URI_SCHEME}${reference.vault}/${reference.key}`;
}

/** The parts of a value written with the scheme, as typed (possibly invalid names); undefined without the scheme. */
export interface SecretUriParts {
  readonly vault: string;
  readonly key: string;
  /** Offsets of the vault and key names inside the value. */
  readonly vaultStart: number;
  readonly keyStart: number;
  /** Whether the value has the `/` between vault and key. */
  readonly hasSeparator: boolean;
}

export function secretUriParts(value: string): SecretUriParts | undefined {
  if (!value.startsWith(SECRET_URI_SCHEME)) return undefined;
  const rest = value.slice(SECRET_URI_SCHEME.length);
  const slash = rest.indexOf('/');
  const vaultStart = SECRET_URI_SCHEME.length;
  if (slash < 0) return { vault: rest, key: '', vaultStart, keyStart: value.length, hasSeparator: false };
  return { vault: rest.slice(0, slash), key: rest.slice(slash + 1), vaultStart, keyStart: vaultStart + slash + 1, hasSeparator: true };
}

/** Why a value written with the scheme is not a valid reference; undefined when it is one. */
export function secretUriProblem(value: string): string | undefined {
  const parts = secretUriParts(value);
  if (parts === undefined) return `A reference starts with ${SECRET_URI_SCHEME}.`;
  const shown = (text: string) => `"${escapeControlCharacters(text.slice(0, 80))}"`;
  if (!parts.hasSeparator) return `${shown(value)} names no secret: write ${SECRET_URI_SCHEME}<vault>/<key>.`;
  if (!NAME_PATTERN.test(parts.vault)) return `${shown(parts.vault)} is not a valid vault name: names must be ${NAME_RULE}.`;
  if (!NAME_PATTERN.test(parts.key)) return `${shown(parts.key)} is not a valid secret name: names must be ${NAME_RULE}.`;
  return undefined;
}

/** The reference a value names, when it is a valid `secret-manager://vault/key`. */
export function parseSecretUri(value: string): SecretReference | undefined {
  const parts = secretUriParts(value);
  if (parts === undefined || secretUriProblem(value) !== undefined) return undefined;
  return { vault: parts.vault, key: parts.key };
}
