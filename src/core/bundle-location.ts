import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a lazily loaded bundle is: `bundleFile` beside the running bundle; else its source entry beside
 * `sourceFolder`, when the sources run directly (unit tests); else a `dist/<bundleFile>` a few folders
 * up (bundled integration tests run from out/test/…). Callers require the result with a non-literal
 * path, so that esbuild leaves the module out of their own bundle.
 */
export function lazyBundleLocation(runningFolder: string, bundleFile: string, sourceEntry: string): string {
  const besideBundle = path.join(runningFolder, bundleFile);
  if (existsSync(besideBundle)) return besideBundle;
  if (existsSync(sourceEntry)) return sourceEntry;
  let folder = runningFolder;
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(folder, 'dist', bundleFile);
    if (existsSync(candidate)) return candidate;
    folder = path.dirname(folder);
  }
  return besideBundle;
}
