/**
 * The `{` that opens the object around `offset`, counting braces back at most `window` characters
 * (strings are not told apart: a miss only keeps a finding).
 */
export function enclosingOpenBrace(text: string, offset: number, window: number): number | undefined {
  let depth = 0;
  for (let index = offset - 1; index >= Math.max(0, offset - window); index -= 1) {
    const character = text[index];
    if (character === '}') depth += 1;
    else if (character === '{') {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return undefined;
}
