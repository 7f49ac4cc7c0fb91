import path from 'node:path';

/** Lockfiles named in full: their hashes, integrity strings and resolved URLs look like credentials to heuristic rules. */
const LOCKFILE_NAMES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'go.sum', 'packages.lock.json', 'gradle.lockfile', '.terraform.lock.hcl']);
/** Cargo.lock, Gemfile.lock, composer.lock, poetry.lock, Pipfile.lock, yarn.lock, bun.lock, flake.lock… */
const LOCKFILE_EXTENSIONS = new Set(['.lock', '.lockb']);
/** Minified bundles and source maps, by name. */
const MINIFIED_SUFFIXES = ['.min.js', '.min.mjs', '.min.cjs', '.min.css', '-min.js'];
const SOURCE_MAP_EXTENSION = '.map';
/** Files whose text can be a minified bundle without saying so in the name. */
const MINIFIABLE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.css']);
/**
 * A .js or .css file whose lines average more than this many characters is taken for minified.
 * Hand-written code stays far below (80–120); the smallest file this applies to holds several
 * such lines, so one long data line in a short file does not make it generated.
 */
const MINIFIED_AVERAGE_LINE_LENGTH = 500;
const MINIFIED_SMALLEST_LENGTH = 2_000;

/** What kind of machine-written file a path is, when it is one. */
export type GeneratedFileKind = 'lockfile' | 'minified' | 'source-map';

/**
 * Classifies lockfiles, minified bundles and source maps, on which the heuristic rules (a
 * credential-like name, a header, 32 hex characters near "token") give only noise. The text is
 * looked at only for .js and .css files whose name does not already say.
 */
export function generatedFileKind(filePath: string, text?: string): GeneratedFileKind | undefined {
  const name = path.basename(filePath).toLowerCase();
  if (LOCKFILE_NAMES.has(name) || LOCKFILE_EXTENSIONS.has(path.extname(name))) return 'lockfile';
  if (name.endsWith(SOURCE_MAP_EXTENSION)) return 'source-map';
  if (MINIFIED_SUFFIXES.some((suffix) => name.endsWith(suffix))) return 'minified';
  if (text !== undefined && MINIFIABLE_EXTENSIONS.has(path.extname(name)) && looksMinified(text)) return 'minified';
  return undefined;
}

function looksMinified(text: string): boolean {
  if (text.length < MINIFIED_SMALLEST_LENGTH) return false;
  let lineCount = 1;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    lineCount += 1;
    // Enough lines that the average can no longer exceed the limit.
    if (lineCount * MINIFIED_AVERAGE_LINE_LENGTH >= text.length) return false;
  }
  return text.length / lineCount > MINIFIED_AVERAGE_LINE_LENGTH;
}
