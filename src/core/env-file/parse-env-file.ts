/** How a value is written: bare, or between one kind of quote. */
export type EnvQuote = '' | "'" | '"' | '`';

/** One `NAME=value` of an env file. Offsets are into the whole text. */
export interface EnvAssignment {
  readonly name: string;
  /** The value as a program reads it: quotes removed, `\n` in double quotes expanded. */
  readonly value: string;
  readonly quote: EnvQuote;
  /** The written value, quotes included. */
  readonly rawStart: number;
  readonly rawEnd: number;
  /** The value between its quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly nameStart: number;
  /** 0-based line of the name. */
  readonly line: number;
}

const ASSIGNMENT_START = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\([nrt"\\])/g, (_escape, character: string) => DOUBLE_QUOTE_ESCAPES[character]!);
}

/** Where the quote that closes a value opened at `start` is, skipping `\"` in double quotes; -1 when none. */
function closingQuote(text: string, start: number, quote: EnvQuote): number {
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (quote === '"' && character === '\\') {
      index++;
      continue;
    }
    if (character === quote) return index;
  }
  return -1;
}

function lineEndFrom(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/**
 * The assignments of an env file, in the grammar dotenv reads: `export` prefixes, `#` comments (whole
 * lines, or after whitespace in a bare value), bare values trimmed, quoted values (which may span
 * lines) kept literally, except for the escapes of double quotes. CRLF line ends are allowed.
 * Lines that assign nothing are skipped; they stay where they are when a file is rewritten.
 */
export function parseEnvFile(text: string): EnvAssignment[] {
  const assignments: EnvAssignment[] = [];
  let lineStart = 0;
  let line = 0;
  while (lineStart < text.length) {
    let lineEnd = lineEndFrom(text, lineStart);
    const match = ASSIGNMENT_START.exec(text.slice(lineStart, lineEnd));
    if (match !== null) {
      const nameStart = lineStart + match[0].indexOf(match[1]!);
      const rawStart = lineStart + match[0].length;
      const opening = text[rawStart];
      const quote: EnvQuote = opening === "'" || opening === '"' || opening === '`' ? opening : '';
      const closing = quote === '' ? -1 : closingQuote(text, rawStart + 1, quote);
      if (closing >= 0) {
        const inner = text.slice(rawStart + 1, closing);
        assignments.push({
          name: match[1]!,
          value: quote === '"' ? unescapeDoubleQuoted(inner) : inner,
          quote,
          rawStart,
          rawEnd: closing + 1,
          valueStart: rawStart + 1,
          valueEnd: closing,
          nameStart,
          line,
        });
        for (let index = lineEnd; index < closing; index = lineEndFrom(text, index + 1)) line++;
        lineEnd = lineEndFrom(text, closing);
      } else {
        const bare = text.slice(rawStart, lineEnd).replace(/\r$/, '');
        const comment = /(^|[ \t])#/.exec(bare);
        const value = (comment === null ? bare : bare.slice(0, comment.index)).trimEnd();
        assignments.push({ name: match[1]!, value, quote: '', rawStart, rawEnd: rawStart + value.length, valueStart: rawStart, valueEnd: rawStart + value.length, nameStart, line });
      }
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return assignments;
}
