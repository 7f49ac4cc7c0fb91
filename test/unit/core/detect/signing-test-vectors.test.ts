import assert from 'node:assert/strict';
import { isBesideItsSigningOutput } from '../../../../src/core/detect/signing-test-vectors';
import { hex } from './fake-credentials';

describe('core/detect/signing-test-vectors', () => {
  it("knows a key in a record beside the hex of what signing with it gives (ethers' and ethereumjs' vectors)", () => {
    for (const member of ['"signedLegacy"', '"unsignedEip155"', '"signedTransactionRLP"', '"serialized"', '"sendersAddress"']) {
      const text = `[{ "nonce": 1, "privateKey": "0x${hex(64)}", "signature": { "r": "0x${hex(64)}" }, ${member}: "0x${hex(80)}" }]`;
      assert.equal(isBesideItsSigningOutput(text, text.indexOf('0x')), true, member);
    }
  });

  it('leaves a key beside other members alone, and one whose record only nests such a member', () => {
    const settings = `{ "privateKey": "0x${hex(64)}", "signedUrlExpires": 3600, "signatureVersion": "v4" }`;
    assert.equal(isBesideItsSigningOutput(settings, settings.indexOf('0x')), false);
    const nested = `{ "privateKey": "0x${hex(64)}", "result": { "signedLegacy": "0x${hex(80)}" } }`;
    assert.equal(isBesideItsSigningOutput(nested, nested.indexOf('0x')), false);
  });
});
