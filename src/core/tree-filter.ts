/** Normalises what the user typed in the tree filter; an empty filter means "show everything". */
export function normalizeTreeFilter(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim().toLowerCase();
  return trimmed === '' ? undefined : trimmed;
}

/** Whether a vault or secret name matches the filter (case-insensitive substring). */
export function matchesTreeFilter(name: string, filter: string | undefined): boolean {
  return filter === undefined || name.toLowerCase().includes(filter);
}
