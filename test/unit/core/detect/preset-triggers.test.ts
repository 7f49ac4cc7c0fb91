import assert from 'node:assert/strict';
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import { PRESET_RULE_TRIGGERS } from '../../../../src/core/detect/preset-triggers';

describe('core/detect/preset-triggers', () => {
  it('has a trigger entry for every rule of the recommended preset, and none for a rule it lacks', () => {
    const presetIds = presetRules.map((rule) => rule.meta.id).sort();
    // An upgrade that adds a rule fails here: read the new rule's source and add its triggers.
    assert.deepEqual(Object.keys(PRESET_RULE_TRIGGERS).sort(), presetIds);
  });

  it('gives every rule at least one trigger, so no entry gates a rule off entirely', () => {
    for (const [id, trigger] of Object.entries(PRESET_RULE_TRIGGERS)) {
      const count = (trigger.literals?.length ?? 0) + (trigger.literalsIgnoringCase?.length ?? 0) + (trigger.extensions?.length ?? 0);
      assert.ok(count > 0, `${id} has no trigger`);
      for (const literal of [...(trigger.literals ?? []), ...(trigger.literalsIgnoringCase ?? [])]) assert.ok(literal.length >= 2, `${id}: "${literal}" is too short`);
      for (const extension of trigger.extensions ?? []) assert.match(extension, /^\.[a-z0-9]+$/);
    }
  });
});
