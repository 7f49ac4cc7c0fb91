import assert from 'node:assert/strict';
import { literalStarts } from '../../../../../src/core/detect/rules/literal-starts';

describe('literalStarts', () => {
  it('lists every offset where a literal starts, overlapping ones too, in ascending order', () => {
    assert.deepEqual(literalStarts(['SK', 'AC'])('xSK ACAC SKK'), [1, 4, 6, 9]);
    assert.deepEqual(literalStarts(['aa'])('aaaa'), [0, 1, 2]);
  });

  it('finds nothing in a text without the literals, and matches case exactly', () => {
    assert.deepEqual(literalStarts(['AC', 'SK'])('ac sk Ac'), []);
  });
});
