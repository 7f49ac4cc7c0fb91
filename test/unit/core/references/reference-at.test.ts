import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';
import { referenceAt } from '../../../../src/core/references/reference-at';

describe('core/references/reference-at', () => {
  const text = 'const a = { vault: "api-keys", key: "stripe-key" }; secrets.get("mail", "smtp");';
  const references = loadParser().findReferencesInText('a.ts', text);

  it('finds the reference and the part under an offset', () => {
    const onKey = referenceAt(references, text.indexOf('stripe-key') + 3);
    assert.equal(onKey?.part, 'key');
    assert.equal(onKey?.reference.key, 'stripe-key');
    const onVault = referenceAt(references, text.indexOf('mail'));
    assert.equal(onVault?.part, 'vault');
    assert.equal(onVault?.reference.vault, 'mail');
    assert.equal(referenceAt(references, text.indexOf('smtp') + 'smtp'.length)?.part, 'key');
  });

  it('finds nothing between names', () => {
    assert.equal(referenceAt(references, text.indexOf('const')), undefined);
    assert.equal(referenceAt(references, text.indexOf('key:')), undefined);
    assert.equal(referenceAt([], 0), undefined);
  });
});
