import { configFencesOf, isInConfigFence } from './config-fences';
import type { FileKind } from './project-rule';

/** A string literal in source text: its decoded value and the offsets of its content (inside the quotes). */
export interface SourceLiteral {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

// Single-line quoted strings; template literals only when they have no substitution. Unrolled
// loops keep the regex linear. A stray quote in a comment can pair up only within its line.
const QUOTED_LITERAL = /"([^"\\\n]*(?:\\.[^"\\\n]*)*)"|'([^'\\\n]*(?:\\.[^'\\\n]*)*)'|`([^`\\$\n]*(?:(?:\\.|\$(?!\{))[^`\\$\n]*)*)`/g;
// KEY=value and key: value lines of .env, YAML and properties files, with a bare (unquoted) value.
const BARE_CONFIG_VALUE = /^[ \t]*(?:export[ \t]+)?[\w.-]+[ \t]*[=:][ \t]*([^\s"'`#|>][^\n]*?)[ \t]*(?:[ \t]#[^\n]*)?\r?$/gm;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes the escapes of a JavaScript string literal's content. */
export function decodeEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_whole, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(Number.parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/** Every string literal of at least `minimumLength` characters: quoted ones, and bare config values. */
export function extractLiterals(content: string, fileKind: FileKind, minimumLength = 8): SourceLiteral[] {
  const literals: SourceLiteral[] = [];
  someLiteral(content, fileKind, minimumLength, (value, start, end) => {
    literals.push({ value, start, end });
    return false;
  });
  return literals;
}

/**
 * True when `test` is true of a literal extractLiterals() would give (it is called on them in the same
 * order, and no more once it is true); without building the list.
 */
export function someLiteral(content: string, fileKind: FileKind, minimumLength: number, test: (value: string, start: number, end: number) => boolean): boolean {
  QUOTED_LITERAL.lastIndex = 0;
  for (let match = QUOTED_LITERAL.exec(content); match !== null; match = QUOTED_LITERAL.exec(content)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? '';
    if (raw.length < minimumLength) continue;
    const start = match.index + 1;
    if (test(decodeEscapes(raw), start, start + raw.length)) return true;
  }
  if (fileKind === 'config' || (fileKind === 'docs' && configFencesOf(content).length > 0)) {
    BARE_CONFIG_VALUE.lastIndex = 0;
    for (let match = BARE_CONFIG_VALUE.exec(content); match !== null; match = BARE_CONFIG_VALUE.exec(content)) {
      const raw = match[1];
      if (raw.length < minimumLength) continue;
      if (fileKind === 'docs' && !isInConfigFence(content, match.index)) continue;
      const start = match.index + match[0].lastIndexOf(raw);
      if (test(raw, start, start + raw.length)) return true;
    }
  }
  return false;
}
