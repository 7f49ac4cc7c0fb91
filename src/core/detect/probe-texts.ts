// The texts a custom pattern is tried on before the detector runs it: ordinary code, and long runs
// of one character (or a short unit) that end in a character nothing expects, which is where
// nested or overlapping quantifiers backtrack catastrophically (`(a+)+$` on "aaa…a!").

const REPEAT_LENGTH = 2_500;
const REPEATED_UNITS = ['a', 'A', 'z', '0', 'f', 'x', ' ', '\t', '\n', '-', '_', '.', '/', '+', '=', ':', '"', '\\', 'aA0', 'a ', 'a-', 'a.', '0.', 'ab'];
/** At most this many of the pattern's own literal runs are put before the repeats, so that `acme_(a+)+$` meets them. */
const MOST_PATTERN_LITERALS = 3;
/** At most this many of the pattern's own characters are repeated too, so that `(b+)+$` meets a run of "b". */
const MOST_PATTERN_CHARACTERS = 16;

/** The plain characters of a pattern's source that the fixed units miss, escapes and syntax left out. */
export function patternCharacters(source: string): string[] {
  const plain = source.replace(/\\./g, '').replace(/[()[\]{}*+?|^$\\]/g, '');
  return [...new Set(plain)].filter((character) => !REPEATED_UNITS.includes(character)).slice(0, MOST_PATTERN_CHARACTERS);
}

/** Runs of two or more plain characters in a pattern's source ("acme_" of `acme_(a+)+$`), escapes left out. */
export function patternLiterals(source: string): string[] {
  const runs = source.replace(/\\./g, ' ').match(/[A-Za-z0-9_\-:=/.]{2,}/g) ?? [];
  return [...new Set(runs)].slice(0, MOST_PATTERN_LITERALS);
}

/** A few KB of code-like text: assignments, calls, hex and base64-like strings, URLs, comments. */
function ordinaryCode(): string {
  const lines: string[] = [];
  let state = 7;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648);
  const characters = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
  for (let index = 0; index < 80; index += 1) {
    const name = `value${index}`;
    switch (index % 5) {
      case 0:
        lines.push(`const ${name} = "${characters('0123456789abcdef', 40)}";`);
        break;
      case 1:
        lines.push(`  ${name}: '${characters('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 44)}==',`);
        break;
      case 2:
        lines.push(`fetch("https://api.example.com/v1/items/${index}?page=${next() % 100}", { headers: { accept: "application/json" } });`);
        break;
      case 3:
        lines.push(`// ${characters('abcdefghijklmnopqrstuvwxyz    ', 70)}`);
        break;
      default:
        lines.push(`${name.toUpperCase()}=${characters('ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789-', 30)}`);
    }
  }
  return lines.join('\n');
}

const ORDINARY_CODE = ordinaryCode();

/** The probe texts for one pattern source: ordinary code, then every repeated unit after each prefix. */
export function probeTexts(source: string): string[] {
  const texts = [ORDINARY_CODE];
  for (const prefix of ['', ...patternLiterals(source)]) {
    for (const unit of [...REPEATED_UNITS, ...patternCharacters(source)]) texts.push(`${prefix}${unit.repeat(Math.ceil(REPEAT_LENGTH / unit.length))}!`);
  }
  return texts;
}
