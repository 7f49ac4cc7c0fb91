/** `compute` of a text, kept for the last text it was asked about: a file's findings are judged one after another. */
export function forLastText<T>(compute: (text: string) => T): (text: string) => T {
  let last: { readonly text: string; readonly value: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, value: compute(text) };
    return last.value;
  };
}
