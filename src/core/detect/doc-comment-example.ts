// A documentation comment's examples (`@example`, or a fenced block inside `/** … */`) show what a call
// prints: `privateKeyToAccount(…)` and then `> { privateKey: '0x348c…' }`. Such values are made up for the docs.

/** How far back the opening of a documentation comment is looked for. */
const LONGEST_DOC_COMMENT = 6000;

/** True when `at` sits on a ` * ` line of a `/** … *\/` comment that has shown an example (`@example`, a fence) before it. */
export function isInDocCommentExample(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (!/^[ \t]*\*(?!\/)/.test(text.slice(lineStart, at))) return false;
  const from = Math.max(0, at - LONGEST_DOC_COMMENT);
  const opening = text.lastIndexOf('/**', at);
  if (opening < from || text.lastIndexOf('*/', at) > opening) return false;
  const before = text.slice(opening, lineStart);
  return /@example\b|^[ \t]*\*[ \t]*(?:```|~~~)/m.test(before);
}
