const MAXIMUM_LENGTH = 63;

/**
 * `suggestion`, or `suggestion-2`, `-3`… when a name is taken, kept within the 63-character limit.
 * The suggestion is a valid name already (suggestSecretKeyName), so the result is one too.
 */
export function uniqueSecretName(suggestion: string, taken: ReadonlySet<string>): string {
  if (!taken.has(suggestion)) return suggestion;
  for (let counter = 2; ; counter += 1) {
    const suffix = `-${counter}`;
    const stem = suggestion.slice(0, MAXIMUM_LENGTH - suffix.length).replace(/-+$/, '');
    const candidate = `${stem}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
