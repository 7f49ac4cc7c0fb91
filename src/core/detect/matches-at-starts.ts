/**
 * Calls `onMatch` with each match that a global search with `sticky`'s pattern finds in `text`,
 * when every such match starts at one of `starts` (ascending, repeats allowed): a global search
 * resumes where its last match ended, and at each offset tries what the sticky pattern tries there.
 *
 * With `narrow` (sticky too), only the matches of `narrow` at those same offsets are passed on:
 * `sticky` is then only tested, for where a match ends, which allocates no match. For a rule whose
 * narrower pattern leaves out matches it would reject anyway (ProjectRule.patternInCode): most of
 * its matches are those, and building each one cost a third of the rule's time.
 */
export function forEachMatchAtStarts(
  sticky: RegExp,
  text: string,
  starts: readonly number[],
  onMatch: (match: RegExpExecArray) => void,
  narrow?: RegExp,
): void {
  if (!sticky.sticky || sticky.global || (narrow && (!narrow.sticky || narrow.global))) throw new Error('forEachMatchAtStarts needs a sticky, non-global pattern');
  let resumeAt = 0;
  for (let index = 0; index < starts.length; index += 1) {
    const start = starts[index];
    if (start < resumeAt) continue;
    sticky.lastIndex = start;
    if (narrow) {
      if (!sticky.test(text)) continue;
      // An empty match moves a global search on by one.
      resumeAt = Math.max(sticky.lastIndex, start + 1);
      narrow.lastIndex = start;
      const match = narrow.exec(text);
      if (match !== null) onMatch(match);
      continue;
    }
    const match = sticky.exec(text);
    if (match === null) continue;
    resumeAt = start + Math.max(match[0].length, 1);
    onMatch(match);
  }
}
