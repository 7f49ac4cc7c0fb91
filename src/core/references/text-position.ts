/** A 0-based line and column (UTF-16 code units, as editors count). */
export interface LinePosition {
  readonly line: number;
  readonly column: number;
}

/** The line and column of `offset`, in O(log n) per call after a one-time O(n) scan of `text`. */
export function offsetToPosition(text: string): (offset: number) => LinePosition {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) lineStarts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - lineStarts[low]! };
  };
}
