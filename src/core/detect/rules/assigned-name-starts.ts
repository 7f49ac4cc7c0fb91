import { mergeAscending } from './merge-ascending';

/**
 * Every spelling of an alternation of names written with literal characters, optional characters
 * (`s?`) and optional classes (`[_-]?`): 'api[_-]?key|tokens?' → apikey, api_key, api-key,
 * token, tokens. Anything else in the source is an error, so that no spelling is missed.
 */
export function spellingsOf(alternation: string): string[] {
  return alternation.split('|').flatMap((alternative) => {
    let spellings = [''];
    for (const [, optionalClass, optionalCharacter, character] of alternative.matchAll(/\[([^\]\\]+)\]\?|([a-z0-9_-])\?|([a-z0-9_-])|./gi)) {
      if (optionalClass !== undefined) spellings = spellings.flatMap((spelling) => [spelling, ...[...optionalClass].map((choice) => spelling + choice)]);
      else if (optionalCharacter !== undefined) spellings = spellings.flatMap((spelling) => [spelling, spelling + optionalCharacter]);
      else if (character !== undefined) spellings = spellings.map((spelling) => spelling + character);
      else throw new Error(`Cannot spell out the name pattern ${alternative}`);
    }
    return spellings;
  });
}

const QUESTION_MARK = 63;
const SPACE = 32;
const TAB = 9;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const UNDERSCORE = 95;
const DASH = 45;
const CLOSING_BRACKET = 93;
const BACKSLASH = 92;
const LETTER_G = 103;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Finds where a name ends right before an assignment: the name, an optional number of one or two
 * digits, an optional closing quote (escaped or not) and bracket (`["API_TOKEN"] =`), blanks (space or tab) and Go's
 * ` string` type, then `?:`, `:` or `=`. Searching for the rare `:` and `=` and looking back from
 * them costs half of what a regex starting with the names costs over a whole file, since such a
 * regex tries its first letters at every offset.
 */
export function assignedNameStarts(alternation: string): (text: string) => number[] {
  const spellingsByLastCode = spellingsByLastCodeOf(alternation);
  const collect = (text: string, sign: string, starts: number[]) => {
    for (let position = text.indexOf(sign); position !== -1; position = text.indexOf(sign, position + 1)) {
      let end = position;
      if (text.charCodeAt(end - 1) === QUESTION_MARK && sign === ':') end -= 1;
      let code = text.charCodeAt(end - 1);
      while (code === SPACE || code === TAB) code = text.charCodeAt(--end - 1);
      // Go's `var apiToken string = "…"`: the type between the name and "=".
      if (sign === '=' && code === LETTER_G && endsWithIgnoringAsciiCase(text, end, ' string')) {
        end -= ' string'.length;
        code = text.charCodeAt(end - 1);
        while (code === SPACE || code === TAB) code = text.charCodeAt(--end - 1);
      }
      // `os.environ["API_TOKEN"] = …`: a key in brackets.
      if (code === CLOSING_BRACKET && sign === '=') code = text.charCodeAt(--end - 1);
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) code = text.charCodeAt(--end - 1);
      // JSON escaped inside a string: `\"password\":`.
      if (code === BACKSLASH && (text.charCodeAt(end) === DOUBLE_QUOTE || text.charCodeAt(end) === SINGLE_QUOTE)) code = text.charCodeAt(--end - 1);
      // A number of one or two digits, after "_", "-" or nothing, may follow the name: `test_password1`.
      if (isDigitCode(code)) {
        code = text.charCodeAt(--end - 1);
        if (isDigitCode(code)) code = text.charCodeAt(--end - 1);
        if (code === UNDERSCORE || code === DASH) code = text.charCodeAt(--end - 1);
      }
      // NaN (before the text) and non-ASCII codes find no slot.
      const spellings = spellingsByLastCode[code >= 65 && code <= 90 ? code + 32 : code];
      if (spellings === undefined) continue;
      // Indexed: unoptimised for…of allocates per step, and a scan runs mostly unoptimised.
      for (let index = 0; index < spellings.length; index += 1) {
        if (endsWithIgnoringAsciiCase(text, end, spellings[index])) starts.push(end - spellings[index].length);
      }
    }
  };
  // Each sign's starts ascend: a name holds no ":" or "=", so it starts after the sign before.
  return (text) => {
    const afterColons: number[] = [];
    const afterEquals: number[] = [];
    collect(text, ':', afterColons);
    collect(text, '=', afterEquals);
    return mergeAscending(afterColons, afterEquals);
  };
}

/** The spellings of the names by the code of their last character, lower-cased (the names are ASCII, so 128 slots), longest first. */
function spellingsByLastCodeOf(alternation: string): (string[] | undefined)[] {
  const spellingsByLastCode: (string[] | undefined)[] = new Array<string[] | undefined>(128).fill(undefined);
  for (const spelling of new Set(spellingsOf(alternation.toLowerCase()))) {
    const last = spelling.charCodeAt(spelling.length - 1);
    if (last >= 128 || (last >= 65 && last <= 90)) throw new Error(`Not a lower-case ASCII name: ${spelling}`);
    (spellingsByLastCode[last] ??= []).push(spelling);
  }
  // Longest first: the starts of names ending at one place then ascend.
  for (const spellings of spellingsByLastCode) spellings?.sort((left, right) => right.length - left.length);
  return spellingsByLastCode;
}

const BACKTICK = 96;

/** The openings of the last text asked about: two rules look back from the same ones. */
let openingsOf: { readonly text: string; readonly openings: readonly number[] } | undefined;

/** Where "(" stands right before a quote, ascending: each call whose first argument is a string literal. */
export function quotedCallOpenings(text: string): readonly number[] {
  if (openingsOf?.text !== text) {
    const openings: number[] = [];
    for (let position = text.indexOf('('); position !== -1; position = text.indexOf('(', position + 1)) {
      const next = text.charCodeAt(position + 1);
      if (next === DOUBLE_QUOTE || next === SINGLE_QUOTE || next === BACKTICK) openings.push(position);
    }
    openingsOf = { text, openings };
  }
  return openingsOf.openings;
}

/**
 * Finds where a name ends right before a call whose first argument is a string literal:
 * `setPassword("…")`, `.apiKey('…')`. Only "(" right before a quote is looked back from.
 */
export function calledNameStarts(alternation: string): (text: string) => number[] {
  const spellingsByLastCode = spellingsByLastCodeOf(alternation);
  return (text) => {
    const starts: number[] = [];
    const openings = quotedCallOpenings(text);
    for (let index = 0; index < openings.length; index += 1) {
      const position = openings[index];
      const code = text.charCodeAt(position - 1);
      const spellings = spellingsByLastCode[code >= 65 && code <= 90 ? code + 32 : code];
      if (spellings === undefined) continue;
      for (let index = 0; index < spellings.length; index += 1) {
        if (endsWithIgnoringAsciiCase(text, position, spellings[index])) starts.push(position - spellings[index].length);
      }
    }
    return starts;
  };
}

/** What a /i regex without the u flag matches: ASCII letters in either case, nothing else folded. */
export function endsWithIgnoringAsciiCase(text: string, end: number, lowercase: string): boolean {
  const start = end - lowercase.length;
  if (start < 0) return false;
  for (let index = 0; index < lowercase.length; index += 1) {
    let code = text.charCodeAt(start + index);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lowercase.charCodeAt(index)) return false;
  }
  return true;
}
