import assert from 'node:assert/strict';
import { envFileCompletionContext, findEnvFileReferences } from '../../../../src/core/env-file/env-file-references';

describe('core/env-file/env-file-references', () => {
  it('finds references with the ranges of their names, skipping plain values and half-typed ones', () => {
    const text = 'PORT=80\nexport KEY="secret-manager://api-keys/stripe-key"\r\nHALF=secret-manager://api\nBAD=secret-manager://API/x\n';
    const found = findEnvFileReferences(text);
    assert.deepEqual(found.map((reference) => [reference.vault, reference.key, reference.form]), [
      ['api-keys', 'stripe-key', 'env-file'],
      ['API', 'x', 'env-file'],
    ]);
    const [first] = found;
    assert.equal(text.slice(first!.vaultRange.start, first!.vaultRange.end), 'api-keys');
    assert.equal(text.slice(first!.keyRange.start, first!.keyRange.end), 'stripe-key');
    assert.equal(text.slice(first!.range.start, first!.range.end), 'secret-manager://api-keys/stripe-key');
  });

  it('completes a vault after the scheme and a key after the slash', () => {
    const vaultText = 'A=1\nKEY=secret-manager://ap';
    assert.deepEqual(envFileCompletionContext(vaultText, vaultText.length), {
      kind: 'vault',
      replaceRange: { start: vaultText.length - 2, end: vaultText.length },
      quote: '"',
      typed: 'ap',
    });
    const keyText = "KEY='secret-manager://api-keys/st'";
    const context = envFileCompletionContext(keyText, keyText.length - 1);
    assert.equal(context?.kind, 'key');
    assert.deepEqual(context, { kind: 'key', vault: 'api-keys', replaceRange: { start: keyText.length - 3, end: keyText.length - 1 }, quote: "'", typed: 'st' });
  });

  it('offers nothing outside a reference, or before the scheme is complete', () => {
    assert.equal(envFileCompletionContext('PORT=80', 7), undefined);
    assert.equal(envFileCompletionContext('KEY=secret-man', 14), undefined);
    assert.equal(envFileCompletionContext('# KEY=secret-manager://', 23), undefined);
  });
});
