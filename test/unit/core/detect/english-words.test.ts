import assert from 'node:assert/strict';
import { isDictionaryWord, isHexspeak, isHomeRowMash, isMostlyWords, isPronounceable, isSentence, isWordLike, isWordsAndNumber } from '../../../../src/core/detect/english-words';
import { randomText } from './fake-credentials';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

describe('core/detect/english-words', () => {
  it('tells pronounceable letters from random ones', () => {
    for (const word of ['password', 'integration', 'value', 'prisma']) assert.equal(isPronounceable(word), true, word);
    for (const letters of ['xkqzpt', 'bcdfghjk', 'qwrtpsdf']) assert.equal(isPronounceable(letters), false, letters);
  });

  it('reads words, sentences and names', () => {
    assert.equal(isDictionaryWord('mypassword'), true);
    assert.equal(isDictionaryWord('MYSECRETACCESSKEY'), true);
    assert.equal(isSentence('SecretKeyOfDoomThatMustBeAMinimumNumberOfBytes'), true);
    assert.equal(isWordLike('featureNew'), true);
    assert.equal(isWordsAndNumber('Summer2019!'), true);
    assert.equal(isHexspeak('deadbeefcafebabe'), true);
  });

  it('takes words joined by signs for words, and random text with signs for random', () => {
    assert.equal(isMostlyWords('client_secret$development$integration_client_secret'), true);
    assert.equal(isMostlyWords('rt_1234567890abcdef_secure_refresh_token_with_long_expiry_2024_01_15'), true);
    assert.equal(isMostlyWords('awsimdsv2sessiontoken'), false, 'no sign between the words');
    // One random pair in about 200,000 reads as words: at most one of 500 may.
    const readAsWords = Array.from({ length: 500 }, () => `${randomText(12)}_${randomText(12)}`).filter(isMostlyWords);
    assert.ok(readAsWords.length <= 1, readAsWords.join(' '));
  });

  it('knows the home row when typed, and not hex or random letters', () => {
    assert.equal(isHomeRowMash('sfgasfasdasd'), true);
    assert.equal(isHomeRowMash('dd34asd13as'), true);
    assert.equal(isHomeRowMash('fad0dafa8daf'), false, 'hex spells a, d and f only');
    for (let round = 0; round < 500; round += 1) assert.equal(isHomeRowMash(randomText(24, LOWER)), false);
  });
});
