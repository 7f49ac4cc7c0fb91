/**
 * `xoxe.xoxp-1-Mi0yLTU5MTAx...MDkwN2U0…`, `xoxb-4426949411-aEM7...`: a token with its middle or its end cut
 * out for a page or a mock. A rule may match the part before the ellipsis, or after it, as a token of its own;
 * neither is one.
 */
export function isCutByEllipsis(text: string, start: number, end: number): boolean {
  return /^(?:\.{3}|…)/.test(text.slice(end, end + 3)) || /[A-Za-z0-9](?:\.{3}|…)$/.test(text.slice(Math.max(0, start - 4), start));
}
