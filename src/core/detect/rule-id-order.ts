/**
 * A comparator of rule ids that gives the sign String.prototype.localeCompare gives, without its
 * first call's cost: about 5 ms to load ICU's collation data, paid by every scan that has two
 * findings starting at the same offset. For the ids in `codeUnitOrderedIds` code-unit order agrees
 * with localeCompare (test/unit/core/detect/rule-id-order.test.ts checks every pair of the
 * detector's ids); any other id is compared by localeCompare.
 */
export function ruleIdComparator(codeUnitOrderedIds: ReadonlySet<string>): (left: string, right: string) => number {
  return (left, right) => {
    if (!codeUnitOrderedIds.has(left) || !codeUnitOrderedIds.has(right)) return left.localeCompare(right);
    return left < right ? -1 : left > right ? 1 : 0;
  };
}
