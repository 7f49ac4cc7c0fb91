import assert from 'node:assert/strict';
import { forEachMatchAtStarts } from '../../../../../src/core/detect/matches-at-starts';
import { deferIndices, type ProjectRule } from '../../../../../src/core/detect/project-rule';
import { assignedNameStarts, spellingsOf } from '../../../../../src/core/detect/rules/assigned-name-starts';
import { credentialFieldRule } from '../../../../../src/core/detect/rules/credential-fields';
import { twilioSidRule } from '../../../../../src/core/detect/rules/twilio';

/** A small seeded generator, so that a failing text can be found again. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** The matches of the rule's pattern over the whole text, as a global search finds them. */
function globalMatches(rule: ProjectRule, text: string): string[] {
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace('d', ''));
  return [...text.matchAll(pattern)].map((match) => `${match.index}:${match[0]}`);
}

function matchesAtStarts(rule: ProjectRule, text: string): string[] {
  assert.ok(rule.matchStarts, `${rule.id} has matchStarts`);
  const sticky = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[dgy]/g, '')}y`);
  const found: string[] = [];
  forEachMatchAtStarts(sticky, text, rule.matchStarts(text), (match) => found.push(`${match.index}:${match[0]}`));
  return found;
}

// Pieces of text around assignments of credential-like names, near misses included: other cases,
// non-ASCII letters that fold to ASCII ones ("K", the Kelvin sign; "ſ", the long s), quotes,
// blanks, type annotations, comparison and arrow signs, values of every kind, line breaks.
const PIECES = [
  'password', 'PassWord', 'passwd', 'pwd', 'PWD', 'secret', 'Secret_Key', 'secret-key', 'secretkey', 'token', 'TOKEN',
  'to\u212Aen', '\u017Fecret', 'api_key', 'API-KEY', 'apiKey', 'private_key', 'accessKey', 'auth-key', 'signingKey',
  'credential', 'Credentials', 'my', 'x', '_', '-', '.', '"', "'", '`', ' ', '  ', '\t', '?', ':', '=', ':=', '==', '=>',
  ': string ', '?: Array<string> ', ': A.B | C ', '"s3cr3t-value"', "'abc\\'def'", '`tpl`', '`${x}`', 'bare-value', '{', '(',
  '[', '$x', '#c', ',', ';', '\n', '\r\n', 'AC', 'SK', 'ac', '0123456789abcdef', 'fedcba9876543210',
  '0123456789abcdef0123456789abcdef', 'AC0123456789abcdef0123456789abcdef', 'SKfedcba9876543210fedcba9876543210',
  '1', '_2', '-12', '123',
];

// Names, assignments and values that pass for credentials, in turn with any piece, so that the
// rule accepts some of what it matches.
const NAMES = ['password', 'apiKey', 'TOKEN', 'secret_key', 'credentials', 'x.pwd', 'test_password1', 'user_password_4', 'token-12'];
const ASSIGNMENTS = [': ', ' = ', ':=', '?: string = ', ': A.B | C = ', '": ', ' :', '==', '=>', ':\t'];
const CREDENTIAL_VALUES = ['"Zx9vQ2mL7pR4tK8w"', "'aB3dE5fG7hJ9kL1m'", '`Qw8Er7Ty6Ui5Op4A`', 'Hn4Jk8Lm2Pq6Rs0T', '"Vb7\\"Nm3Xc9Zl5Kj"'];

function assignmentsText(random: () => number, pieceCount: number): string {
  const kinds = [NAMES, ASSIGNMENTS, CREDENTIAL_VALUES, PIECES];
  let text = '';
  for (let index = 0; index < pieceCount; index += 1) {
    const pieces = random() < 0.75 ? kinds[index % kinds.length] : PIECES;
    text += pieces[Math.floor(random() * pieces.length)];
  }
  return text;
}

