export const CONCEALED = '<concealed by secret-manager>';

/** Replaces secret values in a stream of text, one chunk at a time. */
export interface OutputMasker {
  /** The text that is safe to show now; a tail that may be the start of a value is held back. */
  write(text: string): string;
  /** Everything still held back, masked: the stream has ended. */
  end(): string;
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A masker for `values`. Matching is leftmost-longest, so of two overlapping values the one that
 * starts first, and of two starting at the same place the longer, is concealed whole. A value split
 * across writes is still found: from the end of each write, the earliest place where a value could
 * begin but has not ended yet is held until the next write (or the end) settles it.
 */
export function createOutputMasker(values: readonly string[], replacement = CONCEALED): OutputMasker {
  const distinct = [...new Set(values.filter((value) => value.length > 0))].sort((left, right) => right.length - left.length);
  if (distinct.length === 0) {
    return { write: (text) => text, end: () => '' };
  }
  const pattern = new RegExp(distinct.map(escapeForPattern).join('|'), 'g');
  const longest = distinct[0]!.length;
  let held = '';

  /** Where, from `from` on, `text` ends with a proper beginning of a value: ascending. */
  function unfinishedStarts(text: string): number[] {
    const starts: number[] = [];
    for (let start = Math.max(0, text.length - longest + 1); start < text.length; start++) {
      const tail = text.slice(start);
      if (distinct.some((value) => value.length > tail.length && value.startsWith(tail))) starts.push(start);
    }
    return starts;
  }

  function mask(text: string, final: boolean): string {
    const starts = final ? [] : unfinishedStarts(text);
    let output = '';
    let position = 0;
    for (;;) {
      const hold = starts.find((start) => start >= position) ?? text.length;
      pattern.lastIndex = position;
      const match = pattern.exec(text);
      if (match !== null && match.index < hold) {
        output += text.slice(position, match.index) + replacement;
        position = match.index + match[0].length;
        continue;
      }
      output += text.slice(position, hold);
      held = text.slice(hold);
      return output;
    }
  }

  return {
    write: (text) => mask(held + text, false),
    end: () => mask(held, true),
  };
}
