import { escapeRegExp } from './project-rule';

/** A case-insensitive literal (lower-cased), its index, and where its anchoring part sits in it. */
interface PlacedLiteral {
  readonly index: number;
  readonly literal: string;
  readonly offset: number;
}

/** Case-insensitive literals found through their letterless part ("://" in "mysql://"). */
interface AnchoredIgnoringCase {
  readonly part: string;
  /** The scanner's index of `part`: a file without it is not searched. */
  readonly partIndex: number;
  readonly literals: PlacedLiteral[];
  /**
   * The literals with characters before `part`, by the lower-cased code of the one right before
   * it: at the 22 thousand "://" of the bench tree, mostly of "https://", only two are compared.
   */
  readonly byPreviousLetter: (PlacedLiteral[] | undefined)[];
  /** The literals that start with `part`. */
  readonly atStart: PlacedLiteral[];
}

/**
 * Case-insensitive literals without a letterless part ("account", "secretaccess"), found through
 * a part they all hold ("acc"), searched for with a short case-insensitive regex.
 */
interface SharedPartIgnoringCase {
  readonly pattern: RegExp;
  /** The literals, with where the shared part sits in each (0 when the pattern is of the literals). */
  readonly literals: PlacedLiteral[];
  /** The shared part's length; undefined when the pattern is an alternation of the literals. */
  readonly partLength?: number;
}

/**
 * The triggers needed ignoring (ASCII) case. One with a letterless part ("://" in "mysql://") is
 * looked for where the LiteralScanner found that part, exactly; the others through a part they
 * share ("acc" of "account" and "secretaccess"), on the lines where the detector's keyword pass
 * found it.
 */
export class IgnoringCaseLiterals {
  private readonly count: number;
  private readonly anchored: readonly AnchoredIgnoringCase[];
  /** The literals without a letterless part, looked for in every file. */
  private readonly unanchored: SharedPartIgnoringCase | undefined;
  /** The letterless parts, for the LiteralScanner to look for and track. */
  readonly parts: readonly string[];
  /**
   * A keyword for the detector's KeywordFilter that every line holding one of the unanchored
   * literals matches ("acc" before "ount" or "ess"): its one case-insensitive pass then finds
   * their lines. On the bench tree /acc/gi took 6 ms, and in the keyword alternation the part with
   * its lookahead 3 ms more; the literals themselves made the alternation 20 ms slower, their
   * first letters ("a", "s") being the commonest in code.
   */
  readonly keywordRules: readonly GateKeywordRule[];

  /**
   * @param literals Lower-cased, by index.
   * @param indexOfPart The LiteralScanner's index of a letterless part (registering it there).
   */
  constructor(literals: readonly string[], indexOfPart: (part: string) => number) {
    const anchored = new Map<string, AnchoredIgnoringCase>();
    const unanchored: { index: number; literal: string }[] = [];
    literals.forEach((literal, index) => {
      const part = letterlessPart(literal);
      if (part !== '') {
        let group = anchored.get(part);
        if (!group) {
          const byPreviousLetter = new Array<PlacedLiteral[] | undefined>(128).fill(undefined);
          anchored.set(part, (group = { part, partIndex: indexOfPart(part), literals: [], byPreviousLetter, atStart: [] }));
        }
        const placed = { index, literal, offset: literal.indexOf(part) };
        group.literals.push(placed);
        // The character before a longest letterless run is an ASCII letter, lower-cased here.
        if (placed.offset === 0) group.atStart.push(placed);
        else (group.byPreviousLetter[literal.charCodeAt(placed.offset - 1)] ??= []).push(placed);
      } else {
        unanchored.push({ index, literal });
      }
    });
    this.count = literals.length;
    this.anchored = [...anchored.values()];
    this.parts = this.anchored.map(({ part }) => part);
    this.unanchored = unanchored.length > 0 ? searchThroughSharedPart(unanchored) : undefined;
    this.keywordRules = this.unanchored ? [{ id: UNANCHORED_KEYWORD_RULE_ID, keywords: [keywordOf(this.unanchored)] }] : [];
  }

  /**
   * For each literal, by its index: whether the text holds it (ASCII letters in any case).
   * @param found, positions The LiteralScanner's scan, which included (and tracked) the parts.
   * @param keywordLines The KeywordFilter's result, when its rules included `keywordRules`: the
   *   literals without a letterless part are then looked for on those lines only.
   */
  occurring(
    text: string,
    found: readonly boolean[],
    positions: readonly (readonly number[] | undefined)[],
    keywordLines: ReadonlyMap<string, readonly TextRange[]> | undefined,
  ): boolean[] {
    const foundIgnoringCase = new Array<boolean>(this.count).fill(false);
    // Indexed loops: unoptimised for…of allocates per step, and a scan runs mostly unoptimised.
    for (let group = 0; group < this.anchored.length; group += 1) {
      const { partIndex, literals, byPreviousLetter, atStart } = this.anchored[group];
      // The scanner tracked every start of the part: no search of its own.
      const starts = positions[partIndex];
      if (!found[partIndex] || starts === undefined) continue;
      let missing = literals.length;
      for (let startIndex = 0; startIndex < starts.length && missing > 0; startIndex += 1) {
        const position = starts[startIndex];
        let previous = text.charCodeAt(position - 1);
        if (previous >= 65 && previous <= 90) previous += 32;
        const bucket = previous < 128 ? byPreviousLetter[previous] : undefined;
        if (bucket) missing -= markFound(bucket, text, position, foundIgnoringCase);
        if (atStart.length > 0) missing -= markFound(atStart, text, position, foundIgnoringCase);
      }
    }
    const unanchored = this.unanchored;
    if (unanchored) {
      // With the keyword pass's lines, only those are searched; else the whole text.
      const lines = keywordLines ? (keywordLines.get(UNANCHORED_KEYWORD_RULE_ID) ?? []) : [{ start: 0, end: text.length }];
      let missing = unanchored.literals.length;
      for (let line = 0; line < lines.length && missing > 0; line += 1) missing -= searchUnanchored(unanchored, text, lines[line], foundIgnoringCase);
    }
    return foundIgnoringCase;
  }
}

