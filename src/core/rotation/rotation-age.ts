import { pluralize } from '../format';

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;
/** The longest rotation policy accepted: ten years. */
export const LONGEST_POLICY_DAYS = 3650;

/** How long ago a secret was last rotated (its update time), and whether that is past the policy. */
export interface RotationAge {
  /** Whole days since the last update; undefined when the store gave no readable update time. */
  readonly days: number | undefined;
  readonly policyDays: number | undefined;
  /** True only with a policy and a known age past it. */
  readonly stale: boolean;
}

/** The policy in days, or undefined for "off" (0, undefined). Anything else is refused by name. */
export function parseRotationPolicyDays(value: unknown, source: string): number | undefined {
  if (value === undefined || value === null || value === 0) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= LONGEST_POLICY_DAYS) return value;
  throw new RangeError(`${source} must be a whole number of days from 1 to ${LONGEST_POLICY_DAYS} (or 0 for no policy), not ${JSON.stringify(value)?.slice(0, 20)}.`);
}

export function rotationAge(updatedAt: string | undefined, policyDays: number | undefined, now: Date = new Date()): RotationAge {
  const time = updatedAt === undefined ? Number.NaN : Date.parse(updatedAt);
  const days = Number.isNaN(time) ? undefined : Math.max(0, Math.floor((now.getTime() - time) / DAY_MILLISECONDS));
  return { days, policyDays, stale: policyDays !== undefined && days !== undefined && days > policyDays };
}

/** "last rotated 212 days ago, policy 90", "last rotated today"; without a known age, what is known. */
export function describeRotationAge(age: RotationAge): string {
  const when = age.days === undefined ? 'last rotated at an unknown time' : age.days === 0 ? 'last rotated today' : `last rotated ${pluralize(age.days, 'day')} ago`;
  return age.policyDays === undefined ? when : `${when}, policy ${age.policyDays}`;
}
