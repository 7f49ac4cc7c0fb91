import assert from 'node:assert/strict';
import { decodedBase32Text, decodedBase64Text, decodedHexText } from '../../../../src/core/detect/decoded-text';
import { randomText } from './fake-credentials';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

describe('core/detect/decoded-text', () => {
  it('decodes hex, base64 and base32 of text', () => {
    assert.equal(decodedHexText(Buffer.from('this should not appear\n').toString('hex')), 'this should not appear');
    assert.equal(decodedBase64Text(Buffer.from('postgres\n').toString('base64')), 'postgres');
    assert.equal(decodedBase32Text('ONTGOYLTMZQXGZDBONSGC43E'), 'sfgasfasdasdasd');
  });

  it('gives nothing for random bytes', () => {
    for (let round = 0; round < 200; round += 1) {
      assert.equal(decodedHexText(randomText(32, '0123456789abcdef')), undefined);
      assert.equal(decodedBase32Text(randomText(32, BASE32)), undefined);
    }
  });
});
