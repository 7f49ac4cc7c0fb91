import path from 'node:path';
import { lazyBundleLocation } from '../bundle-location';
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

function parserLocation(): string {
  return lazyBundleLocation(__dirname, 'parser.js', path.join(__dirname, 'parser-entry.ts'));
}

/** Where to load the parser from, for hosts whose bundle sits elsewhere (integration test bundles). */
export function setParserLoader(loader: (() => Parser) | undefined): void {
  customLoader = loader;
  loaded = undefined;
}
