/** Characters that make good anchors: rare in ordinary code, or at least not letters of words. */
const GOOD_ANCHOR = /[_@=:\-./A-Z]/;
/** A run of three or more punctuation characters ('://'): rarer than any one of its characters. */
const PUNCTUATION_RUN = /[^A-Za-z0-9\s]{3,}/g;

/** The text a literal is anchored on, and where it sits in the literal. */
interface AnchorChoice {
  readonly anchor: string;
  readonly offset: number;
}

/**
 * Chooses each literal's anchor, for the literals that have a good one (the others are searched
 * for whole). Each distinct anchor costs one indexOf pass over the text. A punctuation run that
 * two or more literals share anchors them ('://': 22 thousand times on the bench tree against
 * 311 thousand for ':', and 3 ms against 8 ms for the pass over ':' with its comparisons). The
 * rest are anchored on one character by a greedy cover: the character that anchors the most
 * literals first. On the bench tree a pass over '_' cost about 1 ms, over an uppercase letter
 * 2–5 ms. A lowercase-only literal has no good anchor: its rarest letter ('p' of "dapi") occurs
 * hundreds of thousands of times, and the pass over it cost 10 ms, against 5 ms for indexOf of
 * the literal whole.
 */
function chooseAnchors(literals: readonly string[]): (AnchorChoice | undefined)[] {
  const chosen: (AnchorChoice | undefined)[] = literals.map(() => undefined);
  const literalsByRun = new Map<string, number[]>();
  literals.forEach((literal, index) => {
    for (const run of new Set(literal.match(PUNCTUATION_RUN) ?? [])) {
      const holders = literalsByRun.get(run);
      if (holders) holders.push(index);
      else literalsByRun.set(run, [index]);
    }
  });
  for (const [run, holders] of literalsByRun) {
    if (holders.length < 2) continue;
    for (const index of holders) chosen[index] ??= { anchor: run, offset: literals[index].indexOf(run) };
  }
  const candidates = literals.map((literal) => [...new Set(literal)].filter((character) => GOOD_ANCHOR.test(character)));
  let unassigned = literals.map((_, index) => index).filter((index) => chosen[index] === undefined && candidates[index].length > 0);
  while (unassigned.length > 0) {
    const coverage = new Map<string, number>();
    for (const index of unassigned) for (const character of candidates[index]) coverage.set(character, (coverage.get(character) ?? 0) + 1);
    const [best] = [...coverage].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))[0];
    for (const index of unassigned) if (candidates[index].includes(best)) chosen[index] = { anchor: best, offset: literals[index].indexOf(best) };
    unassigned = unassigned.filter((index) => chosen[index] === undefined);
  }
  return chosen;
}

interface AnchoredLiteral {
  readonly index: number;
  readonly literal: string;
  /** Where the anchor sits in the literal. */
  readonly offset: number;
  /** Every occurrence is recorded, not only the first (LiteralScan.positions). */
  readonly tracked: boolean;
}

/** What a scan found. */
export interface LiteralScan {
  /** For each literal, by its index in `literals`: whether the text holds it. */
  readonly found: boolean[];
  /** For each tracked literal the text holds, by its index: the offsets where it starts, ascending. */
  readonly positions: (number[] | undefined)[];
}

/**
 * Literal buckets by a neighbouring character's code, ASCII only (literals whose neighbouring
 * character is not ASCII are compared at every occurrence instead): a plain array lookup, which
 * keeps the hot loop small for the optimising compiler.
 */
class BucketsByCode {
  private readonly ascii: (AnchoredLiteral[] | undefined)[] = new Array<AnchoredLiteral[] | undefined>(128).fill(undefined);
  size = 0;

  add(code: number, entry: AnchoredLiteral): void {
    if (code >= 128) throw new Error('BucketsByCode holds ASCII codes only.');
    (this.ascii[code] ??= []).push(entry);
    this.size += 1;
  }

  get(code: number): AnchoredLiteral[] | undefined {
    return code < 128 ? this.ascii[code] : undefined;
  }
}

interface Anchor {
  /** One character, or a punctuation run. */
  readonly text: string;
  /** The literals anchored here and not ending with the anchor, by the character after it. */
  readonly byNext: BucketsByCode;
  /** The literals that end with the anchor, by the character before it. */
  readonly byPrevious: BucketsByCode;
  /** The literals compared at every occurrence: the anchor itself, and those whose neighbouring character is not ASCII. */
  readonly alone: AnchoredLiteral[];
  /** The anchor's scan must go on to the end of the text. */
  hasTracked: boolean;
}

/**
 * Tells which of many exact-case literals occur in a text, in about the time of a few searches
 * for one character. Each literal is anchored on one of its characters or a punctuation run
 * (chooseAnchors); every occurrence of an anchor is found with indexOf, and only the literals anchored there,
 * with the right neighbouring character, are compared. On the 20 MB bench tree, 80 literals took
 * about 20 ms this way; one alternation regex of them took 80 ms, and includes() for each 260 ms.
 * A literal without a good anchor (lowercase letters only) is searched for whole.
 */
