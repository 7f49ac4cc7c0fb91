/**
 * Where a literal is anchored: the first of these characters it holds, else its first uppercase
 * letter, else a '.'. Each anchor character costs one indexOf pass over the text, so few of them
 * shared by many literals is what keeps the scan fast ('_' anchors most token prefixes). Measured
 * on the bench tree, a pass over a rare character cost 0.1–1 ms, over an uppercase letter 2–3 ms,
 * over a common lowercase letter 7–10 ms: a literal without any of these is searched for whole.
 */
const PREFERRED_ANCHORS = '_@=:-';

/** The offset of the literal's anchor character, or -1 when it should be searched for whole. */
function anchorOffset(literal: string): number {
  for (const character of PREFERRED_ANCHORS) {
    const offset = literal.indexOf(character);
    if (offset !== -1) return offset;
  }
  const uppercase = literal.search(/[A-Z]/);
  return uppercase !== -1 ? uppercase : literal.indexOf('.');
}

interface AnchoredLiteral {
  readonly index: number;
  readonly literal: string;
  /** Where the anchor character sits in the literal. */
  readonly offset: number;
}

interface Anchor {
  readonly character: string;
  /** The literals anchored on this character and not ending there, by the code of the character after it. */
  readonly byNextCode: ReadonlyMap<number, readonly AnchoredLiteral[]>;
  /** The literals that end with this character, by the code of the character before it. */
  readonly byPreviousCode: ReadonlyMap<number, readonly AnchoredLiteral[]>;
  /** One-character literals. */
  readonly alone: readonly AnchoredLiteral[];
  readonly literalCount: number;
}

/**
 * Tells which of many exact-case literals occur in a text, in about the time of a few searches
 * for one character. Each literal is anchored on its rarest character; every occurrence of that
 * character is found with indexOf (V8 runs a one-character search at memory-scan speed), and only
 * the literals anchored there, with the right next character, are compared. On the 20 MB bench
 * tree, 70 literals took about 10 ms this way; one alternation regex of them took 80 ms, and 70
 * includes() calls 260 ms.
 */
export class LiteralScanner {
  private readonly anchors: readonly Anchor[];
  private readonly whole: AnchoredLiteral[] = [];

  constructor(readonly literals: readonly string[]) {
    const byCharacter = new Map<string, { byNextCode: Map<number, AnchoredLiteral[]>; byPreviousCode: Map<number, AnchoredLiteral[]>; alone: AnchoredLiteral[] }>();
    const add = (map: Map<number, AnchoredLiteral[]>, code: number, entry: AnchoredLiteral) => {
      map.set(code, [...(map.get(code) ?? []), entry]);
    };
    literals.forEach((literal, index) => {
      if (literal.length === 0) throw new Error('An empty literal occurs everywhere.');
      const offset = anchorOffset(literal);
      if (offset === -1) {
        this.whole.push({ index, literal, offset });
        return;
      }
      const character = literal[offset];
      const anchor = byCharacter.get(character) ?? {
        byNextCode: new Map<number, AnchoredLiteral[]>(),
        byPreviousCode: new Map<number, AnchoredLiteral[]>(),
        alone: [] as AnchoredLiteral[],
      };
      byCharacter.set(character, anchor);
      const entry = { index, literal, offset };
      if (offset + 1 < literal.length) add(anchor.byNextCode, literal.charCodeAt(offset + 1), entry);
      else if (offset > 0) add(anchor.byPreviousCode, literal.charCodeAt(offset - 1), entry);
      else anchor.alone.push(entry);
    });
    this.anchors = [...byCharacter].map(([character, anchor]) => ({
      character,
      ...anchor,
      literalCount: [...anchor.byNextCode.values(), ...anchor.byPreviousCode.values(), anchor.alone].reduce((sum, bucket) => sum + bucket.length, 0),
    }));
  }

  /** For each literal, by its index in `literals`: whether the text holds it. */
  occurring(text: string): boolean[] {
    const found = new Array<boolean>(this.literals.length).fill(false);
    for (const entry of this.whole) found[entry.index] = text.includes(entry.literal);
    for (const anchor of this.anchors) {
      const { character, byNextCode, byPreviousCode, alone } = anchor;
      let missing = anchor.literalCount;
      for (let position = text.indexOf(character); position !== -1 && missing > 0; position = text.indexOf(character, position + 1)) {
        const after = byNextCode.size > 0 ? byNextCode.get(text.charCodeAt(position + 1)) : undefined;
        if (after) missing -= this.compare(after, text, position, found);
        const before = byPreviousCode.size > 0 ? byPreviousCode.get(text.charCodeAt(position - 1)) : undefined;
        if (before) missing -= this.compare(before, text, position, found);
        if (alone.length > 0) missing -= this.compare(alone, text, position, found);
      }
    }
    return found;
  }

  /** Marks the bucket's literals that sit at `position`; returns how many were newly found. */
  private compare(bucket: readonly AnchoredLiteral[], text: string, position: number, found: boolean[]): number {
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
}
