import assert from 'node:assert/strict';
import { DETECTOR_RULE_IDS } from '../../../../src/core/detect/detector';
import { ruleIdComparator } from '../../../../src/core/detect/rule-id-order';

describe('ruleIdComparator', () => {
  it('orders every pair of the detector’s rule ids as localeCompare does', () => {
    const compare = ruleIdComparator(DETECTOR_RULE_IDS);
    const ids = [...DETECTOR_RULE_IDS];
    assert.ok(ids.length > 30, `expected the preset and project rule ids, got ${ids.length}`);
    assert.ok(DETECTOR_RULE_IDS.has('@secretlint/secretlint-rule-filter-comments'));
    for (const left of ids) {
      for (const right of ids) {
        assert.equal(Math.sign(compare(left, right)), Math.sign(left.localeCompare(right)), `${left} vs ${right}`);
      }
    }
  });

  it('falls back to localeCompare for ids outside the set, where code-unit order differs', () => {
    // localeCompare puts "a" before "B"; code-unit order puts upper case first.
    assert.equal(Math.sign('rule-a'.localeCompare('rule-B')), -1);
    assert.equal(Math.sign(ruleIdComparator(new Set())('rule-a', 'rule-B')), -1);
    assert.equal(Math.sign(ruleIdComparator(new Set(['rule-a', 'rule-B']))('rule-a', 'rule-B')), 1);
  });
});