function randomText(random: () => number, pieceCount: number): string {
  let text = '';
  for (let index = 0; index < pieceCount; index += 1) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe('spellingsOf', () => {
  it('spells out optional characters and optional classes', () => {
    assert.deepEqual(spellingsOf('api[_-]?key|credentials?|pwd'), ['apikey', 'api_key', 'api-key', 'credential', 'credentials', 'pwd']);
  });

  it('refuses a pattern it cannot spell out, rather than miss a spelling', () => {
    assert.throws(() => spellingsOf('tok.n'), /Cannot spell out/);
    assert.throws(() => spellingsOf('(?:a|b)key'), /Cannot spell out/);
  });
});

describe('assignedNameStarts', () => {
  const starts = assignedNameStarts('token|api[_-]?key');

  it('finds names before a colon, an equals sign or a ?: annotation, past a quote and blanks', () => {
    const text = 'a.token = 1; "API_KEY": 2; token?: x; apikey\t:= 3';
    assert.deepEqual(starts(text), [2, 14, 27, 38]);
  });

  it('does not find names followed by anything else, nor names folded from non-ASCII letters', () => {
    assert.deepEqual(starts('token ; token(x) = 1; to\u212Aen = 2; api key = 3'), []);
  });

  it('finds names with a number of one or two digits after them, not three', () => {
    assert.deepEqual(starts('token1 = 1; "api_key_2": 2; token-12: 3; token123 = 4; token_ = 5'), [0, 13, 28]);
  });

  it('lists each start of names that end at the same place', () => {
    assert.deepEqual(assignedNameStarts('key|apikey')('apikey=1'), [0, 3]);
  });

  it('lists the starts in ascending order, colons and equals signs interleaved', () => {
    assert.deepEqual(assignedNameStarts('key|apikey|token')('token=1; apikey: 2; key = token: 3'), [0, 9, 12, 20, 26]);
  });
});

/**
 * What the rule accepts in code: from every match of a global search with its narrower pattern, or
 * from the narrower pattern at the starts. (A global search with the whole pattern finds less: a bare
 * value it matches, rejected in code, can hide the next assignment, as in `a_secret = secret = '…'`.)
 */
function acceptedInCode(rule: ProjectRule, text: string, narrowed: boolean): string[] {
  const context = { content: text, filePath: '/workspace/src/settings.ts', fileKind: 'code', isExecutorFile: false } as const;
  const withIndices = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gy]/g, '')}y`);
  const accepted: string[] = [];
  const onMatch = (match: RegExpExecArray) => {
    deferIndices(match, withIndices);
    const found = rule.accept(match, context);
    if (found) accepted.push(`${found.start}-${found.end}`);
  };
  assert.ok(rule.matchStarts && rule.patternInCode, `${rule.id} has matchStarts and patternInCode`);
  if (!narrowed) {
    for (const match of text.matchAll(new RegExp(rule.patternInCode.source, rule.patternInCode.flags.replace('d', '')))) onMatch(match);
    return accepted;
  }
  const sticky = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[dgy]/g, '')}y`);
  const narrow = new RegExp(rule.patternInCode.source, `${rule.patternInCode.flags.replace(/[dgy]/g, '')}y`);
  forEachMatchAtStarts(sticky, text, rule.matchStarts(text), onMatch, narrow);
  return accepted;
}

describe('patternInCode of the rules that have it', () => {
  it(`${credentialFieldRule.id}: accepts in code, at the starts, exactly what a global search with the narrower pattern accepts`, () => {
    const random = seededRandom(20261124);
    let acceptedCount = 0;
    for (let round = 0; round < 1500; round += 1) {
      const text = round % 2 === 0 ? assignmentsText(random, 4 + Math.floor(random() * 40)) : randomText(random, 4 + Math.floor(random() * 40));
      const expected = acceptedInCode(credentialFieldRule, text, false);
      assert.deepEqual(acceptedInCode(credentialFieldRule, text, true), expected, JSON.stringify(text));
      acceptedCount += expected.length;
    }
    assert.ok(acceptedCount > 100, `only ${acceptedCount} accepted`);
  });
});

describe('matchStarts of the rules that have them', () => {
  for (const rule of [credentialFieldRule, twilioSidRule]) {
    it(`${rule.id}: the pattern run at the starts finds exactly what it finds over the whole text`, () => {
      const random = seededRandom(20261123);
      let matchCount = 0;
      for (let round = 0; round < 1500; round += 1) {
        const text = randomText(random, 4 + Math.floor(random() * 40));
        const expected = globalMatches(rule, text);
        assert.deepEqual(matchesAtStarts(rule, text), expected, JSON.stringify(text));
        matchCount += expected.length;
      }
      // The texts must hold matches for the comparison to mean something.
      assert.ok(matchCount > 100, `only ${matchCount} matches`);
    });
  }
});
