import { forLastText } from './last-text-cache';

/** A Markdown fenced code block: where its opening line starts, its body, and its info string's first word. */
export interface FencedBlock {
  readonly opening: number;
  readonly bodyStart: number;
  /** Where the closing fence line starts (the text's end for a block never closed). */
  readonly bodyEnd: number;
  /** Lower case; '' for a block without one. */
  readonly language: string;
}

/** A fence's opening line: three or more backticks or tildes, then the language and attributes. */
const FENCE_OPENING = /^[ \t]*(`{3,}|~{3,})[ \t]*\{?\.?([\w+-]*)[^\n]*$/gm;

/** The fenced code blocks of a Markdown text, in text order. */
export const fencedBlocksOf = forLastText((text: string): readonly FencedBlock[] => {
  const blocks: FencedBlock[] = [];
  if (!text.includes('```') && !text.includes('~~~')) return blocks;
  FENCE_OPENING.lastIndex = 0;
  for (let opening = FENCE_OPENING.exec(text); opening !== null; opening = FENCE_OPENING.exec(text)) {
    const [line, marker, language] = opening;
    // A backtick fence's info string holds no backtick: "```GET /api/tokens```" on one line is inline code.
    if (marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`')) continue;
    if (isHeadingUnderline(text, opening.index, line)) continue;
    const bodyStart = Math.min(text.length, opening.index + line.length + 1);
    const closing = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*\\r?$`, 'gm');
    closing.lastIndex = bodyStart;
    const closed = closing.exec(text);
    blocks.push({ opening: opening.index, bodyStart, bodyEnd: closed ? closed.index : text.length, language: language.toLowerCase() });
    FENCE_OPENING.lastIndex = closed ? closed.index + closed[0].length : text.length;
  }
  return blocks;
});

/**
 * `Optional values` over `~~~~~~~~~~~~~~~`: reST's underline of a heading, tildes as long as the text above,
 * not a fence (a fence line holds only its marker and an info string, and rarely follows text that long).
 */
function isHeadingUnderline(text: string, lineStart: number, line: string): boolean {
  if (!/^~+[ \t]*\r?$/.test(line) || lineStart === 0) return false;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1).trimEnd();
  return above.trim() !== '' && !/^[ \t]/.test(above) && Math.abs(above.length - line.trimEnd().length) <= 1;
}

/** The fenced block whose body holds `offset`, if any. */
export function fencedBlockAt(text: string, offset: number): FencedBlock | undefined {
  const blocks = fencedBlocksOf(text);
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle].bodyStart <= offset) low = middle + 1;
    else high = middle;
  }
  const block = blocks[low - 1];
  return block !== undefined && offset < block.bodyEnd ? block : undefined;
}
