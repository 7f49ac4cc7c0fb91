// OpenAPI documents, JSON schemas and integration catalogs give each field an `example:` value, such
// as a token in the provider's format next to its `pattern:`. The key says what the value is.

/** The start of a line whose key is `example`, `examples`, `x-example`, `sample` or `placeholder`, up to the finding in its value. */
const EXAMPLE_KEY_BEFORE_VALUE = /^[ \t]*(?:-[ \t]+)?(["']?)(?:x-)?(?:example|examples|sample|placeholder)\1[ \t]*[:=][^\n]*$/i;

/** A line that is only an `example:` or `examples:` key, perhaps inside a JSDoc comment (`@swagger`'s ` *   example:`). */
const EXAMPLE_PARENT = /^[ \t]*(?:\*[ \t]*)?(?:-[ \t]+)?(["']?)(?:x-)?examples?\1[ \t]*:[ \t]*\r?$/i;
/** How many lines above are read for the keys a value is nested under. */
const LINES_UP = 40;

/**
 * True when the finding at `findingStart` is in the value of such a key, on its line, or nested under
 * an `example:` key (an OpenAPI schema's `example:` then `token: eyJ…`, in YAML or in a JSDoc comment).
 */
export function isDeclaredExample(text: string, lineStart: number, findingStart: number): boolean {
  return (findingStart - lineStart < 200 && EXAMPLE_KEY_BEFORE_VALUE.test(text.slice(lineStart, findingStart))) || isNestedUnderExampleKey(text, lineStart);
}

/** The indentation of a line, a JSDoc comment's leading "*" counted as part of it. */
function indentationOf(line: string): number {
  return /^[ \t]*(?:\*[ \t]*)?/.exec(line)?.[0].length ?? 0;
}

function isNestedUnderExampleKey(text: string, lineStart: number): boolean {
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  let indentation = indentationOf(text.slice(lineStart, lineEnd));
  let end = lineStart - 1;
  for (let read = 0; read < LINES_UP && end > 0 && indentation > 0; read += 1) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '' || line.trim() === '*') continue;
    const lineIndentation = indentationOf(line);
    if (lineIndentation >= indentation) continue;
    if (EXAMPLE_PARENT.test(line)) return true;
    indentation = lineIndentation;
  }
  return false;
}
