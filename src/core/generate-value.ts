import { randomBytes } from 'node:crypto';
import { InvalidInputError } from './model';

/** The characters a generated value is made of. */
export const GENERATED_ALPHABETS = {
  'url-safe': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
} as const;

export type GeneratedAlphabet = keyof typeof GENERATED_ALPHABETS;

export const DEFAULT_GENERATED_LENGTH = 32;
export const LONGEST_GENERATED_LENGTH = 4096;

/** Why `length` cannot be a generated value's length; undefined when it can. */
export function generatedLengthProblem(length: number): string | undefined {
  if (!Number.isInteger(length) || length < 16 || length > LONGEST_GENERATED_LENGTH) {
    return `A generated value is 16 to ${LONGEST_GENERATED_LENGTH} characters long.`;
  }
  return undefined;
}

/**
 * A random value from `crypto.randomBytes`: by default 32 URL-safe characters (192 bits). Each
 * character is drawn without bias: bytes that would favour the first characters of an alphabet
 * whose size does not divide 256 are drawn again.
 */
export function generateSecretValue(length = DEFAULT_GENERATED_LENGTH, alphabet: GeneratedAlphabet = 'url-safe'): string {
  const problem = generatedLengthProblem(length);
  if (problem !== undefined) throw new InvalidInputError(problem);
  const characters = GENERATED_ALPHABETS[alphabet];
  const limit = 256 - (256 % characters.length);
  let value = '';
  while (value.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      value += characters[byte % characters.length];
      if (value.length === length) break;
    }
  }
  return value;
}
