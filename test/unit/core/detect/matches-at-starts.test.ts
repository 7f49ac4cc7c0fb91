import assert from 'node:assert/strict';
import { forEachMatchAtStarts } from '../../../../src/core/detect/matches-at-starts';

function matchesAt(pattern: RegExp, text: string, starts: number[]): [number, string][] {
  const found: [number, string][] = [];
  forEachMatchAtStarts(pattern, text, starts, (match) => found.push([match.index, match[0]]));
  return found;
}

describe('forEachMatchAtStarts', () => {
  it('finds the match at each start, skipping starts inside an earlier match', () => {
    // A global search finds "aaa" at 0 and then resumes at 3: the start at 1 lies inside that match.
    assert.deepEqual(matchesAt(/a+/y, 'aaa b aa', [0, 1, 6, 6]), [
      [0, 'aaa'],
      [6, 'aa'],
    ]);
  });

  it('passes over starts where the pattern does not match', () => {
    assert.deepEqual(matchesAt(/ab/y, 'ab ac ab', [0, 3, 6]), [
      [0, 'ab'],
      [6, 'ab'],
    ]);
  });

  it('moves on by one after an empty match, as a global search does', () => {
    assert.deepEqual(matchesAt(/x*/y, 'ab', [0, 0, 1]), [
      [0, ''],
      [1, ''],
    ]);
  });

  it("with a narrower pattern, passes on its matches only, and what it leaves out hides no later start", () => {
    const found: [number, string][] = [];
    const text = "a = b = 'c'";
    forEachMatchAtStarts(/\w = (?:'\w'|\w)/y, text, [0, 4], (match) => found.push([match.index, match[0]]), /\w = '\w'/y);
    assert.deepEqual(found, [[4, "b = 'c'"]]);
  });

  it('refuses a global or non-sticky pattern', () => {
    assert.throws(() => matchesAt(/a/g, 'a', [0]), /sticky/);
    assert.throws(() => matchesAt(/a/, 'a', [0]), /sticky/);
  });
});
