// OpenAPI documents, JSON schemas and integration catalogs give each field an `example:` value, such
// as a token in the provider's format next to its `pattern:`. The key says what the value is.

/** The start of a line whose key is `example`, `examples`, `x-example`, `sample` or `placeholder`, up to the finding in its value. */
const EXAMPLE_KEY_BEFORE_VALUE = /^[ \t]*(?:-[ \t]+)?(["']?)(?:x-)?(?:example|examples|sample|placeholder)\1[ \t]*[:=][^\n]*$/i;

/** True when the finding at `findingStart` is in the value of such a key, on its line. */
export function isDeclaredExample(text: string, lineStart: number, findingStart: number): boolean {
  return findingStart - lineStart < 200 && EXAMPLE_KEY_BEFORE_VALUE.test(text.slice(lineStart, findingStart));
}