/** Marks the unanchored literals found in [start, end) of the text; returns how many were newly found. */
function searchUnanchored({ pattern, literals, partLength }: SharedPartIgnoringCase, text: string, { start, end }: TextRange, found: boolean[]): number {
  let newlyFound = 0;
  pattern.lastIndex = start;
  while (newlyFound < literals.length) {
    // test() where the match's length is known: exec() would allocate a match per hit.
    let position: number;
    if (partLength !== undefined) {
      if (!pattern.test(text)) break;
      position = pattern.lastIndex - partLength;
    } else {
      const match = pattern.exec(text);
      if (match === null) break;
      position = match.index;
    }
    if (position >= end) break;
    newlyFound += markFound(literals, text, position, found);
    // The part may overlap itself: step one character, not past the match.
    pattern.lastIndex = position + 1;
  }
  return newlyFound;
}

/** Marks the literals found with their anchoring part at `position`; returns how many were newly found. */
function markFound(literals: readonly PlacedLiteral[], text: string, position: number, found: boolean[]): number {
  let newlyFound = 0;
  for (let index = 0; index < literals.length; index += 1) {
    const { index: literalIndex, literal, offset } = literals[index];
    if (!found[literalIndex] && equalsIgnoringAsciiCase(text, position - offset, literal)) {
      found[literalIndex] = true;
      newlyFound += 1;
    }
  }
  return newlyFound;
}

/** The KeywordFilter's id for the unanchored literals' keyword. */
const UNANCHORED_KEYWORD_RULE_ID = 'rule-gate/ignoring-case';

/** A keyword rule for KeywordFilter. */
export interface GateKeywordRule {
  readonly id: string;
  readonly keywords: readonly string[];
}

/** A stretch [start, end) of a text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** The shared part followed by what follows it in one of the literals; or the literals, without one. */
function keywordOf({ pattern, literals, partLength }: SharedPartIgnoringCase): string {
  if (partLength === undefined) return pattern.source;
  const rests = [...new Set(literals.map(({ literal, offset }) => literal.slice(offset + partLength)))];
  const part = literals[0].literal.slice(literals[0].offset, literals[0].offset + partLength);
  return rests.includes('') ? escapeRegExp(part) : `${escapeRegExp(part)}(?=${rests.map(escapeRegExp).join('|')})`;
}

/**
 * A regex for the longest part all the literals hold, when it has three characters or more, else
 * for the whole literals.
 */
function searchThroughSharedPart(literals: readonly { index: number; literal: string }[]): SharedPartIgnoringCase {
  const part = longestSharedPart(literals.map(({ literal }) => literal));
  if (part.length >= 3) {
    const placed = literals.map(({ index, literal }) => ({ index, literal, offset: literal.indexOf(part) }));
    return { pattern: new RegExp(escapeRegExp(part), 'gi'), literals: placed, partLength: part.length };
  }
  return { pattern: new RegExp(literals.map(({ literal }) => escapeRegExp(literal)).join('|'), 'gi'), literals: literals.map(({ index, literal }) => ({ index, literal, offset: 0 })) };
}

/** The longest text that every one of the strings holds ('' when they share nothing). */
function longestSharedPart(strings: readonly string[]): string {
  const shortest = strings.reduce((left, right) => (right.length < left.length ? right : left));
  for (let length = shortest.length; length > 0; length -= 1) {
    for (let start = 0; start + length <= shortest.length; start += 1) {
      const part = shortest.slice(start, start + length);
      if (strings.every((text) => text.includes(part))) return part;
    }
  }
  return '';
}

/**
 * True when `text` holds `lowercaseLiteral` at `start`, ASCII letters in any case: what a /i regex
 * without the u flag matches (it never matches a non-ASCII character to an ASCII one).
 */
function equalsIgnoringAsciiCase(text: string, start: number, lowercaseLiteral: string): boolean {
  if (start < 0 || start + lowercaseLiteral.length > text.length) return false;
  for (let index = 0; index < lowercaseLiteral.length; index += 1) {
    let code = text.charCodeAt(start + index);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lowercaseLiteral.charCodeAt(index)) return false;
  }
  return true;
}

/** The longest run of characters other than ASCII letters in the literal: '://' in 'mysql://'. */
function letterlessPart(literal: string): string {
  return (literal.match(/[^A-Za-z]+/g) ?? []).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

