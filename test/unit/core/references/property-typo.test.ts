import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';
import { propertyTypoProblems } from '../../../../src/core/references/property-typo';

const parser = loadParser();

function applyEdit(text: string, edit: { range: { start: number; end: number }; newText: string }): string {
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

describe('core/references/property-typo', () => {
  it('reports secretName with an edit that renames it to secretKey, quoted or not', () => {
    for (const property of ['secretName', '"secretName"', "'secretName'"]) {
      const text = `defineAuth("a", { oidc: { clientSecret: { vaultName: "my-vault", ${property}: "oidc-client-secret" } } });`;
      const problems = propertyTypoProblems(parser.findReferencesInText('tailor.config.ts', text));
      assert.equal(problems.length, 1, property);
      const [problem] = problems;
      assert.match(problem!.message, /"secretName" is likely a typo for "secretKey"/);
      const fixed = applyEdit(text, problem!.edit);
      assert.equal(fixed, text.replace('secretName', 'secretKey'));
      // Once fixed, it is the ordinary form and nothing is reported.
      const after = parser.findReferencesInText('tailor.config.ts', fixed);
      assert.deepEqual(after.map((reference) => reference.form), ['vault-name-secret-key-object']);
      assert.deepEqual(propertyTypoProblems(after), []);
    }
  });

  it('reports nothing for references without a typo', () => {
    const text = 'const a = { vault: "v-a", key: "k-a" }; secrets.get("v-b", "k-b");';
    assert.deepEqual(propertyTypoProblems(parser.findReferencesInText('a.ts', text)), []);
  });
});
