import assert from 'node:assert/strict';
import { offsetToPosition } from '../../../../src/core/references/text-position';

describe('core/references/text-position', () => {
  it('maps offsets to 0-based lines and columns', () => {
    const positionOf = offsetToPosition('ab\ncd\r\n\nef');
    assert.deepEqual(positionOf(0), { line: 0, column: 0 });
    assert.deepEqual(positionOf(2), { line: 0, column: 2 });
    assert.deepEqual(positionOf(3), { line: 1, column: 0 });
    assert.deepEqual(positionOf(5), { line: 1, column: 2 });
    assert.deepEqual(positionOf(7), { line: 2, column: 0 });
    assert.deepEqual(positionOf(9), { line: 3, column: 1 });
  });
});
