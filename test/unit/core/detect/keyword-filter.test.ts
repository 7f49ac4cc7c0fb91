import assert from 'node:assert/strict';
import { KeywordFilter } from '../../../../src/core/detect/keyword-filter';
import type { ProjectRule } from '../../../../src/core/detect/project-rule';

function rule(id: string, keywords: string[]): ProjectRule {
  return { id, title: id, severity: 'warning', certainty: 'heuristic', keywords, pattern: /x/dg, accept: () => undefined };
}

describe('core/detect/keyword-filter', () => {
  const filter = new KeywordFilter([rule('twilio', ['twilio', 'auth[_-]?token']), rule('field', ['token', 'secret'])]);
  const lines = (text: string) =>
    Object.fromEntries([...filter.candidateLines(text)].map(([id, found]) => [id, found.map((line) => text.slice(line.start, line.end))]));

  it('finds the lines holding each rule’s keywords, in any case, once per line', () => {
    const text = 'const a = 1;\nTWILIO_AUTH_TOKEN=x\nplain line\nconst secret = token;\n';
    assert.deepEqual(lines(text), {
      twilio: ['TWILIO_AUTH_TOKEN=x'],
      field: ['TWILIO_AUTH_TOKEN=x', 'const secret = token;'],
    });
  });

  it('keeps offsets right when lower-casing would change the length (İ)', () => {
    const text = 'İİİ\nlet token = 1;';
    const found = filter.candidateLines(text).get('field') ?? [];
    assert.deepEqual(found.map((line) => text.slice(line.start, line.end)), ['let token = 1;']);
  });

  it('matches the text lower-cased: the Kelvin sign counts as "k", other non-ASCII letters as nothing', () => {
    // U+212A lower-cases to "k"; "ſ" (long s) upper-cases to "S" but lower-cases to itself.
    const text = 'let to\u212Aen = 1;\nlet ſecret = 2;\nlet SECRET = 3;\n';
    assert.deepEqual(lines(text), { field: ['let to\u212Aen = 1;', 'let SECRET = 3;'] });
    assert.deepEqual(lines('İ let to\u212Aen = 1;'), {});
  });

  it('finds a keyword that starts where an earlier keyword of the alternation matched', () => {
    // "secret" is tried first and matches at 0; "secretaccess" starts at the same place.
    const overlapping = new KeywordFilter([{ id: 'short', keywords: ['secret'] }, { id: 'long', keywords: ['secretaccess'] }]);
    const found = overlapping.candidateLines('x\nSecretAccessKey = 1\nsecret only\n');
    assert.deepEqual(found.get('long')?.length, 1);
    assert.deepEqual(found.get('short')?.length, 2);
  });

  it('finds nothing without keywords', () => {
    assert.equal(new KeywordFilter([]).candidateLines('token secret').size, 0);
    assert.equal(filter.candidateLines('nothing to see').size, 0);
  });
});
