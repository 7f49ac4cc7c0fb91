// Whether literals read as English: letter pairs, vowels, words and their look-alike digits.

/** Digits and signs written for the letters they look like (`P@ssw0rd`). */
export const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/**
 * `sfgasfasdasd`, `dd34asd13as`: letters typed along the keyboard's home row, a test's filler. Hex
 * spells only its a, d and f: one of the others must be there.
 */
export function isHomeRowMash(value: string): boolean {
  // `Hfd6fds^dfA8Ga`: a mash given a capital, a digit and a sign to pass a password policy.
  if (!/^[a-z0-9]+$/.test(value)) return /^[\x21-\x7e]+$/.test(value) && /^[asdfghjkl]{8,}$/.test(value.toLowerCase().replace(/[^a-z]/g, '')) && /[ghjkls]/i.test(value);
  const letters = value.replace(/[0-9]/g, '');
  if (letters.length < 6 || !/[ghjkls]/.test(letters)) return false;
  // A long mash may slip off the row now and then; random letters stay on it a third of the time.
  const onRow = letters.replace(/[^asdfghjkl]/g, '').length;
  // `sdf0o9823sjdfsdf`, `2kjshdfp92i34asdasd`: one key off the row in ten letters, two in thirteen.
  const offRow = letters.length - onRow;
  return offRow === 0 || (letters.length >= 10 && offRow <= 1) || (letters.length >= 13 && offRow <= 2) || (letters.length >= 16 && onRow >= letters.length * 0.9);
}

/** Keys one hand reaches, and the two rows a mash stays on: a hand-typed filler keeps to one of them. */
const KEYBOARD_REGIONS = ['qwertasdfgzxcvb', 'yuiophjklnm', 'asdfghjklzxcvbnm'];

/**
 * `NJDBFASJDbsajhbda5487`, `ASEfewdsfAWASTT51874`: fourteen letters or more drawn from eight keys or
 * fewer (each typed twice on average), all within one hand's reach or the two lower rows, typed for a
 * test's dummy key. Random letters use more keys, both hands and every row: all of it about three
 * times in 100,000 values of 20 characters.
 */
export function isKeyboardMash(value: string): boolean {
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  const keys = new Set(letters).size;
  if (letters.length < 14 || keys > 8 || letters.length < keys * 2) return false;
  // Hex (`0x…` too, or with a letter changed: `…6d49v442a`) spells little but a to f, all on the left hand.
  if (letters.replace(/[a-fx]/g, '').length < letters.length * 0.3) return false;
  // `alwiejglaiwhewlihgawe`: twenty lower-case letters or more from eight keys, wherever they are. Random
  // lower-case letters of that length use so few keys about once in 10,000 values.
  if (/^[a-z]{20,}$/.test(value)) return true;
  return KEYBOARD_REGIONS.some((region) => [...letters].every((letter) => region.includes(letter)));
}

