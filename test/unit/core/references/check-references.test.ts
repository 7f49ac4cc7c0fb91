import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { offsetToPosition } from '../../../../src/core/references/text-position';
import { loadParser } from '../../../../src/core/references/load-parser';
import { checkReferences, declaredSecretsFrom, knownSecretsFrom, problemRange, suggestionEdit } from '../../../../src/core/references/check-references';
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

  it('reports a name that breaks the naming rule as invalid, never as missing, on the name at fault', () => {
    const text = 'secrets.get("api-keys", "API_KEY"); secrets.get("My_Vault", "github-token"); secrets.get("api-keys", "github-token");';
    const problems = checkReferences(loadParser().findReferencesInText('a.ts', text), KNOWN, { storeLabel: 'Local store' });
    assert.deepEqual(
      problems.map((problem) => [problem.kind, problem.part, problem.severity, text.slice(problemRange(problem).start, problemRange(problem).end)]),
      [
        ['invalid-name', 'key', 'warning', 'API_KEY'],
        ['invalid-name', 'vault', 'warning', 'My_Vault'],
      ],
    );
    assert.match(problems[0]!.message, /^"API_KEY" is not a valid secret name: uppercase letters "A", "P", "I", "K", "E", "Y" and "_" are not allowed\./);
    assert.ok(problems.every((problem) => !problem.message.includes('does not exist')));
    assert.deepEqual(problems.map((problem) => suggestionEdit(problem)?.newText), ['api-key', 'my-vault'], 'the quick fix spells the name by the rule');
    assert.equal(checkReferences([reference('api-keys', '__')], KNOWN)[0]?.suggestion, undefined, 'no suggestion when no spelling follows the rule');
  });

  it('reports an invalid name in a declaration too, which deploying would refuse', () => {
    const [problem] = checkReferences([reference('api-keys', 'STRIPE', true)], KNOWN);
    assert.equal(problem?.kind, 'invalid-name');
  });

  it('notes a declared secret the store lacks, at information level, saying where it is declared', () => {
    const declarations = [reference('api-keys', 'new-token', true), reference('billing', 'invoice-key', true), reference('billing', 'invoice-key', true)];
    const lines = new Map(declarations.map((declaration, index) => [declaration, index + 5]));
    const declared = declaredSecretsFrom(declarations, (declaration) => `secrets.ts:${lines.get(declaration)}`);
    assert.deepEqual([...declared.get('billing')!], [['invoice-key', 'secrets.ts:6']]);
    const problems = checkReferences([reference('api-keys', 'new-token'), reference('billing', 'invoice-key')], KNOWN, { declared, storeLabel: 'Local store' });
    assert.deepEqual(
      problems.map((problem) => [problem.kind, problem.severity, problem.message]),
      [
        ['declared-not-deployed', 'information', 'Secret "new-token" is declared in secrets.ts:5, not in Local store yet.'],
        ['declared-not-deployed', 'information', 'Secret "invoice-key" is declared in secrets.ts:6, not in Local store yet.'],
      ],
    );
    assert.deepEqual(checkReferences(declarations, KNOWN, { declared }), [], 'the declarations themselves are not reported');
  });

  it('still warns about a key that a declared vault does not declare, suggesting from the declaration', () => {
    const declared = declaredSecretsFrom([reference('billing', 'invoice-key', true)], () => 'secrets.ts:3');
    const [missingKey, missingVault] = checkReferences([reference('billing', 'invoice-kee'), reference('biling', 'invoice-key')], KNOWN, { declared, storeLabel: 'Local store' });
    assert.equal(missingKey?.kind, 'missing-key');
    assert.equal(missingKey?.severity, 'warning');
    assert.equal(missingKey?.message, 'Secret "invoice-kee" is not declared in vault "billing" (secrets.ts:3) and does not exist in Local store. Did you mean "invoice-key"?');
    assert.equal(missingVault?.kind, 'missing-vault');
    assert.equal(missingVault?.suggestion, 'billing');
  });

  it('on the declared-vault fixture: finds every planted reference on its line, and reports exactly what was planted', () => {
    const root = path.join(__dirname, '../../../fixtures/tailor-projects/declared-vault');
    const planted = JSON.parse(readFileSync(path.join(root, 'planted.json'), 'utf8')) as {
      deployed: Record<string, string[]>;
      references: Array<{ file: string; line: number; vault: string; key: string; expect: string }>;
    };
    const files = [...new Set(planted.references.map((reference) => reference.file))];
    const lineOf = new Map<string, (offset: number) => number>();
    const found = files.flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      const position = offsetToPosition(text);
      lineOf.set(file, (offset) => position(offset).line + 1);
      return loadParser().findReferencesInText(file, text).map((reference) => ({ ...reference, file }));
    });
    const place = (reference: (typeof found)[number]) => `${reference.file}:${lineOf.get(reference.file)!(reference.keyRange.start)}`;
    assert.deepEqual(
      found.map((reference) => `${place(reference)} ${reference.vault}/${reference.key}`).sort(),
      planted.references.map((reference) => `${reference.file}:${reference.line} ${reference.vault}/${reference.key}`).sort(),
    );
    const declared = declaredSecretsFrom(found, place);
    const problems = checkReferences(found, knownSecretsFrom(Object.entries(planted.deployed)), { declared });
    assert.deepEqual(
      problems.map((problem) => `${place(problem.reference)} ${problem.kind} ${problem.severity}`).sort(),
      planted.references
        .filter((reference) => reference.expect !== 'resolves' && reference.expect !== 'declaration')
        .map((reference) => `${reference.file}:${reference.line} ${reference.expect} ${reference.expect === 'declared-not-deployed' ? 'information' : 'warning'}`)
        .sort(),
    );
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
