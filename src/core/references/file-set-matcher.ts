import path from 'node:path';
import picomatch from 'picomatch';
import { isSourceFile } from '../workspace-files';
import type { ConfigFileSet } from './types';

/** Tailor skips test files wherever its globs match them, unless a config sets its own `ignores`. */
export const DEFAULT_IGNORE_GLOBS: readonly string[] = ['**/*.test.ts', '**/*.spec.ts'];

/** "./src/x/*.ts" → "src/x/*.ts", and an absolute glob relative to `baseFolder`: the SDK resolves globs against its working folder. */
function normalizeGlob(baseFolder: string, glob: string): string {
  const slashed = glob.replace(/\\/g, '/');
  const relative = path.posix.isAbsolute(slashed) ? path.posix.relative(baseFolder.split(path.sep).join('/'), slashed) : slashed;
  return path.posix.normalize(relative).replace(/^(\.\/)+/, '');
}

/** A "." or ".." segment, a doubled, leading or trailing "/": a path that path.resolve() would change. */
const UNNORMALIZED_TAIL = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$/;

/**
 * `absolutePath` relative to the base folder, with "/" separators. A normalized POSIX path under it is
 * cut after the folder's prefix: path.relative(path.resolve()) cost more than the matching, per file.
 */
function relativeToBase(baseFolder: string, basePrefix: string, absolutePath: string): string {
  if (path.sep === '/' && absolutePath.startsWith(basePrefix) && !UNNORMALIZED_TAIL.test(absolutePath.slice(basePrefix.length))) {
    return absolutePath.slice(basePrefix.length);
  }
  return path.relative(baseFolder, path.resolve(absolutePath)).split(path.sep).join('/');
}

/** Tells the files that `fileSet`'s globs, resolved against `baseFolder`, name: source files only, its ignores left out. */
export function fileSetMatcher(baseFolder: string, fileSet: ConfigFileSet): (absolutePath: string) => boolean {
  if (fileSet.files.length === 0) return () => false;
  const included = picomatch(fileSet.files.map((glob) => normalizeGlob(baseFolder, glob)));
  const excluded = picomatch((fileSet.ignores ?? DEFAULT_IGNORE_GLOBS).map((glob) => normalizeGlob(baseFolder, glob)));
  const basePrefix = baseFolder.endsWith(path.sep) ? baseFolder : baseFolder + path.sep;
  return (absolutePath) => {
    const relative = relativeToBase(baseFolder, basePrefix, absolutePath);
    return relative !== '' && isSourceFile(relative) && included(relative) && !excluded(relative);
  };
}

/** The folder a glob names before its first wildcard, "apps/admin/executors" for "./apps/admin/executors/*.ts", resolved against `baseFolder`. */
export function globLiteralFolder(baseFolder: string, glob: string): string {
  const { base, isGlob } = picomatch.scan(normalizeGlob(baseFolder, glob));
  return path.resolve(baseFolder, isGlob ? base : path.posix.dirname(base));
}

/** The glob's leading literal folder names: ["apps", "admin", "executors"] for "./apps/admin/executors/*.ts". */
export function globLiteralSegments(glob: string): string[] {
  const { base } = picomatch.scan(normalizeGlob('/', glob));
  return base.split('/').filter((segment) => segment !== '' && segment !== '.');
}
