import assert from 'node:assert/strict';
import { maskCredential } from '../../../../src/core/detect/finding';
import { isPlaceholder, shannonEntropy } from '../../../../src/core/detect/placeholders';
import { randomText } from './fake-credentials';

describe('core/detect/placeholders', () => {
  it('recognises placeholders', () => {
    for (const value of ['YOUR_API_KEY', '<token>', 'xxxxx', 'REPLACE_ME', 'changeme', '${TOKEN}', 'process.env.TOKEN', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'your_password_here', 'ENTER-STRING-HERE', 'enter_your_token', 'PUT-SECRET-HERE', '***', '{{ secret }}']) {
      assert.equal(isPlaceholder(value), true, value);
    }
    assert.equal(isPlaceholder(randomText(24)), false);
  });

  it('measures entropy', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });

  it('masks to a quarter of the text at most, four characters at most, and gives the length', () => {
    assert.equal(maskCredential('abcdefghijklmnopqrstuvwx'), 'abcd… (24 characters)');
    assert.equal(maskCredential('abcdefgh'), 'ab… (8 characters)');
    assert.equal(maskCredential('abc'), '… (3 characters)');
  });
});