export class LiteralScanner {
  private readonly anchors: readonly Anchor[];
  /** The literals without a good anchor, by index. */
  private readonly searchedWhole: readonly { readonly index: number; readonly literal: string; readonly tracked: boolean }[];

  /** @param tracked Literals whose every occurrence is wanted (for rules run on the lines holding them). */
  constructor(
    readonly literals: readonly string[],
    tracked: ReadonlySet<string> = new Set(),
  ) {
    if (literals.some((literal) => literal.length === 0)) throw new Error('An empty literal occurs everywhere.');
    const byText = new Map<string, Anchor>();
    const choices = chooseAnchors(literals);
    const searchedWhole: { index: number; literal: string; tracked: boolean }[] = [];
    literals.forEach((literal, index) => {
      const choice = choices[index];
      if (choice === undefined) {
        searchedWhole.push({ index, literal, tracked: tracked.has(literal) });
        return;
      }
      const { anchor: text, offset } = choice;
      const entry = { index, literal, offset, tracked: tracked.has(literal) };
      let anchor = byText.get(text);
      if (!anchor) byText.set(text, (anchor = { text, byNext: new BucketsByCode(), byPrevious: new BucketsByCode(), alone: [], hasTracked: false }));
      if (entry.tracked) anchor.hasTracked = true;
      const after = offset + text.length;
      const next = after < literal.length ? literal.charCodeAt(after) : undefined;
      const previous = offset > 0 ? literal.charCodeAt(offset - 1) : undefined;
      if (next !== undefined && next < 128) anchor.byNext.add(next, entry);
      else if (next === undefined && previous !== undefined && previous < 128) anchor.byPrevious.add(previous, entry);
      else anchor.alone.push(entry);
    });
    this.anchors = [...byText.values()];
    this.searchedWhole = searchedWhole;
  }

  /** For each literal, by its index in `literals`: whether the text holds it. */
  occurring(text: string): boolean[] {
    return this.scan(text).found;
  }

  /** Which literals the text holds, and where the tracked ones start. */
  scan(text: string): LiteralScan {
    const found = new Array<boolean>(this.literals.length).fill(false);
    const positions = new Array<number[] | undefined>(this.literals.length).fill(undefined);
    // Indexed loops here and below: a scan runs mostly before V8 optimises this code, and
    // unoptimised for…of allocates an iterator and a result object per step.
    for (let whole = 0; whole < this.searchedWhole.length; whole += 1) searchWhole(this.searchedWhole[whole], text, found, positions);
    for (let anchorIndex = 0; anchorIndex < this.anchors.length; anchorIndex += 1) scanAnchor(this.anchors[anchorIndex], text, found, positions);
    return { found, positions };
  }
}

/** Looks for a literal without an anchor: includes(), then every start if it is tracked. */
function searchWhole(
  { index, literal, tracked }: { readonly index: number; readonly literal: string; readonly tracked: boolean },
  text: string,
  found: boolean[],
  positions: (number[] | undefined)[],
): void {
  found[index] = text.includes(literal);
  if (!tracked || !found[index]) return;
  const starts: number[] = [];
  for (let position = text.indexOf(literal); position !== -1; position = text.indexOf(literal, position + 1)) starts.push(position);
  positions[index] = starts;
}

/**
 * Visits every occurrence of one anchor and compares the literals anchored there. A function of
 * its own, small, for the optimising compiler: its loop runs hot in every file.
 */
function scanAnchor(anchor: Anchor, text: string, found: boolean[], positions: (number[] | undefined)[]): void {
  const { text: anchorText, byNext, byPrevious, alone, hasTracked } = anchor;
  const length = anchorText.length;
  const checksNext = byNext.size > 0;
  const checksPrevious = byPrevious.size > 0;
  let missing = byNext.size + byPrevious.size + alone.length;
  for (let position = text.indexOf(anchorText); position !== -1; position = text.indexOf(anchorText, position + 1)) {
    if (checksNext) {
      const bucket = byNext.get(text.charCodeAt(position + length));
      if (bucket) missing -= compare(bucket, text, position, found, positions);
    }
    if (checksPrevious) {
      const bucket = byPrevious.get(text.charCodeAt(position - 1));
      if (bucket) missing -= compare(bucket, text, position, found, positions);
    }
    if (alone.length > 0) missing -= compare(alone, text, position, found, positions);
    if (missing === 0 && !hasTracked) break;
  }
}

/**
 * Marks the bucket's literals that sit at `position`, and records where the tracked ones start;
 * returns how many were newly found.
 */
function compare(bucket: readonly AnchoredLiteral[], text: string, position: number, found: boolean[], positions: (number[] | undefined)[]): number {
  let newlyFound = 0;
  for (let bucketIndex = 0; bucketIndex < bucket.length; bucketIndex += 1) {
    const entry = bucket[bucketIndex];
    if (found[entry.index] && !entry.tracked) continue;
    const start = position - entry.offset;
    if (start >= 0 && text.startsWith(entry.literal, start)) {
      if (entry.tracked) (positions[entry.index] ??= []).push(start);
      if (!found[entry.index]) {
        found[entry.index] = true;
        newlyFound += 1;
      }
    }
  }
  return newlyFound;
}
