/** How a language writes a comment that fills a line: `open`, then the text, then `close`. */
export interface CommentStyle {
  readonly open: string;
  readonly close: string;
}

const HASH: CommentStyle = { open: '# ', close: '' };
const SLASHES: CommentStyle = { open: '// ', close: '' };
const DASHES: CommentStyle = { open: '-- ', close: '' };
const SEMICOLON: CommentStyle = { open: '; ', close: '' };
const BLOCK: CommentStyle = { open: '/* ', close: ' */' };
const MARKUP: CommentStyle = { open: '<!-- ', close: ' -->' };
/** An empty expression holding a comment: what JSX children allow, where `//` would render as text. */
export const JSX_CHILD_COMMENT: CommentStyle = { open: '{/* ', close: ' */}' };

// VS Code's language ids. A language missing here (JSON, plain text, logs) has no comment a line can
// hold, so its findings are ignored through .secretmanagerignore only.
const STYLES: Readonly<Record<string, CommentStyle>> = {
  dotenv: HASH,
  properties: HASH,
  yaml: HASH,
  dockercompose: HASH,
  shellscript: HASH,
  python: HASH,
  dockerfile: HASH,
  makefile: HASH,
  perl: HASH,
  ruby: HASH,
  r: HASH,
  powershell: HASH,
  toml: HASH,
  terraform: HASH,
  elixir: HASH,
  julia: HASH,
  coffeescript: HASH,
  ignore: HASH,
  ini: SEMICOLON,
  typescript: SLASHES,
  javascript: SLASHES,
  typescriptreact: SLASHES,
  javascriptreact: SLASHES,
  jsonc: SLASHES,
  go: SLASHES,
  java: SLASHES,
  kotlin: SLASHES,
  scala: SLASHES,
  groovy: SLASHES,
  c: SLASHES,
  cpp: SLASHES,
  csharp: SLASHES,
  fsharp: SLASHES,
  rust: SLASHES,
  swift: SLASHES,
  dart: SLASHES,
  php: SLASHES,
  'objective-c': SLASHES,
  'objective-cpp': SLASHES,
  less: SLASHES,
  scss: SLASHES,
  sql: DASHES,
  lua: DASHES,
  haskell: DASHES,
  css: BLOCK,
  markdown: MARKUP,
  html: MARKUP,
  xml: MARKUP,
};

/** The comment style of a VS Code language id; undefined when the language has no comments (JSON, plain text). */
export function commentStyleOf(languageId: string): CommentStyle | undefined {
  return Object.hasOwn(STYLES, languageId) ? STYLES[languageId] : undefined;
}

/** A whole line that silences the findings on the line below it, indented like that line. */
export function ignoreCommentLine(style: CommentStyle, indentation: string): string {
  return `${indentation}${style.open}secret-manager-ignore${style.close}\n`;
}

const INDENTATION = /^[ \t]*/;
// `key: |`, `- >-`, `key: |2 # note`: the header of a YAML block scalar, whose lines below are its text.
const BLOCK_SCALAR_HEADER = /(?:^|[:\s-])[ \t]*[|>][+-]?[1-9]?[+-]?[ \t]*(?:#.*)?$/;

/**
 * When line `lineIndex` of a YAML document is text of a block scalar (`key: |`), the index of the
 * header line that opens it: a comment line inserted there would become part of the value.
 * `lineAt` gives a line's text without its line break.
 */
export function yamlBlockScalarHeader(lineAt: (index: number) => string, lineIndex: number): number | undefined {
  const indentation = INDENTATION.exec(lineAt(lineIndex))![0].length;
  for (let index = lineIndex - 1; index >= 0; index -= 1) {
    const line = lineAt(index);
    if (line.trim() === '') continue;
    if (INDENTATION.exec(line)![0].length >= indentation) continue;
    return BLOCK_SCALAR_HEADER.test(line) ? index : undefined;
  }
  return undefined;
}
