// No imports: the scan command and the activation bundle use this without loading zod.

/** C0 and C1 controls, and the bidirectional and line-separator marks that reorder or break a printed line. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Control characters as JSON escapes (\n, \u001b), so quoted text can't break a line or drive a terminal. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const escaped = JSON.stringify(character).slice(1, -1);
    return escaped !== character ? escaped : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Text someone else chose (a server, a repository), safe to print: control characters escaped, at most `limit` characters. */
export function printableText(text: string, limit: number): string {
  const escaped = escapeControlCharacters(text);
  return escaped.length <= limit ? escaped : `${escaped.slice(0, limit)}… (${escaped.length - limit} more characters)`;
}
