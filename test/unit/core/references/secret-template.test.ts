import assert from 'node:assert/strict';
import ts from 'typescript';
import { parseSource } from '../../../../src/core/references/parse';
import { secretTemplateCompletionContext, secretTemplateReferences } from '../../../../src/core/references/secret-template';
import type { StringLikeLiteral } from '../../../../src/core/references/syntax';
import { withCursor } from './cursor';

/** The first string literal of `text`, parsed as `const value = <literal>;`. */
function literalOf(text: string): { literal: StringLikeLiteral; sourceFile: ts.SourceFile } {
  const sourceFile = parseSource('a.ts', text);
  const statement = sourceFile.statements[0] as ts.VariableStatement;
  const literal = statement.declarationList.declarations[0]!.initializer as StringLikeLiteral;
  return { literal, sourceFile };
}

describe('core/references/secret-template', () => {
  it('finds each {{secret.vault.key}} of a string with exact ranges', () => {
    const text = 'const value = "Basic {{secret.basic.user}}:{{ secret.basic.password }}";';
    const { literal, sourceFile } = literalOf(text);
    const found = secretTemplateReferences(literal, sourceFile);
    assert.deepEqual(
      found.map((reference) => [reference.vault, reference.key, text.slice(reference.vaultRange.start, reference.vaultRange.end), text.slice(reference.keyRange.start, reference.keyRange.end), text.slice(reference.range.start, reference.range.end)]),
      [
        ['basic', 'user', 'basic', 'user', '{{secret.basic.user}}'],
        ['basic', 'password', 'basic', 'password', '{{ secret.basic.password }}'],
      ],
    );
    assert.ok(found.every((reference) => reference.form === 'secret-template' && !reference.isDeclaration));
  });

  it('finds nothing in a string without a complete template, or in an unterminated one', () => {
    for (const text of ['const value = "{{secret.v}}";', 'const value = "{{secret.v.}}";', 'const value = "secret.v.k";', 'const value = "{{secret.v.k}}']) {
      const { literal, sourceFile } = literalOf(text);
      assert.deepEqual(secretTemplateReferences(literal, sourceFile), [], text);
    }
  });

  it('offers vaults after {{secret. and keys after {{secret.<vault>.', () => {
    const vault = withCursor('const value = "{{secret.ap|i-keys.k}}";');
    const vaultLiteral = literalOf(vault.text);
    const vaultContext = secretTemplateCompletionContext(vaultLiteral.literal, vaultLiteral.sourceFile, vault.offset);
    assert.equal(vaultContext?.kind, 'vault');
    assert.equal(vault.text.slice(vaultContext!.replaceRange.start, vaultContext!.replaceRange.end), 'api-keys');

    const key = withCursor('const value = "{{secret.api-keys.|";');
    const keyLiteral = literalOf(key.text);
    assert.deepEqual(secretTemplateCompletionContext(keyLiteral.literal, keyLiteral.sourceFile, key.offset), {
      kind: 'key',
      vault: 'api-keys',
      replaceRange: { start: key.offset, end: key.offset },
      quote: '"',
      typed: '',
    });
  });

  it('offers nothing outside an open template', () => {
    for (const marked of ['const value = "Bearer |";', 'const value = "{{secret.a.b}}|";', 'const value = "{{ other.|";']) {
      const { text, offset } = withCursor(marked);
      const { literal, sourceFile } = literalOf(text);
      assert.equal(secretTemplateCompletionContext(literal, sourceFile, offset), undefined, marked);
    }
  });
});
