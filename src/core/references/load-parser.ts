import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as ParserModule from './parser-entry';

export type Parser = typeof ParserModule;

let loaded: Parser | undefined;
let customLoader: (() => Parser) | undefined;

/**
 * The parser module, loaded on first use. In the bundles it is dist/parser.js next to the caller;
 * when the sources run directly (unit tests) it is parser-entry.ts next to this file.
 * The require paths are not literals, so esbuild leaves them alone instead of bundling TypeScript in.
 */
export function loadParser(): Parser {
  if (loaded) return loaded;
  if (customLoader) {
    loaded = customLoader();
    return loaded;
  }
  loaded = require(parserLocation()) as Parser;
  return loaded;
}

/**
 * dist/parser.js beside the running bundle; else a dist/parser.js a few folders up (bundled
 * integration tests run from out/test/…); else the source, when the sources run directly.
 */
function parserLocation(): string {
  const besideBundle = path.join(__dirname, 'parser.js');
  if (existsSync(besideBundle)) return besideBundle;
  const source = path.join(__dirname, 'parser-entry.ts');
  if (existsSync(source)) return source;
  let folder = __dirname;
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(folder, 'dist', 'parser.js');
    if (existsSync(candidate)) return candidate;
    folder = path.dirname(folder);
  }
  return besideBundle;
}

/** Where to load the parser from, for hosts whose bundle sits elsewhere (integration test bundles). */
export function setParserLoader(loader: (() => Parser) | undefined): void {
  customLoader = loader;
  loaded = undefined;
}
