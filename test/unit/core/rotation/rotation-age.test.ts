import assert from 'node:assert/strict';
import { describeRotationAge, parseRotationPolicyDays, rotationAge } from '../../../../src/core/rotation/rotation-age';

describe('core/rotation/rotation-age', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const daysAgo = (days: number, hours = 0) => new Date(now.getTime() - (days * 24 + hours) * 3600_000).toISOString();

  it('is stale only past the policy, counting whole days', () => {
    assert.deepEqual(rotationAge(daysAgo(212, 3), 90, now), { days: 212, policyDays: 90, stale: true });
    assert.equal(rotationAge(daysAgo(90, 23), 90, now).stale, false, '90 days and some hours is still within 90');
    assert.equal(rotationAge(daysAgo(91), 90, now).stale, true);
    assert.equal(rotationAge(daysAgo(400), undefined, now).stale, false, 'no policy, nothing is stale');
    assert.deepEqual(rotationAge('not a time', 90, now), { days: undefined, policyDays: 90, stale: false });
    assert.equal(rotationAge(undefined, 90, now).days, undefined);
  });

  it('says it the way the tooltip and the CLI show it', () => {
    assert.equal(describeRotationAge(rotationAge(daysAgo(212), 90, now)), 'last rotated 212 days ago, policy 90');
    assert.equal(describeRotationAge(rotationAge(daysAgo(1), undefined, now)), 'last rotated 1 day ago');
    assert.equal(describeRotationAge(rotationAge(daysAgo(0, 2), 30, now)), 'last rotated today, policy 30');
    assert.equal(describeRotationAge(rotationAge(undefined, 30, now)), 'last rotated at an unknown time, policy 30');
  });

  it('reads a policy: 0 or nothing is off, a bad one is refused by name', () => {
    assert.equal(parseRotationPolicyDays(undefined, 'x'), undefined);
    assert.equal(parseRotationPolicyDays(0, 'x'), undefined);
    assert.equal(parseRotationPolicyDays(90, 'x'), 90);
    for (const bad of [-1, 1.5, 3651, '90']) assert.throws(() => parseRotationPolicyDays(bad, '--policy-days'), /--policy-days must be a whole number of days/);
  });
});
