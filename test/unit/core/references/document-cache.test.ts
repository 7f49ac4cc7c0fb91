import assert from 'node:assert/strict';
import type ts from 'typescript';
import { loadParser } from '../../../../src/core/references/load-parser';

const parser = loadParser();

/** The tree as a list of "kind@start-end", so two trees can be compared node for node. */
function shape(sourceFile: ts.SourceFile): string[] {
  const nodes: string[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(`${node.kind}@${node.pos}-${node.end}`);
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return nodes;
}

const EXECUTOR = [
  'import { createExecutor } from "@tailor-platform/sdk";',
  'export default createExecutor({',
  '  name: "stripe-webhook",',
  '  operation: {',
  '    kind: "webhook",',
  '    headers: { Authorization: { vault: "api-keys", key: "stripe-key" } },',
  '  },',
  '});',
  'export async function run() {',
  '  return tailor.secretmanager.getSecret("api-keys", "other-key");',
  '}',
  '',
].join('\n');

/** A small deterministic random generator, so a failing edit sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('core/references/document-cache', () => {
  it('updates incrementally to the same tree and references as a full parse, edit after edit', () => {
    const cache = new parser.DocumentCache();
    const next = random(7);
    const insertions = ['"', 'a', '-', ' ', '\n', '{', '}', '(', ')', ',', 'key: "', 'vault', ''];
    let text = EXECUTOR;
    cache.update('file:///executor.ts', 1, text);
    for (let version = 2; version < 200; version += 1) {
      const offset = Math.floor(next() * (text.length + 1));
      const length = Math.min(text.length - offset, Math.floor(next() * 3));
      const inserted = insertions[Math.floor(next() * insertions.length)]!;
      text = text.slice(0, offset) + inserted + text.slice(offset + length);
      const incremental = cache.update('file:///executor.ts', version, text, [{ rangeOffset: offset, rangeLength: length, text: inserted }]);
      const full = parser.parseSource('file:///executor.ts', text);
      assert.equal(incremental.text, text);
      assert.deepEqual(shape(incremental), shape(full), `tree differs after edit ${version}`);
      assert.deepEqual(parser.findReferences(incremental), parser.findReferences(full));
    }
  });

  it('applies several changes of one event in order', () => {
    const cache = new parser.DocumentCache();
    cache.update('a.ts', 1, 'secrets.get("v-a", "k-a");');
    // Two edits as VS Code reports them, the later one first so earlier offsets stay valid.
    const changes = [
      { rangeOffset: 20, rangeLength: 3, text: 'k-b' },
      { rangeOffset: 13, rangeLength: 3, text: 'v-b' },
    ];
    const updated = cache.update('a.ts', 2, 'secrets.get("v-b", "k-b");', changes);
    assert.deepEqual(
      parser.findReferences(updated).map((reference) => `${reference.vault}/${reference.key}`),
      ['v-b/k-b'],
    );
  });

  it('keeps the tree for an unchanged version and falls back to a full parse on inconsistent changes', () => {
    const cache = new parser.DocumentCache();
    const first = cache.update('a.ts', 1, 'const a = 1;');
    assert.equal(cache.update('a.ts', 1, 'const a = 1;'), first);
    const wrong = cache.update('a.ts', 2, 'const b = 22;', [{ rangeOffset: 6, rangeLength: 1, text: 'x' }]);
    assert.equal(wrong.text, 'const b = 22;');
    assert.deepEqual(shape(wrong), shape(parser.parseSource('a.ts', 'const b = 22;')));
    const outOfRange = cache.update('a.ts', 3, 'x', [{ rangeOffset: 500, rangeLength: 1, text: 'x' }]);
    assert.equal(outOfRange.text, 'x');
    assert.equal(cache.version('a.ts'), 3);
  });

  it('forgets documents on delete and beyond its capacity', () => {
    const cache = new parser.DocumentCache(2);
    cache.update('a.ts', 1, 'a');
    cache.update('b.ts', 1, 'b');
    cache.update('a.ts', 2, 'aa');
    cache.update('c.ts', 1, 'c');
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b.ts'), undefined, 'the least recently updated document goes first');
    assert.equal(cache.get('a.ts')?.text, 'aa');
    cache.delete('a.ts');
    assert.equal(cache.get('a.ts'), undefined);
    assert.equal(cache.size, 1);
  });
});
