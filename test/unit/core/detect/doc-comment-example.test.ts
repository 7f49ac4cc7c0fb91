import assert from 'node:assert/strict';
import { isInDocCommentExample } from '../../../../src/core/detect/doc-comment-example';
import { hex } from './fake-credentials';

describe('core/detect/doc-comment-example', () => {
  const key = `0x${hex(64)}`;
  const at = (text: string) => text.indexOf(key);

  it('finds a value in the example of a documentation comment, after @example or inside a fence', () => {
    const fenced = `/**\n * Makes an account.\n * \`\`\`ts\n * privateKeyToAccount("…");\n * > { privateKey: '${key}' }\n * \`\`\`\n */\nexport function f() {}\n`;
    assert.equal(isInDocCommentExample(fenced, at(fenced)), true);
    const tagged = `/**\n * @example\n * const wallet = { privateKey: '${key}' };\n */\n`;
    assert.equal(isInDocCommentExample(tagged, at(tagged)), true);
  });

  it('leaves code, and a comment that shows no example, alone', () => {
    const code = `/**\n * @example\n * f();\n */\nconst wallet = { privateKey: '${key}' };\n`;
    assert.equal(isInDocCommentExample(code, at(code)), false, 'after the comment ends');
    const plain = `/**\n * The deployer's key.\n * privateKey: '${key}'\n */\n`;
    assert.equal(isInDocCommentExample(plain, at(plain)), false, 'no example shown before it');
  });
});
