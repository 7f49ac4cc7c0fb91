import { InvalidInputError, parseInput, secretReferenceSchema, type SecretReference } from './model';

/** The ways a reference is written in code. */
export type ReferenceForm = 'object' | 'idp' | 'getSecret';

/** The source text of a reference, in the form that fits where it goes; `object` suits executor headers. */
export function formatReferenceText(reference: SecretReference, form: ReferenceForm = 'object'): string {
  const vault = JSON.stringify(reference.vault);
  const key = JSON.stringify(reference.key);
  switch (form) {
    case 'object':
      return `{ vault: ${vault}, key: ${key} }`;
    case 'idp':
      return `{ vaultName: ${vault}, secretKey: ${key} }`;
    case 'getSecret':
      return `tailor.secretmanager.getSecret(${vault}, ${key})`;
  }
}

/**
 * Reads a reference given as `{ vault, key }` or as a "vault/key" string, as a launch.json
 * input or another extension may pass it. Names are validated with the naming rule.
 */
export function parseReferenceArgument(argument: unknown): SecretReference {
  if (typeof argument === 'string') {
    const parts = argument.split('/');
    if (parts.length !== 2) {
      throw new InvalidInputError(`Invalid reference "${argument.slice(0, 130)}": write it as "vault/key".`);
    }
    return parseInput(secretReferenceSchema, { vault: parts[0], key: parts[1] });
  }
  if (typeof argument !== 'object' || argument === null) {
    throw new InvalidInputError('Missing reference: pass { "vault": "…", "key": "…" } or "vault/key".');
  }
  const { vault, key } = argument as Record<string, unknown>;
  return parseInput(secretReferenceSchema, { vault, key });
}
