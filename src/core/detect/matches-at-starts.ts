/**
 * Calls `onMatch` with each match that a global search with `sticky`'s pattern finds in `text`,
 * when every such match starts at one of `starts` (ascending, repeats allowed): a global search
 * resumes where its last match ended, and at each offset tries what the sticky pattern tries there.
 *
 * With `narrow` (sticky too), `narrow` is used instead, for a rule whose narrower pattern leaves out
 * matches it would reject anyway (ProjectRule.patternInCode): most of its matches are those, and
 * building each one cost a third of the rule's time. Those left-out matches no longer hide what
 * starts inside them: in `client_secret = secret = 'd255…'` the bare `secret` after the first
 * assignment, rejected in code, used to swallow the second one.
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
    if (narrow) {
      narrow.lastIndex = start;
      const match = narrow.exec(text);
      if (match === null) continue;
      // An empty match moves a global search on by one.
      resumeAt = Math.max(narrow.lastIndex, start + 1);
      onMatch(match);
      continue;
    }
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    resumeAt = start + Math.max(match[0].length, 1);
    onMatch(match);
  }
}
