import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';
import { checkReferences, knownSecretsFrom, suggestionEdit } from '../../../../src/core/references/check-references';
import type { FoundReference } from '../../../../src/core/references/types';

function reference(vault: string, key: string, isDeclaration = false): FoundReference {
  const range = { start: 0, end: 1 };
  return { vault, key, form: isDeclaration ? 'declaration' : 'get-secret', vaultRange: range, keyRange: range, range, isDeclaration };
}

const KNOWN = knownSecretsFrom([
  ['api-keys', ['stripe-secret-key', 'github-token']],
  ['mail', []],
]);

describe('core/references/check-references', () => {
  it('passes references that resolve', () => {
    assert.deepEqual(checkReferences([reference('api-keys', 'github-token'), reference('api-keys', 'stripe-secret-key')], KNOWN), []);
  });

  it('reports a missing vault with a suggestion', () => {
    const [problem, ...rest] = checkReferences([reference('api-kyes', 'github-token')], KNOWN, { storeLabel: 'Local store' });
    assert.equal(rest.length, 0);
    assert.equal(problem?.kind, 'missing-vault');
    assert.equal(problem?.suggestion, 'api-keys');
    assert.equal(problem?.message, 'Vault "api-kyes" does not exist in Local store. Did you mean "api-keys"?');
  });

  it('reports a missing key with a suggestion from its vault only', () => {
    const [problem] = checkReferences([reference('api-keys', 'github-tokn')], KNOWN);
    assert.equal(problem?.kind, 'missing-key');
    assert.equal(problem?.suggestion, 'github-token');
    assert.equal(problem?.message, 'Secret "github-tokn" does not exist in vault "api-keys". Did you mean "github-token"?');
    const [inEmptyVault] = checkReferences([reference('mail', 'github-token')], KNOWN);
    assert.equal(inEmptyVault?.kind, 'missing-key');
    assert.equal(inEmptyVault?.suggestion, undefined);
    assert.ok(!inEmptyVault?.message.includes('Did you mean'));
  });

  it('skips declarations unless asked, and keeps the caller’s reference objects', () => {
    const declared = reference('new-vault', 'new-key', true);
    assert.deepEqual(checkReferences([declared], KNOWN), []);
    const problems = checkReferences([declared], KNOWN, { includeDeclarations: true });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.reference, declared);
  });

  it('turns a suggestion into the edit that fixes the name', () => {
    const text = 'secrets.get("api-kyes", "github-token"); secrets.get("api-keys", "github-tokn"); secrets.get("zzz-vault", "k-a");';
    const problems = checkReferences(loadParser().findReferencesInText('a.ts', text), KNOWN);
    const fixed = problems.map((problem) => suggestionEdit(problem)).reduceRight((result, edit) => {
      if (!edit) return result;
      return result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
    }, text);
    assert.equal(fixed, 'secrets.get("api-keys", "github-token"); secrets.get("api-keys", "github-token"); secrets.get("zzz-vault", "k-a");');
    assert.equal(suggestionEdit(problems[2]!), undefined);
  });
});
