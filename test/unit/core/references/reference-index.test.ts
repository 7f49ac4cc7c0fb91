import assert from 'node:assert/strict';
import { knownSecretsFrom } from '../../../../src/core/references/check-references';
import { ReferenceIndex } from '../../../../src/core/references/reference-index';

const where = (references: ReadonlyArray<{ file: string; form: string }>) => references.map((reference) => `${reference.file}:${reference.form}`);

describe('core/references/reference-index', () => {
  it('indexes files, answers by secret, and follows updates and removals', () => {
    const index = new ReferenceIndex();
    index.update('/w/b.ts', 'secrets.get("api-keys", "stripe-key"); secrets.get("api-keys", "github-token");');
    index.update('/w/a.ts', 'const h = { vault: "api-keys", key: "stripe-key" };');
    index.update('/w/empty.ts', 'const nothing = 1;');
    assert.deepEqual(index.files, ['/w/a.ts', '/w/b.ts']);
    assert.deepEqual(where(index.referencesTo('api-keys', 'stripe-key')), ['/w/a.ts:vault-key-object', '/w/b.ts:secrets-get']);
    assert.deepEqual(where(index.referencesToVault('api-keys')), ['/w/a.ts:vault-key-object', '/w/b.ts:secrets-get', '/w/b.ts:secrets-get']);

    index.update('/w/b.ts', 'secrets.get("api-keys", "github-token");');
    assert.deepEqual(where(index.referencesTo('api-keys', 'stripe-key')), ['/w/a.ts:vault-key-object']);
    assert.deepEqual(where(index.referencesTo('api-keys', 'github-token')), ['/w/b.ts:secrets-get']);

    index.remove('/w/a.ts');
    assert.deepEqual(index.referencesTo('api-keys', 'stripe-key'), []);
    assert.deepEqual(index.referencesInFile('/w/a.ts'), []);
    index.remove('/w/never-added.ts');
    assert.equal(index.all().length, 1);
    index.clear();
    assert.deepEqual(index.all(), []);
  });

  it('lists what does not resolve, with the file', () => {
    const index = new ReferenceIndex();
    index.update('/w/a.ts', 'secrets.get("api-keys", "stripe-kye"); secrets.get("api-keys", "github-token");');
    index.update('/w/c.ts', 'defineSecretManager({ "new-vault": { "new-key": "" } });');
    const problems = index.unresolved(knownSecretsFrom([['api-keys', ['stripe-key', 'github-token']]]));
    assert.deepEqual(
      problems.map((problem) => [problem.reference.file, problem.kind, problem.suggestion]),
      [['/w/a.ts', 'missing-key', 'stripe-key']],
    );
  });

  it('accepts references found elsewhere (from an open document’s tree)', () => {
    const index = new ReferenceIndex();
    const range = { start: 0, end: 1 };
    index.set('/w/open.ts', [{ vault: 'v-a', key: 'k-a', form: 'secrets-get', vaultRange: range, keyRange: range, range, isDeclaration: false }]);
    assert.deepEqual(where(index.referencesTo('v-a', 'k-a')), ['/w/open.ts:secrets-get']);
    index.set('/w/open.ts', []);
    assert.deepEqual(index.files, []);
  });
});
