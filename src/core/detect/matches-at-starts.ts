/**
 * Calls `onMatch` with each match that a global search with `sticky`'s pattern finds in `text`,
 * when every such match starts at one of `starts` (ascending, repeats allowed): a global search
 * resumes where its last match ended, and at each offset tries what the sticky pattern tries there.
 */
export function forEachMatchAtStarts(sticky: RegExp, text: string, starts: readonly number[], onMatch: (match: RegExpExecArray) => void): void {
  if (!sticky.sticky || sticky.global) throw new Error('forEachMatchAtStarts needs a sticky, non-global pattern');
  let resumeAt = 0;
  for (const start of starts) {
    if (start < resumeAt) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    // An empty match moves a global search on by one.
    resumeAt = start + Math.max(match[0].length, 1);
    onMatch(match);
  }
}