/** Six letters or more, then a year and perhaps a sign or two. (`Pseg2020`, shorter, may be anyone's real password.) */
const ENDS_IN_A_YEAR = /^(.{6,30}?)(?:19[5-9]\d|20[0-4]\d)[!@#$%^&*?.]{0,3}$/;
const YEAR_BETWEEN_WORDS = /^([A-Za-z][A-Za-z0-9@$]{1,20}?)(?:19[5-9]\d|20[0-4]\d)([A-Za-z][A-Za-z0-9@$]{1,20})[!@#$%^&*?.]{0,3}$/;

/**
 * `0ktaSS0Adm1n2024#`, `B4mbooPeopleOps2026`: letters of both cases (look-alike digits among them)
 * and a year, perhaps a sign: a person's password, made to pass a policy. Generated credentials end
 * in a year by chance about once in twenty million.
 */
export function isYearShapedPassword(value: string): boolean {
  // `HBR2024Acc3ss`, `OldAws2022Acc0unt`: the year may sit between the words.
  const stem = ENDS_IN_A_YEAR.exec(value)?.[1] ?? YEAR_BETWEEN_WORDS.exec(value)?.slice(1).join('');
  if (stem === undefined || stem.length < 6) return false;
  const undone = stem.replace(/[013457@$]/g, (character) => LEET[character] ?? character);
  const capitals = undone.replace(/[^A-Z]/g, '').length;
  return /^[A-Za-z][A-Za-z_-]*$/.test(undone) && capitals >= 1 && /[a-z]/.test(undone) && capitals <= undone.length / 2;
}

/**
 * `BothAuth1!`, `Backup-User1!`, `Backdoor2026!`: readable words, then digits and signs, as a password
 * policy asks for. Random text rarely keeps its capitals at word starts, its digits at the end and a
 * third of its letters vowels.
 */
export function isPolicyShapedPassword(value: string): boolean {
  // `PacManMoonwalk#84`: a sign may come before the digits too; `1StrongPwd@@`, `TacoCat!2#4X`: the digit
  // may come first, and a capital may end the signs and digits.
  const parts = /^(\d{0,2}[!@#$%^&*?]{0,2})((?:[A-Z]?[a-z]{2,}[-_.]?){1,4})([!@#$%^&*?]{0,2}\d{0,4}[!@#$%^&*?.]{0,4}(?:\d[A-Z])?)$/.exec(value);
  if (parts === null || value.length > 24 || !/[A-Z]/.test(value)) return false;
  const [, before, words, after] = parts;
  // A digit first, or a capital last, only beside signs: random letters and digits often end in `8K`.
  if (!/\d/.test(before + after) || ((before !== '' || /[A-Z]$/.test(after)) && !/[!@#$%^&*?.]/.test(after))) return false;
  // `Pwd` is read as the word it stands for.
  const letters = words.replace(/[^A-Za-z]/g, '').replace(/pwd/gi, 'pass');
  if (letters.length < 6) return false;
  const wordList = words.replace(/pwd/gi, 'Pass').match(/[A-Z]?[a-z]+/g)!;
  // `Strong` has one vowel in six letters, but all its letter pairs are common.
  const longWords = wordList.filter((word) => word.length >= 4);
  const read = vowelShare(letters) >= 0.3 || (longWords.length > 0 && longWords.every((word) => commonBigramShare(word.toLowerCase()) >= 0.8 && /[aeiou]/i.test(word)));
  if (value.length <= 16 && wordList.length <= 3 && read) return true;
  // `ReallyStrongPwd1234%^&*`, `AppFlowy123@`: longer, up to four words, "y" read as a vowel inside one; but then
  // a sign ends it (or comes before its digits), or three digits a long one, as a policy asks, which random letters and digits seldom do.
  return (/[^\d]/.test(after) || (/\d{3}/.test(after) && value.length > 16)) && vowelShare(withYAsVowel(letters)) >= 0.25;
}

/** `AppFlowy`, `Really`: "y" after a letter reads as a vowel, as in the names people make passwords of. */
function withYAsVowel(letters: string): string {
  return letters.replace(/(?<=[a-z])y/g, 'e');
}

/** A word of a readable password: capitalised or not, or an acronym in capitals (`OHRM`, `CRM`). */
const PASSWORD_WORD = String.raw`(?:[A-Z]{2,5}|[A-Z]?[a-z]{2,})`;
const NAMES_JOINED_BY_SIGNS = new RegExp(String.raw`^${PASSWORD_WORD}(?:\d{0,2}[-_.@!#$]{1,2}${PASSWORD_WORD})*\d{0,2}[-_.@!#$]{0,2}\d{2,4}[!@#$%^&*?.]{0,3}$`);

/**
 * `Jacqueline@OHRM123`, `Ohrm@1423`, `CRM_User2_2026`, `Nikh@!12`: a name or a product's name, a sign, and a
 * number, as people make up a test user's password. A generator's output does not keep its letters to a few
 * readable words and its digits to the end; each longer word must read as one.
 */
export function isNamesAndNumberPassword(value: string): boolean {
  if (value.length > 24 || !/[-_.@!#$]/.test(value) || !NAMES_JOINED_BY_SIGNS.test(value)) return false;
  const words = value.match(/[A-Z]{2,5}(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  if (!words.some((word) => word.length >= 4 && /[a-z]/.test(word))) return false;
  return words.every((word) => /^[A-Z]+$/.test(word) || (word.length <= 4 && /[aeiouy]/i.test(word)) || isPronounceable(withYAsVowel(word)));
}

/** `LKHTREDSAWCVGHBNJUYTREWSDFLOIUYG`, `qwertyuiop`: letters typed along neighbouring keys. */
export function isKeyboardWalk(value: string): boolean {
  const letters = value.toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
  // Hex letters (a to f) sit side by side on the keyboard.
  if (letters.length < 12 || /^[a-f]+$/.test(letters)) return false;
  let neighbours = 0;
  for (let index = 1; index < letters.length; index += 1) if (areNeighbourKeys(letters[index - 1], letters[index])) neighbours += 1;
  // Random letters land on a neighbouring key about one time in four.
  // Fewer letters need more neighbours: 80% of 12, 75% of 14 or more.
  return neighbours >= (letters.length - 1) * (letters.length < 14 ? 0.8 : 0.75);
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function areNeighbourKeys(left: string, right: string): boolean {
  const row = (key: string) => KEYBOARD_ROWS.findIndex((keys) => keys.includes(key));
  const leftRow = row(left);
  const rightRow = row(right);
  // Each row sits half a key to the right of the one above it.
  const position = (key: string, keyRow: number) => KEYBOARD_ROWS[keyRow].indexOf(key) + keyRow * 0.5;
  return Math.abs(leftRow - rightRow) <= 1 && Math.abs(position(left, leftRow) - position(right, rightRow)) <= 1;
}

/** Five or more capitalised words, most of the longer ones pronounceable: random PascalCase is not. */
export function isSentence(value: string): boolean {
  const longer = (value.match(/[A-Z][a-z]+/g) ?? []).filter((word) => word.length > 3);
  return longer.length >= 3 && longer.filter(isPronounceable).length >= longer.length * 0.6;
}

/**
 * A word of a name: lower case, capitalised, upper case (an acronym such as `CA`) or camelCase,
 * possibly with a short number; each of its words pronounceable, as random letters are not.
 */
export function isWordLike(segment: string): boolean {
  const letters = /^([A-Za-z]+)\d{0,3}$/.exec(segment)?.[1];
  if (letters === undefined) return false;
  if (/^[A-Z]{1,8}$/.test(letters)) return true;
  const words = letters.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  return words.join('') === letters && words.every((word) => word.length <= 3 || isPronounceable(word));
}

/**
 * Letters of one case only, pronounceable: `mypassword`, `MYSECRETACCESSKEY`, `ahotproject`. Random
 * lower-case letters have few vowels (about one in five); words have about two in five.
 */
export function isDictionaryWord(value: string): boolean {
  const words = /^([a-z]+|[A-Z]+|(?:[A-Z][a-z]+)+)\d{0,4}$/.exec(value)?.[1];
  return words !== undefined && words.length >= 4 && isPronounceable(words);
}

/**
 * `client_secret$development$integration_client_secret`, `access_token$development$integration_merchant_id$fb27c79dd`:
 * pronounceable words of four letters or more hold most of the value, as they never do in random text.
 */
export function isMostlyWords(value: string): boolean {
  if (value.length < 12) return false;
  // Words are joined by signs (`_`, `$`, `-`); random letters and digits run on without them.
  if (!/[^A-Za-z0-9]/.test(value)) return false;
  const words = (value.match(/[A-Za-z][a-z]{3,}|[a-z]{4,}/g) ?? []).filter((word) => isPronounceable(word));
  if (words.length < 2) return false;
  const inWords = words.reduce((sum, word) => sum + word.length, 0);
  // Numbers and dates between the words (`…_expiry_2024_01_15`) say nothing either way.
  return inWords >= value.replace(/[^A-Za-z]/g, '').length * 0.7;
}

/**
 * `polar_cl_e2e_seed_checkout_link_subscription`: four parts or more in snake_case, three of them words
 * holding half the letters or more. Random tokens seldom hold four separators, let alone words between them.
 */
export function isSnakeCasePhrase(value: string): boolean {
  const parts = value.split(/[_-]/);
  if (parts.length < 4 || !parts.every((part) => /^[a-z0-9]{1,16}$/.test(part))) return false;
  const words = parts.filter((part) => /^[a-z]{4,}$/.test(part) && readsAsWord(part));
  const inWords = words.reduce((sum, part) => sum + part.length, 0);
  return words.length >= 3 && inWords >= value.replace(/[^a-z]/g, '').length * 0.5;
}

/**
 * `oldKeyThatILoved`, `MyReallySecretTokenThatExpiresAfter60Minutes`: three words or more in camelCase, the long ones pronounceable
 * and holding most of the letters. Random letters of both cases fall apart into pieces of one or two.
 */
export function isCamelCasePhrase(value: string, lookAlikesUndone = false): boolean {
  // `averyLongSecretToSe33dtheDB`, `TheSecretKeyObtainedFromR2`: look-alike digits inside the words, an acronym at the end. Random
  // letters and digits undone so read as words more often: then every long word must, three at least.
  if (!lookAlikesUndone) {
    const undone = value.replace(/(?<=[a-z])[013457]+(?=[a-z])/g, (digits) => [...digits].map((digit) => LEET[digit]).join('')).replace(/(?<=[a-z]{3})[A-Z][A-Z0-9]{1,3}$/, '');
    if (undone !== value && isCamelCasePhrase(undone, true)) return true;
  }
  // Each word capitalised; no capitals side by side but the words "I" and "A" (`…BeInASecretInstead`).
  // `…ExpiresAfter60Minutes`: a number may stand among the words.
  const strict = /^(?:[a-z]{2,}|[A-Z][a-z]+)(?:[A-Z][a-z]+|[AI](?=[A-Z][a-z])|\d{1,4}(?=[A-Z]))+$/.test(value);
  // `aTokenWithLengthOf30characters`, `…Characters2`: a one-letter word first, a lower-case word after a
  // number, a number last; random letters and digits fall into such pieces more often, so three long words are needed.
  if (!strict && !/^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+|I(?=[A-Z])|\d{1,4}(?=[A-Z]|[a-z]{4,}|$)|(?<=\d)[a-z]{4,})+$/.test(value)) return false;
  const words = value.match(/[A-Z]?[a-z]+|[AI]/g) ?? [];
  const longWords = words.filter((word) => word.length >= 4);
  // Two capitalised words at least: lower-case letters between digits (hex, `e42ivedi240evkin`) are no camelCase.
  if (words.length < 3 || longWords.length < (strict && !lookAlikesUndone ? 2 : 3) || words.filter((word) => /^[A-Z]/.test(word)).length < 2) return false;
  if (lookAlikesUndone && !longWords.every((word) => isPronounceable(word))) return false;
  const inLongWords = longWords.reduce((sum, word) => sum + word.length, 0);
  // One word of four may fail the test (`String` and `Length` have one vowel in six letters).
  return inLongWords >= value.length * 0.5 && longWords.filter((word) => isPronounceable(word)).length >= longWords.length * 0.75;
}

/** `f3fca79989cafe7dead71beefedc812b`: hex with two of hexspeak's words typed into it. */
export function holdsHexspeak(value: string): boolean {
  if (!/^[0-9a-f]{16,}$/i.test(value)) return false;
  return (value.toLowerCase().match(/dead|beef|cafe|babe|f00d|c0ffee|decaf|face|feed/g) ?? []).length >= 2;
}

/** `deadbeefcafebabe`, `c0ffeec0ffee`: hex made of words. */
export function isHexspeak(value: string): boolean {
  const letters = value.toLowerCase().replace(/[0-9]/g, (digit) => LEET[digit] ?? digit);
  return /^(?:dead|beef|cafe|babe|feed|face|food|code|dood|fade|bad|ace|coffee|decaf|fee|[0-9]){2,}$/.test(letters);
}

/**
 * `Summer2019!`, `chimichangas4life`, `Observe-Me1!`: one to three pronounceable words with a number
 * or a sign. Random text has short letter runs that mix cases and lack vowels.
 */
export function isWordsAndNumber(value: string): boolean {
  const letterRuns = value.match(/[A-Za-z]+/g) ?? [];
  if (letterRuns.length === 0 || letterRuns.length > 3) return false;
  const letterCount = letterRuns.reduce((sum, run) => sum + run.length, 0);
  if (letterCount / value.length < 0.5 || value.length - letterCount > 6) return false;
  // `Observe-Me1!`: a short capitalised word may join a longer one.
  const isWord = (run: string) => (run.length < 4 ? /^[A-Z][a-z]{1,2}$/.test(run) : /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)$/.test(run) && isPronounceable(run));
  return letterRuns.every(isWord) && letterRuns.some((run) => run.length >= 4);
}

/**
 * `N3verSt0red!`, `S3cur3Pa55`: words with look-alike digits or signs between their letters, a
 * test's readable password. Undone, random text rarely leaves only pronounceable words.
 */
export function isLeetPhrase(value: string): boolean {
  // Hex and lower-case tokens spell words once their digits are read as letters; such phrases mix cases.
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value)) return false;
  let substitutions = 0;
  const undone = value.replace(/(?<=[A-Za-z])[013457@$](?=[A-Za-z0-9@$_-]|$)/g, (character) => {
    substitutions += 1;
    return LEET[character] ?? character;
  });
  // One digit between letters happens in random text; a phrase written so has two or more.
  if (substitutions < 2) return false;
  // Only signs between letters stand for letters; a digit left elsewhere is a random one.
  const letters = undone.replace(/[0-9!?.#*]+$/, '');
  if (letters.length < 6 || !/^(?:[A-Z]?[a-z]{2,}[-_]?){1,4}$/.test(letters)) return false;
  const words = letters.match(/[A-Z]?[a-z]+|[A-Z]+/g) ?? [];
  return words.every((word) => word.length >= 3 && isPronounceable(word)) && words.some((word) => word.length >= 4);
}

/**
 * `HubSp0tMark3t1ng2024#`, `my-b3st-p4ssw0rd`: a phrase with look-alike digits and signs for its
 * letters, even where one starts it, and perhaps a year and a sign after them. Undone, it is a
 * sentence, or words split by signs or capitals, two of four letters or more and nearly all of those
 * pronounceable; random text undone falls into consonant clusters and short pieces.
 */
export function isLeetWords(value: string): boolean {
  // `HubSp0tMark3t1ng2024#`: a year or a number and a sign, as password policies ask, end many of them.
  const stem = value.replace(/(?:\d{2,4})?[!?.#@$%&*]*$/, '');
  let substitutions = 0;
  // In capitals, a look-alike stands for a capital: `T0KEN` is one word, not `T` and `oKEN`.
  const capitals = !/[a-z]/.test(stem);
  // `c0nt!nu3`: "!" between letters stands for an "i".
  const undone = stem.replace(/[013457@$]|(?<=[A-Za-z0-9])!(?=[A-Za-z0-9])/g, (character) => {
    substitutions += 1;
    const letter = LEET[character] ?? character;
    return capitals ? letter.toUpperCase() : letter;
  });
  // Signs alone (`client_secret$development$…`) join words; a phrase written so has a digit for a letter.
  if (substitutions < 2 || !/[013457]/.test(stem)) return false;
  if (!/^[A-Za-z]+(?:[-_][A-Za-z]+)*$/.test(undone)) return false;
  if (isWrittenSentence(undone)) return true;
  const words = undone.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  const contentWords = words.filter((word) => !FUNCTION_WORDS.has(word.toLowerCase()));
  if (contentWords.some((word) => word.length < 3)) return false;
  // Short words (`Aws`, `Hub`) say little either way; nearly every longer one must read, and two at least.
  const longWords = contentWords.filter((word) => word.length >= 4);
  if (longWords.length >= 2 && longWords.filter((word) => isPronounceable(word)).length >= longWords.length * 0.8) return true;
  // `c0nt!nu3`, `d0ck3r_Labs!`, `NDC_l0nd0n`: one word or two, each look-alike where a vowel goes.
  // Not hex, whose digits and six letters undo into vowels and consonants at random (`bd0f10d10f40`).
  // Short, and not ending in a number: random letters and digits undo into such a word once in thousands of values.
  if (capitals || value.length > 14 || /\d{2}[!?.#@$%&*]*$/.test(value) || /^[0-9a-f]+$/i.test(value)) return false;
  if (!longWords.some((word) => word.length >= 6) || longWords.some((word) => word.length > 12)) return false;
  // Every other word a word too, or an acronym (`NDC`): random text leaves short scraps (`Vl3m3nzBwf`).
  if (contentWords.some((word) => word.length < 4 && !/^[A-Z]+$/.test(word))) return false;
  return vowelLookAlikesOnly(stem) && longWords.every((word) => readsAsWord(word));
}

/** True when every look-alike in the text stands for a vowel (0, 1, 3, 4, @, !), as people write them into words. */
function vowelLookAlikesOnly(stem: string): boolean {
  return !/[57$]/.test(stem);
}

/** `update_1`, `webhook-2`: a word and a test's number, as tests mark the values they compare. */
export function isWordAndTestNumber(value: string): boolean {
  const word = /^([a-z]{4,12})[_-]\d{1,2}$/.exec(value)?.[1];
  // Stricter than readsAsWord: short random letters pass that about one time in ten.
  return word !== undefined && readsAsWord(word) && !/[^aeiou]{3}/.test(word) && vowelShare(word) >= 0.3;
}

/** Letters that read as a word, a little more leniently than isPronounceable: `docker`, `london`. */
function readsAsWord(letters: string): boolean {
  const lower = letters.toLowerCase();
  if (/[^aeiouy]{4}/.test(lower)) return false;
  return commonBigramShare(lower) >= 0.4 && vowelShare(withYAsVowel(lower)) >= 0.25;
}

/** Little words that make a phrase a sentence (`Not-So-Secure!`), as the random words of a passphrase rarely are. */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'not', 'no', 'so', 'is', 'it', 'my', 'your', 'of', 'to', 'for', 'too', 'very', 'this', 'that', 'be', 'do']);

/** `Not-So-Secure!`, `this_is_my_password`: a sentence, its words joined by signs. */
export function isWrittenSentence(value: string): boolean {
  const words = /^[A-Za-z]+(?:[-_ .][A-Za-z]+)+(?=[!?.]*\d{0,4}[!?.]*$)/.exec(value)?.[0].split(/[-_ .]/);
  if (words === undefined || !words.some((word) => FUNCTION_WORDS.has(word.toLowerCase()))) return false;
  return words.every((word) => word.length <= 3 || (/^(?:[A-Z]?[a-z]+|[A-Z]+)$/.test(word) && isPronounceable(word)));
}

/** The 130 commonest letter pairs of English text; random letters hit one about one time in five. */
const COMMON_BIGRAMS = new Set(
  (
    'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ' +
    'ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ' +
    'ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ex ke fr oo ue lu va'
  ).split(' '),
);

/** Letters that read as a word: most of their letter pairs are common in English, as random letters' are not. */
export function isPronounceable(letters: string): boolean {
  const lower = letters.toLowerCase();
  if (lower.length < 2) return false;
  return commonBigramShare(lower) >= 0.5 && vowelShare(lower) >= 0.2;
}

/** The share of a lower-case text's letter pairs that are common in English (text of two letters or more). */
function commonBigramShare(lower: string): number {
  let common = 0;
  for (let index = 1; index < lower.length; index += 1) if (COMMON_BIGRAMS.has(lower.slice(index - 1, index + 1))) common += 1;
  return common / (lower.length - 1);
}

function vowelShare(letters: string): number {
  return letters.replace(/[^aeiouAEIOU]/g, '').length / letters.length;
}

/**
 * `my-tokens_are-correctAB38`, `python-gitlab-token_`: three words or more joined by "-" or "_", perhaps
 * a few capitals or digits at the end, where a token's random part goes. Random parts seldom split in
 * three at all, let alone into pronounceable lower-case words that hold most of their letters.
 */
export function isWordsJoinedBySigns(value: string): boolean {
  const parts = value.split(/[-_]+/).filter((part) => part.length > 0);
  if (parts.length < 3) return false;
  const wordLetters = parts
    .map((part) => /^[a-z]{2,}/.exec(part)?.[0] ?? '')
    .filter((letters) => letters.length >= 2 && (letters.length <= 3 || isPronounceable(letters)));
  if (wordLetters.length < 3) return false;
  const inWords = wordLetters.reduce((sum, letters) => sum + letters.length, 0);
  return inWords >= value.replace(/[^A-Za-z0-9]/g, '').length * 0.6;
}
