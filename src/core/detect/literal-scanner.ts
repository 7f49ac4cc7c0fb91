/** Characters that make good anchors: rare in ordinary code, or at least not letters of words. */
const GOOD_ANCHOR = /[_@=:\-./A-Z]/;
/** Lowercase letters from rarest to most common, for a literal with no good anchor. */
const LOWERCASE_RARITY = 'qjzxkvwybgfpmuchdlrsnioate';

/**
 * Chooses each literal's anchor character. Each distinct anchor costs one indexOf pass over the
 * text, so the choice is a greedy cover: the character that anchors the most literals first. On the
 * bench tree a pass over '_' cost about 1 ms, over an uppercase letter or ':' 2–5 ms, and a search
 * for a lowercase-only literal as a whole 7 ms.
 */
function chooseAnchors(literals: readonly string[]): number[] {
  const candidates = literals.map((literal) => {
    const good = [...new Set(literal)].filter((character) => GOOD_ANCHOR.test(character));
    if (good.length > 0) return good;
    const rarest = [...LOWERCASE_RARITY].find((character) => literal.includes(character));
    return rarest ? [rarest] : [literal[0]];
  });
  const offsets = literals.map(() => -1);
  let unassigned = literals.map((_, index) => index);
  while (unassigned.length > 0) {
    const coverage = new Map<string, number>();
    for (const index of unassigned) for (const character of candidates[index]) coverage.set(character, (coverage.get(character) ?? 0) + 1);
    const [best] = [...coverage].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))[0];
    for (const index of unassigned) if (candidates[index].includes(best)) offsets[index] = literals[index].indexOf(best);
    unassigned = unassigned.filter((index) => offsets[index] === -1);
  }
  return offsets;
}

interface AnchoredLiteral {
  readonly index: number;
  readonly literal: string;
  /** Where the anchor character sits in the literal. */
  readonly offset: number;
}

/** Literal buckets by a neighbouring character's code: an array for ASCII (the hot path), a map beyond. */
class BucketsByCode {
  private readonly ascii: (AnchoredLiteral[] | undefined)[] = new Array<AnchoredLiteral[] | undefined>(128).fill(undefined);
  private readonly other = new Map<number, AnchoredLiteral[]>();
  size = 0;

  add(code: number, entry: AnchoredLiteral): void {
    const bucket = this.get(code);
    if (bucket) bucket.push(entry);
    else if (code < 128) this.ascii[code] = [entry];
    else this.other.set(code, [entry]);
    this.size += 1;
  }

  get(code: number): AnchoredLiteral[] | undefined {
    return code < 128 ? this.ascii[code] : this.other.get(code);
  }
}

interface Anchor {
  readonly character: string;
  /** The literals anchored on this character and not ending there, by the character after it. */
  readonly byNext: BucketsByCode;
  /** The literals that end with this character, by the character before it. */
  readonly byPrevious: BucketsByCode;
  /** One-character literals. */
  readonly alone: AnchoredLiteral[];
}

/**
 * Tells which of many exact-case literals occur in a text, in about the time of a few searches
 * for one character. Each literal is anchored on one of its characters (anchorOffset); every
 * occurrence of an anchor character is found with indexOf, and only the literals anchored there,
 * with the right neighbouring character, are compared. On the 20 MB bench tree, 80 literals took
 * about 20 ms this way; one alternation regex of them took 80 ms, and includes() for each 260 ms.
 */
export class LiteralScanner {
  private readonly anchors: readonly Anchor[];

  constructor(readonly literals: readonly string[]) {
    if (literals.some((literal) => literal.length === 0)) throw new Error('An empty literal occurs everywhere.');
    const byCharacter = new Map<string, Anchor>();
    const offsets = chooseAnchors(literals);
    literals.forEach((literal, index) => {
      const offset = offsets[index];
      const entry = { index, literal, offset };
      const character = literal[offset];
      let anchor = byCharacter.get(character);
      if (!anchor) byCharacter.set(character, (anchor = { character, byNext: new BucketsByCode(), byPrevious: new BucketsByCode(), alone: [] }));
      if (offset + 1 < literal.length) anchor.byNext.add(literal.charCodeAt(offset + 1), entry);
      else if (offset > 0) anchor.byPrevious.add(literal.charCodeAt(offset - 1), entry);
      else anchor.alone.push(entry);
    });
    this.anchors = [...byCharacter.values()];
  }

  /** For each literal, by its index in `literals`: whether the text holds it. */
  occurring(text: string): boolean[] {
    const found = new Array<boolean>(this.literals.length).fill(false);
    for (const { character, byNext, byPrevious, alone } of this.anchors) {
      const checksNext = byNext.size > 0;
      const checksPrevious = byPrevious.size > 0;
      let missing = byNext.size + byPrevious.size + alone.length;
      for (let position = text.indexOf(character); position !== -1; position = text.indexOf(character, position + 1)) {
        if (checksNext) {
          const bucket = byNext.get(text.charCodeAt(position + 1));
          if (bucket) missing -= compare(bucket, text, position, found);
        }
        if (checksPrevious) {
          const bucket = byPrevious.get(text.charCodeAt(position - 1));
          if (bucket) missing -= compare(bucket, text, position, found);
        }
        if (alone.length > 0) missing -= compare(alone, text, position, found);
        if (missing === 0) break;
      }
    }
    return found;
  }
}

/** Marks the bucket's literals that sit at `position`; returns how many were newly found. */
function compare(bucket: readonly AnchoredLiteral[], text: string, position: number, found: boolean[]): number {
  let newlyFound = 0;
  for (const entry of bucket) {
    if (found[entry.index]) continue;
    const start = position - entry.offset;
    if (start >= 0 && text.startsWith(entry.literal, start)) {
      found[entry.index] = true;
      newlyFound += 1;
    }
  }
  return newlyFound;
}
