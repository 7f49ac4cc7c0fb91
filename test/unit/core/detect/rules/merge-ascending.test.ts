import assert from 'node:assert/strict';
import { mergeAscending } from '../../../../../src/core/detect/rules/merge-ascending';

describe('mergeAscending', () => {
  it('merges two ascending lists, repeats kept', () => {
    assert.deepEqual(mergeAscending([1, 4, 4, 9], [0, 4, 5, 12, 13]), [0, 1, 4, 4, 4, 5, 9, 12, 13]);
  });

  it('gives the other list when one is empty', () => {
    assert.deepEqual(mergeAscending([], [2, 3]), [2, 3]);
    assert.deepEqual(mergeAscending([2, 3], []), [2, 3]);
    assert.deepEqual(mergeAscending([], []), []);
  });

  it('agrees with sorting the two lists together', () => {
    for (let round = 0; round < 200; round += 1) {
      const ascending = () => Array.from({ length: round % 17 }, () => Math.floor(Math.random() * 50)).sort((left, right) => left - right);
      const left = ascending();
      const right = ascending();
      assert.deepEqual(mergeAscending(left, right), [...left, ...right].sort((first, second) => first - second));
    }
  });
});
