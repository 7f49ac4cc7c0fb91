import assert from 'node:assert/strict';
import { AWS_RULE_ID, DATABASE_PRESET_RULE_ID, presetReportRange } from '../../../../src/core/detect/preset-report-range';
import { randomText } from './fake-credentials';

describe('core/detect/preset-report-range', () => {
  it("drops the AWS rule's account ids and keeps its access key ids where they are", () => {
    assert.equal(presetReportRange({ ruleId: AWS_RULE_ID, range: [0, 24], message: 'found AWS Account ID: ****' }, '"account": "619812345678"'), undefined);
    assert.deepEqual(presetReportRange({ ruleId: AWS_RULE_ID, range: [3, 23], message: 'found AWS Access Key ID: ****' }, 'x  AKIA…'), [3, 23]);
  });

  it('moves a secret access key report from the field name onto the key', () => {
    const key = `${randomText(39)}Q`;
    const text = `{ "secretAccessKey": "${key}" }`;
    const start = text.indexOf('"secretAccessKey"');
    const range = presetReportRange({ ruleId: AWS_RULE_ID, range: [start, start + 40], message: 'found AWS Secret Access Key: ****' }, text);
    assert.equal(range && text.slice(range[0], range[1]), key);
  });

  it('trims the closing quote and punctuation off a connection string', () => {
    const text = `const url = "postgres://app:${randomText(12)}@db/app";`;
    const start = text.indexOf('postgres');
    const range = presetReportRange({ ruleId: DATABASE_PRESET_RULE_ID, range: [start, text.length], message: 'found' }, text);
    assert.equal(range && text.slice(range[0], range[1]), text.slice(start, text.length - 2));
  });

  it("trims a notebook's escaped line end after the closing quote too", () => {
    const url = `postgresql://user:${randomText(12)}@localhost:5432/faq`;
    const text = `"    '${url}'\\n",`;
    const start = text.indexOf('postgresql');
    const range = presetReportRange({ ruleId: DATABASE_PRESET_RULE_ID, range: [start, text.length], message: 'found' }, text);
    assert.equal(range && text.slice(range[0], range[1]), url);
  });
});
