import assert from 'node:assert/strict';
import { isCutByEllipsis } from '../../../../src/core/detect/elided-token';
import { join, randomText } from './fake-credentials';
import { detect } from './rules/five-contexts';

describe('core/detect/elided-token', () => {
  it('a match followed, or preceded, by an ellipsis and more of the token was cut from a longer one', () => {
    const text = 'token = "abcdef...ghijkl"';
    assert.equal(isCutByEllipsis(text, 9, 15), true, 'before the ellipsis');
    assert.equal(isCutByEllipsis(text, 18, 24), true, 'after it');
    assert.equal(isCutByEllipsis('see "abcdef"... and more', 5, 11), false, 'an ellipsis after the closing quote is prose');
    assert.equal(isCutByEllipsis('"token": "abcdef...",', 10, 16), true, 'cut at its end');
  });

  it('reports no part of a token shortened in a mock, but the whole token when written out', async () => {
    const head = join('xo', 'xp-1-', randomText(12));
    const tail = randomText(40);
    assert.deepEqual(await detect(`MOCK_ACCESS_TOKEN = "xoxe.${head}...${tail}"\n`, '/workspace/tests/test_slack.py'), []);
    const whole = join('xo', 'xb-', randomText(12, '0123456789'), '-', randomText(13, '0123456789'), '-', randomText(24));
    assert.equal((await detect(`TOKEN = "${whole}"\n`, '/workspace/tests/test_slack.py')).length, 1);
  });
});
