import assert from 'node:assert/strict';
import { LiteralScanner } from '../../../../src/core/detect/literal-scanner';

const LITERALS = ['AKIA', 'ASIA', 'sk_live_', 'npm_', '://', 'xoxb-', 'key-', '-----BEGIN', 'SG.', 'hvs.', 'dapi', 'discord', 'eyJ', 'AccountKey=', '_authToken='];

/** What includes() says, literal by literal: the scanner must agree. */
function expected(text: string): boolean[] {
  return LITERALS.map((literal) => text.includes(literal));
}

describe('core/detect/literal-scanner', () => {
  const scanner = new LiteralScanner(LITERALS);

  it('finds each literal wherever it sits: start, middle, end', () => {
    for (const literal of LITERALS) {
      for (const text of [literal, `x ${literal} y`, `prefix-${literal}`, `${literal}\n`, `____${literal}____`]) {
        assert.deepEqual(scanner.occurring(text), expected(text), `in ${JSON.stringify(text)}`);
      }
    }
  });

  it('does not find near misses (negative controls)', () => {
    for (const text of ['AKI A', 'sk_live', 'npm', ':/', 'xoxb', 'key', '----BEGIN', 'SG', 'hvs', 'dap', 'discor', 'ey J', 'AccountKey', '_authToken', '', 'akia SK_LIVE_ NPM_']) {
      const found = scanner.occurring(text);
      assert.deepEqual(found, expected(text), `in ${JSON.stringify(text)}`);
      assert.ok(found.every((value) => !value), `nothing in ${JSON.stringify(text)}`);
    }
  });

  it('agrees with includes() on random text salted with literals', () => {
    const alphabet = 'AKISaik_-:/.=eyJxobdpcGnmsvhlt\n ';
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      for (let index = 0; index < 200; index += 1) text += alphabet[Math.floor(Math.random() * alphabet.length)];
      if (round % 3 === 0) text = text.slice(0, 100) + LITERALS[round % LITERALS.length] + text.slice(100);
      assert.deepEqual(scanner.occurring(text), expected(text), `in ${JSON.stringify(text)}`);
    }
  });

  it('agrees with includes() for literals anchored on a shared punctuation run (://, -----)', () => {
    const literals = ['://', 'mysql://', 'https://x', '-----BEGIN', 'END-----', '-----', ':/', 'a:///b'];
    const runScanner = new LiteralScanner(literals);
    const fixed = ['mysql:/', 'mysql:://', 'https:/x', '------BEGIN', 'END----', 'END------', 'a:////b', 'a:///b', ':', '//'];
    const alphabet = ':/-ENDBGIxhtpsmyqla';
    const texts = [...fixed];
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      for (let index = 0; index < 60; index += 1) text += alphabet[Math.floor(Math.random() * alphabet.length)];
      texts.push(round % 2 === 0 ? text.slice(0, 30) + literals[round % literals.length] + text.slice(30) : text);
    }
    for (const text of texts) {
      assert.deepEqual(
        runScanner.occurring(text),
        literals.map((literal) => text.includes(literal)),
        `in ${JSON.stringify(text)}`,
      );
    }
  });

  it('refuses an empty literal, which would occur everywhere', () => {
    assert.throws(() => new LiteralScanner(['ok', '']), /empty literal/);
  });
});
