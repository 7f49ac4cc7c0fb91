import { NAME_PATTERN, NAME_RULE } from '../model';
import { escapeControlCharacters } from '../printable-text';

function quotedList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${escapeControlCharacters(item)}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** What breaks the naming rule, in words: the characters it does not allow, its length, a "-" at an end. */
function nameFaults(name: string): string[] {
  const characters = [...new Set(name)];
  const uppercase = characters.filter((character) => /[A-Z]/.test(character));
  const others = characters.filter((character) => !/[A-Za-z0-9-]/.test(character));
  const faults: string[] = [];
  if (uppercase.length + others.length > 0) {
    const label = uppercase.length === 0 ? '' : uppercase.length === 1 ? 'uppercase letter ' : 'uppercase letters ';
    faults.push(`${label}${quotedList([...uppercase, ...others])} ${uppercase.length + others.length > 1 ? 'are' : 'is'} not allowed`);
  }
  const length = [...name].length;
  if (length < 3 || length > 63) faults.push(`it has ${length} ${length === 1 ? 'character' : 'characters'}`);
  const dashAtStart = name.startsWith('-');
  const dashAtEnd = name.length > 1 && name.endsWith('-');
  if (dashAtStart || dashAtEnd) faults.push(`it ${dashAtStart && dashAtEnd ? 'starts and ends' : dashAtStart ? 'starts' : 'ends'} with "-"`);
  return faults;
}

/**
 * Why `name` cannot be a vault or secret name, or undefined when it follows the rule:
 * `"API_KEY" is not a valid secret name: uppercase letters "A", "P", "I", "K", "E", "Y" and "_" are not allowed. Names must be …`.
 */
export function invalidNameMessage(name: string, what: 'vault' | 'secret'): string | undefined {
  if (NAME_PATTERN.test(name)) return undefined;
  const shown = escapeControlCharacters(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  return `"${shown}" is not a valid ${what} name: ${nameFaults(name).join('; ')}. Names must be ${NAME_RULE}.`;
}
