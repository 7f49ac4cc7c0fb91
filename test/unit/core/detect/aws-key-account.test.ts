import assert from 'node:assert/strict';
import { awsAccountOfKeyId } from '../../../../src/core/detect/aws-key-account';
import { judgeValue } from '../../../../src/core/detect/value-judgement';
import { fake, join } from './fake-credentials';

describe('core/detect/aws-key-account', () => {
  it("reads the account from an access key id, as AWS's get-access-key-info does", () => {
    assert.equal(awsAccountOfKeyId(join('AKIA', 'RZPUZDIKGB2VALC4')), '123456789012');
    assert.equal(awsAccountOfKeyId(join('ASIA', 'QAAAAAAAGMKEM7X5')), '000000000000');
    assert.equal(awsAccountOfKeyId(join('AKIA', 'QAAAAAAALX6GRE2E')), '000000000000');
    assert.equal(awsAccountOfKeyId('not-a-key-id'), undefined);
    assert.equal(awsAccountOfKeyId(join('AKIA', 'rzpuzdikgb2valc4')), undefined);
  });

  it("makes a key id of an emulator's account or a documentation account a placeholder; a random one stays a credential", () => {
    assert.equal(judgeValue(join('AKIA', 'QAAAAAAALX6GRE2E'), 'format').verdict, 'placeholder');
    assert.equal(judgeValue(join('AKIA', 'RZPUZDIKGB2VALC4'), 'format').verdict, 'placeholder');
    for (let round = 0; round < 200; round += 1) assert.equal(judgeValue(fake.awsAccessKeyId(), 'format').verdict, 'credential');
  });
});
