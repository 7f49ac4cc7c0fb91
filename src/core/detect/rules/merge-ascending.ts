/**
 * The numbers of two ascending lists in one ascending list. Start offsets arrive as a few
 * ascending lists (one per literal or sign); merging them cost nothing next to sort() with a
 * comparator, which took 4–6 ms per rule over the bench tree.
 */
export function mergeAscending(left: readonly number[], right: readonly number[]): number[] {
  if (right.length === 0) return left as number[];
  if (left.length === 0) return right as number[];
  // Filled by push, not preallocated: a holey array's other element kind made the optimised
  // forEachMatchAtStarts, which reads these lists, deoptimise and compile again.
  const merged: number[] = [];
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.length && rightIndex < right.length) merged.push(left[leftIndex] <= right[rightIndex] ? left[leftIndex++] : right[rightIndex++]);
  while (leftIndex < left.length) merged.push(left[leftIndex++]);
  while (rightIndex < right.length) merged.push(right[rightIndex++]);
  return merged;
}
