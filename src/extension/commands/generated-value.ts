import { DEFAULT_GENERATED_LENGTH, generatedLengthProblem, generateSecretValue, type GeneratedAlphabet } from '../../core/generate-value';
import type { Prompts } from '../prompts';
import { inputValidator } from './targets';
import { secretValueSchema } from '../../core/model';

const ALPHABET_ITEMS: ReadonlyArray<{ label: string; description: string; alphabet: GeneratedAlphabet }> = [
  { label: 'URL-safe', description: 'letters, digits, - and _ (default)', alphabet: 'url-safe' },
  { label: 'Letters and digits', description: 'A–Z, a–z, 0–9', alphabet: 'alphanumeric' },
  { label: 'Hex', description: '0–9, a–f', alphabet: 'hex' },
];

/** A value prompt's check that lets an empty answer through: it asks for a generated value. */
export function valueOrEmptyValidator(): (value: string) => string | undefined {
  const rule = inputValidator(secretValueSchema);
  return (value) => (value === '' ? undefined : rule(value));
}

export const GENERATE_HINT = 'leave empty to generate a random value';

/**
 * Asks how to generate a value (alphabet, then length, 32 by default) and makes it with
 * crypto.randomBytes, so a new password never passes through the clipboard. Undefined when dismissed.
 */
export async function askForGeneratedValue(prompts: Prompts, title: string): Promise<string | undefined> {
  const alphabet = await prompts.pick('secret.generateAlphabet', ALPHABET_ITEMS, { title, placeHolder: 'Characters of the generated value' });
  if (!alphabet) return undefined;
  const length = await prompts.input('secret.generateLength', {
    title,
    prompt: 'Length of the generated value',
    value: String(DEFAULT_GENERATED_LENGTH),
    validateInput: (text) => (/^[0-9]{1,5}$/.test(text) ? generatedLengthProblem(Number(text)) : 'Type a whole number.'),
  });
  if (length === undefined) return undefined;
  return generateSecretValue(Number(length), alphabet.alphabet);
}
