import assert from 'node:assert/strict';
import ts from 'typescript';
import { createDetector } from '../../../../src/core/detect/detector';
import { commentStyleOf, ignoreCommentLine, JSX_CHILD_COMMENT } from '../../../../src/core/detect/ignore-comment';
import { ignoreCommentContext } from '../../../../src/core/references/ignore-comment-context';
import { parseSource } from '../../../../src/core/references/parse';
import { fake } from '../detect/fake-credentials';

/** The offset of the first non-blank character of the line holding `marker`. */
function lineStartOf(text: string, marker: string): number {
  const index = text.indexOf(marker);
  assert.ok(index >= 0, `${marker} is in the text`);
  const lineStart = text.lastIndexOf('\n', index) + 1;
  return lineStart + (/^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0);
}

/** Inserts the comment the context asks for on a line of its own before the line holding `marker`. */
function withIgnoreComment(fileName: string, text: string, marker: string): { text: string; context: string } {
  const offset = lineStartOf(text, marker);
  const context = ignoreCommentContext(parseSource(fileName, text), offset);
  if (context === 'none') return { text, context };
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const style = context === 'jsx-children' ? JSX_CHILD_COMMENT : commentStyleOf('typescriptreact')!;
  return { text: text.slice(0, lineStart) + ignoreCommentLine(style, text.slice(lineStart, offset)) + text.slice(lineStart), context };
}

/** The parser's syntax errors (internal to TypeScript's SourceFile, but stable for years). */
function syntaxErrors(fileName: string, text: string): string[] {
  const sourceFile = parseSource(fileName, text) as ts.SourceFile & { parseDiagnostics: readonly ts.Diagnostic[] };
  return sourceFile.parseDiagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

/** The JSX text of the tree, trimmed: what would render as words on the page. */
function renderedJsxText(fileName: string, text: string): string {
  const words: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && node.text.trim() !== '') words.push(node.text.trim());
    node.forEachChild(visit);
  };
  visit(parseSource(fileName, text));
  return words.join(' ');
}

describe('core/references/ignore-comment-context', () => {
  const detector = createDetector();
  const cases: ReadonlyArray<{ title: string; fileName: string; text: (key: string) => string; expected: string }> = [
    { title: 'a statement', fileName: 'a.ts', text: (key) => `const a = 1;\nconst key = "${key}";\n`, expected: 'code' },
    { title: 'an object property', fileName: 'a.ts', text: (key) => `const a = {\n  key: "${key}",\n};\n`, expected: 'code' },
    {
      title: 'a JSX child element with the credential in an attribute',
      fileName: 'a.tsx',
      text: (key) => `export const A = () => (\n  <div>\n    <Widget apiKey="${key}" />\n  </div>\n);\n`,
      expected: 'jsx-children',
    },
    {
      title: 'JSX text',
      fileName: 'a.jsx',
      text: (key) => `export const A = () => (\n  <p>\n    Key: ${key}\n  </p>\n);\n`,
      expected: 'jsx-children',
    },
    {
      title: 'an attribute on a line of its own inside a tag',
      fileName: 'a.tsx',
      text: (key) => `export const A = () => (\n  <Widget\n    apiKey="${key}"\n  />\n);\n`,
      expected: 'code',
    },
    {
      title: 'the root element of a parenthesised expression',
      fileName: 'a.tsx',
      text: (key) => `export const A = () => (\n  <Widget apiKey="${key}" />\n);\n`,
      expected: 'code',
    },
    {
      title: 'code inside a JSX expression',
      fileName: 'a.tsx',
      text: (key) => `export const A = () => (\n  <div>\n    {render(\n      "${key}")}\n  </div>\n);\n`,
      expected: 'code',
    },
    {
      title: 'a line inside a template literal',
      fileName: 'a.ts',
      text: (key) => `const note = \`first line\n${key}\n\`;\n`,
      expected: 'none',
    },
  ];

  for (const sample of cases) {
    it(`${sample.title}: ${sample.expected}`, async () => {
      const key = fake.stripeLive();
      const original = sample.text(key);
      const { text, context } = withIgnoreComment(sample.fileName, original, key);
      assert.equal(context, sample.expected);
      if (context === 'none') return;
      assert.deepEqual(syntaxErrors(sample.fileName, text), [], 'still parses');
      assert.equal(renderedJsxText(sample.fileName, text), renderedJsxText(sample.fileName, original), 'the comment renders nothing');
      assert.ok((await detector.detect({ text: original, filePath: `/w/${sample.fileName}` })).length > 0, 'found without the comment');
      assert.deepEqual(await detector.detect({ text, filePath: `/w/${sample.fileName}` }), [], 'silenced by the comment');
    });
  }
});
