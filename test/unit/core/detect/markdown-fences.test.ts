import assert from 'node:assert/strict';
import { fencedBlockAt, fencedBlocksOf } from '../../../../src/core/detect/markdown-fences';

describe('core/detect/markdown-fences', () => {
  it('reads fenced blocks with their language, closed by a fence as long as the opening, and one left open', () => {
    const text = 'Intro\n\n````md\n```js\nnested\n```\n````\n\n~~~ yaml title="a"\nkey: 1\n~~~\n\n```\nopen to the end\n';
    assert.deepEqual(
      fencedBlocksOf(text).map((block) => [block.language, text.slice(block.bodyStart, block.bodyEnd)]),
      [
        ['md', '```js\nnested\n```\n'],
        ['yaml', 'key: 1\n'],
        ['', 'open to the end\n'],
      ],
    );
    assert.equal(fencedBlockAt(text, text.indexOf('key: 1'))?.language, 'yaml');
    assert.equal(fencedBlockAt(text, text.indexOf('Intro')), undefined);
  });

  it("skips one-line code in backticks and reST's tilde underlines of headings", () => {
    assert.deepEqual(fencedBlocksOf('```GET /api/tokens```\ntext\n'), []);
    const rest = 'Optional values\n~~~~~~~~~~~~~~~\n\nSome text.\n\n.. code-block:: python\n\n    token = 1\n';
    assert.deepEqual(fencedBlocksOf(rest), []);
    const markdown = 'Then run:\n~~~\nexport A=1\n~~~\n';
    assert.equal(fencedBlocksOf(markdown).length, 1, 'a fence right under a short line of text');
  });
});
