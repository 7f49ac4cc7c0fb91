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

  it('records every start of the tracked literals, overlapping ones too, and only of those', () => {
    const tracked = new Set(['AKIA', 'xoxb-', 'dapi', '://', 'aa']);
    const literals = [...LITERALS, 'aa'];
    const trackingScanner = new LiteralScanner(literals, tracked);
    const every = (text: string, literal: string) => {
      const starts: number[] = [];
      for (let index = text.indexOf(literal); index !== -1; index = text.indexOf(literal, index + 1)) starts.push(index);
      return starts;
    };
    const alphabet = 'AKISaik_-:/.=eyJxobdpcGnmsvhlt\n ';
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      for (let index = 0; index < 200; index += 1) text += alphabet[Math.floor(Math.random() * alphabet.length)];
      text = `${text.slice(0, 50)}${literals[round % literals.length]}${text.slice(50, 120)}${literals[(round * 7) % literals.length]}${text.slice(120)}`;
      const { found, positions } = trackingScanner.scan(text);
      assert.deepEqual(found, literals.map((literal) => text.includes(literal)), `in ${JSON.stringify(text)}`);
      literals.forEach((literal, index) => {
        const wanted = tracked.has(literal) && found[index] ? every(text, literal) : undefined;
        assert.deepEqual(positions[index], wanted, `${literal} in ${JSON.stringify(text)}`);
      });
    }
  });

  it('finds literals whose character beside the anchor is not ASCII', () => {
    const literals = ['ß-', '-é', 'x_ü', '€@', '-'];
    const wideScanner = new LiteralScanner(literals);
    const alphabet = 'ßé-_ü€@xa ';
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      for (let index = 0; index < 40; index += 1) text += alphabet[Math.floor(Math.random() * alphabet.length)];
      assert.deepEqual(
        wideScanner.occurring(text),
        literals.map((literal) => text.includes(literal)),
        `in ${JSON.stringify(text)}`,
      );
    }
  });

  it('refuses an empty literal, which would occur everywhere', () => {
    assert.throws(() => new LiteralScanner(['ok', '']), /empty literal/);
  });
});
