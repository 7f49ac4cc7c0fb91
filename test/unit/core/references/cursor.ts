/** Splits "text with a | cursor" into the text without the marker and the marker's offset. */
export function withCursor(marked: string, marker = '|'): { text: string; offset: number } {
  const offset = marked.indexOf(marker);
  if (offset < 0 || marked.indexOf(marker, offset + 1) >= 0) throw new Error(`Put exactly one ${marker} in: ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + marker.length), offset };
}
