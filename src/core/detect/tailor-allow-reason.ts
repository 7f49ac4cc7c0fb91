import { enclosingOpenBrace } from './enclosing-object';

// Tailor's SDK runs secretlint over `env` values in defineConfig and accepts
// `{ value: "…", allowSecretReason: "why" }` as a deliberate exception; findings on such a value
// are dropped here too. Read from the text around one finding, without a parser.

/** How far from the finding the enclosing object's braces are looked for, each way. */
const SEARCH_WINDOW = 4_000;
/** The finding sits in the string value of a `value:` property (the key quoted or not). */
const VALUE_PROPERTY_BEFORE = /(?:(?<![\w$])value|(["'])value\1)\s*:\s*(["'`])(?:(?!\2)[^\\\n]|\\.)*$/;
/** A non-empty allowSecretReason string, tried where a key may start. */
const ALLOW_SECRET_REASON = /(["']?)allowSecretReason\1\s*:\s*(["'`])((?:(?!\2)[^\\]|\\.)*)\2/y;

/**
 * True when the finding starting at `findingStart` lies in the `value` string of an object literal
 * that also holds a non-empty `allowSecretReason` string at its own level.
 */
export function isAllowedWithReason(text: string, findingStart: number): boolean {
  // On a minified line, only the stretch just before the finding.
  const prefixStart = Math.max(text.lastIndexOf('\n', findingStart - 1) + 1, findingStart - SEARCH_WINDOW);
  const valueProperty = VALUE_PROPERTY_BEFORE.exec(text.slice(prefixStart, findingStart));
  if (!valueProperty) return false;
  const objectStart = enclosingOpenBrace(text, prefixStart + valueProperty.index, SEARCH_WINDOW);
  return objectStart !== undefined && holdsAllowSecretReason(text, objectStart);
}

/** Reads the object opened at `objectStart` up to its closing brace, skipping strings and comments. */
function holdsAllowSecretReason(text: string, objectStart: number): boolean {
  const end = Math.min(text.length, objectStart + SEARCH_WINDOW);
  let depth = 0;
  let index = objectStart;
  while (index < end) {
    const character = text[index];
    if (depth === 1 && (character === 'a' || character === '"' || character === "'") && !/[\w$]/.test(text[index - 1] ?? '')) {
      ALLOW_SECRET_REASON.lastIndex = index;
      const reason = ALLOW_SECRET_REASON.exec(text);
      if (reason) {
        if (reason[3].trim().length > 0) return true;
        index = ALLOW_SECRET_REASON.lastIndex;
        continue;
      }
    }
    if (character === '{') depth += 1;
    else if (character === '}') {
      depth -= 1;
      if (depth === 0) return false;
    } else if (character === '"' || character === "'" || character === '`') {
      index = stringEnd(text, index, end);
    } else if (character === '/' && text[index + 1] === '/') {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? end : newline;
    } else if (character === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close === -1 ? end : close + 1;
    }
    index += 1;
  }
  return false;
}

/** The offset of the quote closing the string that opens at `start` (or of the line end, for a broken one). */
function stringEnd(text: string, start: number, end: number): number {
  const quote = text[start];
  for (let index = start + 1; index < end; index += 1) {
    const character = text[index];
    if (character === '\\') index += 1;
    else if (character === quote) return index;
    else if (character === '\n' && quote !== '`') return index;
  }
  return end;
}
