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

/** The members of the object opening at `start`, without those of the objects and lists nested in it, read at most `reach` characters on. */
export function objectOwnText(text: string, start: number, reach: number): string {
  let depth = 0;
  let own = '';
  for (let position = start + 1; position < Math.min(text.length, start + reach); position += 1) {
    const character = text[position];
    if (character === '{' || character === '[') depth += 1;
    else if (character === '}' || character === ']') {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0) own += character;
  }
  return own;
}
