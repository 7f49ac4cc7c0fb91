import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { isDigestOfAWordIn } from '../../../../src/core/detect/digests-of-words';
import { hex, randomText } from './fake-credentials';

describe('core/detect/digests-of-words', () => {
  const digest = (algorithm: string, word: string, encoding: 'hex' | 'base64' = 'hex') => createHash(algorithm).update(word).digest(encoding);

  it('knows the md5, sha1, sha256 or sha512 of a word the file or its path holds, in hex or base64', () => {
    const text = "session.post(url, data={'username': 'admin', 'password': PASSWORD})\n";
    assert.equal(isDigestOfAWordIn(text, '/w/domoticz/test/conftest.py', digest('md5', 'domoticz')), true);
    assert.equal(isDigestOfAWordIn(text, '/w/test/conftest.py', digest('sha1', 'username').toUpperCase()), true);
    assert.equal(isDigestOfAWordIn("'password' => $hash, // appwrite\n", '/w/t.php', digest('sha256', 'appwrite', 'base64')), true);
    assert.equal(isDigestOfAWordIn('PASSWORD = 123456\n', '/w/t.py', digest('sha512', '123456')), true);
  });

  it('leaves random values and digests of words the file does not hold alone', () => {
    assert.equal(isDigestOfAWordIn('password = x\n', '/w/a.py', hex(32)), false);
    assert.equal(isDigestOfAWordIn('password = x\n', '/w/a.py', digest('md5', 'domoticz')), false);
    assert.equal(isDigestOfAWordIn('password = x\n', '/w/a.py', randomText(30)), false);
  });
});
