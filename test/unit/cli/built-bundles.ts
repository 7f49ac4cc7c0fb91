import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPOSITORY = path.resolve(__dirname, '../../..');
export const CLI_BUNDLE = path.join(REPOSITORY, 'dist/cli.js');
export const LIBRARY_BUNDLE = path.join(REPOSITORY, 'dist/library.js');

function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function bundleTime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Rebuilds dist/ with the project's own build when a bundle is missing or older than the sources. */
export function ensureBundlesBuilt(): void {
  const sources = newestSourceTime(path.join(REPOSITORY, 'src'));
  if (Math.min(bundleTime(CLI_BUNDLE), bundleTime(LIBRARY_BUNDLE)) > sources) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPOSITORY, stdio: 'pipe', timeout: 120_000 });
}
