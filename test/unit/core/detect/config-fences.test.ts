import assert from 'node:assert/strict';
import { configFencesOf, isInConfigFence } from '../../../../src/core/detect/config-fences';

describe('core/detect/config-fences', () => {
  it('finds Markdown code blocks of shell, .env, YAML and no language, and skips those of other languages whole', () => {
    const text = '# A\n\n```bash\nexport A=1\n```\n\n```js\nconst b = "```yaml";\n```\n\n~~~~\nplain: 2\n~~~~\n\n```yaml title="app.yml"\nc: 3\n```\n';
    const bodies = configFencesOf(text).map(([start, end]) => text.slice(start, end));
    assert.deepEqual(bodies, ['export A=1\n', 'plain: 2\n', 'c: 3\n']);
    assert.equal(isInConfigFence(text, text.indexOf('export')), true);
    assert.equal(isInConfigFence(text, text.indexOf('const b')), false);
    assert.equal(isInConfigFence(text, text.indexOf('# A')), false);
  });

  it('finds an unclosed fence to the end, indented fences in lists, and CRLF line ends', () => {
    const text = '1. Run:\r\n   ```sh\r\n   export A=1\r\n   ```\r\n2. Then\r\n```env\r\nB=2\r\n';
    assert.equal(isInConfigFence(text, text.indexOf('export')), true);
    assert.equal(isInConfigFence(text, text.indexOf('2. Then')), false);
    assert.equal(isInConfigFence(text, text.indexOf('B=2')), true);
  });

  it("finds reST's code-block directives of config languages, to the end of their indented block", () => {
    const text = 'Intro\n\n.. code-block:: yaml\n   :caption: app.yaml\n\n   password: x\n\n   other: y\nAfter: z\n\n.. code-block:: python\n\n   token = 1\n';
    assert.equal(isInConfigFence(text, text.indexOf('password')), true);
    assert.equal(isInConfigFence(text, text.indexOf('other')), true);
    assert.equal(isInConfigFence(text, text.indexOf('After')), false);
    assert.equal(isInConfigFence(text, text.indexOf('token')), false);
  });
});
