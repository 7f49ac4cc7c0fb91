import assert from 'node:assert/strict';
import { patternCharacters, patternLiterals, probeTexts } from '../../../../src/core/detect/probe-texts';

describe('core/detect/probe-texts', () => {
  it("takes the pattern's plain runs, leaving escapes out", () => {
    assert.deepEqual(patternLiterals('acme_(a+)+$'), ['acme_']);
    assert.deepEqual(patternLiterals('\\bkey\\d+=(\\w+)'), ['key']);
    assert.deepEqual(patternLiterals('a|b').length, 0);
  });

  it("adds the pattern's own characters that the fixed runs miss", () => {
    assert.deepEqual(patternCharacters('(b+)+$'), ['b']);
    assert.deepEqual(patternCharacters('[k-m]\\d+'), ['k', 'm']);
    assert.ok(probeTexts('(b+)+$').some((text) => /^b{2500,}!$/.test(text)));
  });

  it('holds ordinary code and, after each prefix, long runs that end in an unexpected character', () => {
    const texts = probeTexts('acme_(a+)+$');
    assert.ok(texts[0].includes('const value0 = "'));
    assert.ok(texts.some((text) => /^a{2500,}!$/.test(text)));
    assert.ok(texts.some((text) => /^acme_a{2500,}!$/.test(text)));
    assert.ok(texts.every((text) => text.length <= 10_000));
  });

  it('trips the classic catastrophic pattern within its first repeats', () => {
    // (a+)+$ backtracks exponentially on "aaa…a!": even 25 of them take long; the probe texts hold thousands.
    const run = probeTexts('(a+)+$').find((text) => /^a+!$/.test(text));
    assert.ok(run && run.length > 1_000);
  });
});
