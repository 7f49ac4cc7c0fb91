import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The files git tracks under a folder, and the folders that hold them. A .gitignore rule hides only
 * untracked files from git: a `.env` committed before it was ignored (or added with `--force`) is in
 * every clone, the classic leak, and a scan must read it too.
 */
export interface TrackedPaths {
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
}

/** Undefined when the folder is not in a git working tree, or git cannot be run. */
export function trackedPathsUnder(folder: string): TrackedPaths | undefined {
  const root = path.resolve(folder);
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 });
  } catch {
    return undefined;
  }
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const relative of listing.split('\0')) {
    if (relative === '') continue;
    const file = path.join(root, relative);
    files.add(file);
    for (let parent = path.dirname(file); parent.length > root.length && !folders.has(parent); parent = path.dirname(parent)) folders.add(parent);
  }
  return { files, folders };
}
