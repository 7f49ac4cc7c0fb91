import assert from 'node:assert/strict';
import { isCamelCasePhrase, isDictionaryWord, isHexspeak, isHomeRowMash, isKeyboardMash, isKeyboardWalk, isLeetPhrase, isLeetWords, isMostlyWords, isPolicyShapedPassword, isPronounceable, isSentence, isWordLike, isWordsAndNumber, isWrittenSentence, isYearShapedPassword } from '../../../../src/core/detect/english-words';
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
    assert.equal(isHomeRowMash('sdf0o9823sjdfsdf'), true, 'one key off the row in ten letters');
    assert.equal(isHomeRowMash('2kjshdfp92i34asdasd'), true, 'two in thirteen');
    assert.equal(isHomeRowMash('sdf0o9823sjdfsqw'), false, 'two in eleven');
    assert.equal(isHomeRowMash('fad0dafa8daf'), false, 'hex spells a, d and f only');
    for (let round = 0; round < 500; round += 1) assert.equal(isHomeRowMash(randomText(24, LOWER)), false);
  });
  it('finds letters typed along neighbouring keys, not random letters or hex', () => {
    for (const walk of ['LKHTREDSAWCVGHBNJUYTREWSDFLOIUYG', 'qwertyuiopasdfghjkl']) assert.equal(isKeyboardWalk(walk), true, walk);
    assert.equal(isKeyboardWalk('cdedeedfaddfdcbaeedcfa'), false, 'hex letters sit side by side');
    // Random letters land on a neighbouring key about one time in four: at most 1 in 1,000 here.
    let walks = 0;
    for (let round = 0; round < 1000; round += 1) if (isKeyboardWalk(randomText(24, LOWER))) walks += 1;
    assert.ok(walks <= 1, `${walks} random values read as keyboard walks`);
  });

  it('finds readable passwords: look-alike digits, a sentence, the shape a password policy asks for', () => {
    for (const value of ['N3verSt0red!', 'S3cur3Pa55', 'r3alP4ssw0rd']) assert.equal(isLeetPhrase(value), true, value);
    assert.equal(isLeetPhrase('qw074xVdeGoj'), false, 'digits that are not between letters are random ones');
    assert.equal(isWrittenSentence('Not-So-Secure!'), true);
    assert.equal(isWrittenSentence('gravel-lantern-oyster-mosaic'), false, 'a passphrase of random words is no sentence');
    for (const value of ['BothAuth1!', 'Backup-User1!', 'Backdoor2026!']) assert.equal(isPolicyShapedPassword(value), true, value);
    assert.equal(isPolicyShapedPassword('PacManMoonwalk#84'), true, 'a sign may come before the digits');
    assert.equal(isPolicyShapedPassword('hfuouctzouuzjme7'), false, 'no capital: random letters and a digit');
    for (const value of ['1StrongPwd@@', 'TacoCat!2#4X']) assert.equal(isPolicyShapedPassword(value), true, `${value}: a digit first, or a capital after the signs`);
    for (const value of ['1StrongPwd', 'Xk29fLmq83Pz', '7Gqtuvwz@@']) assert.equal(isPolicyShapedPassword(value), false, value);
    for (const value of ['0ktaSS0Adm1n2024#', 'B4mbooPeopleOps2026', 'Ad0b3CC2024#', 'HBR2024Acc3ss', 'OldAws2022Acc0unt']) assert.equal(isYearShapedPassword(value), true, value);
    for (const value of ['k3J9x0VqM7tz8W1c2024', 'Q7x!Lm2024#', 'Pseg2020', randomText(20)]) assert.equal(isYearShapedPassword(value), false, value);
  });

  it('reads phrases in look-alike digits and signs, even one that starts with a digit', () => {
    for (const value of ['Z00mM33t1ngs2024#', 'AwsR00tBreakGlass2026#', 'my-b3st-p4ssw0rd', 'th1s-1s-n0t-r3al']) assert.equal(isLeetWords(value), true, value);
    for (const value of ['Tr0ub4dor-3', 'a7Kx0pQ3mZ', 'k3x7-q0zt-5wvp', 'dxxf-s4na-4uno-3war', 'PUHYOKT0ECJI34N40LAH']) assert.equal(isLeetWords(value), false, value);
    // One word will do when its look-alikes all stand for vowels: demo passwords in compose files.
    for (const value of ['c0nt!nu3', 'd0ck3r_Labs!', 'NDC_l0nd0n']) assert.equal(isLeetWords(value), true, value);
    for (const value of ['x0qzt3vb', 'Kr0mpt3x9', 'c0nt5nu7']) assert.equal(isLeetWords(value), false, value);
    for (let round = 0; round < 2000; round += 1) {
      const value = randomText(16, `${LOWER}0123456789`);
      assert.equal(isLeetWords(value), false, value);
    }
    // Letters that never end in a phrase: read once, not tried every way (a regex that backtracked took minutes here).
    assert.equal(isLeetWords(`a0${'b'.repeat(5000)}1%`), false);
  });

  it('reads three words or more in camelCase, not random letters of both cases', () => {
    for (const value of ['oldKeyThatILoved', 'myVerySecretKey', 'thisIsNotTheRealToken', 'MyReallySecretTokenThatExpiresAfter60Minutes']) assert.equal(isCamelCasePhrase(value), true, value);
    for (const value of ['aTokenWithLengthOf30characters', 'TokenWithLengthOf30Characters2']) assert.equal(isCamelCasePhrase(value), true, `${value}: a number among the words, or after them`);
    for (const value of ['xqTrzMnopLk', 'aBcDeFgH', 'oldKey', 'kJnopioLOfnsFFKMQnFg', 'miQVLtZgemjIhTueduRD', 'f0decde5879cecb4', 'e42ivedi240evkin']) assert.equal(isCamelCasePhrase(value), false, value);
  });

  it('letters from a few keys within one hand or two rows are a mash; random letters are not', () => {
    for (const value of ['NJDBFASJDbsajhbda5487', 'ASEfewdsfAWASTT51874']) assert.equal(isKeyboardMash(value), true, value);
    // About three random values in 100,000 fall on one hand's keys, eight of them or fewer, by chance.
    const mashes = Array.from({ length: 2000 }, () => randomText(20)).filter(isKeyboardMash);
    assert.ok(mashes.length <= 2, mashes.join(' '));
    // Lower-case letters alone: from eight keys anywhere on the keyboard, but not random ones.
    assert.equal(isKeyboardMash('alwiejglaiwhewlihgawe'), true);
    const lowerCase = Array.from({ length: 2000 }, () => randomText(20, 'abcdefghijklmnopqrstuvwxyz')).filter(isKeyboardMash);
    assert.ok(lowerCase.length <= 2, lowerCase.join(' '));
  });
});
