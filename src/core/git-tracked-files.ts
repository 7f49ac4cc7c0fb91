import path from 'node:path';
import { runGit } from './history/git-log';

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
export async function trackedPathsUnder(folder: string): Promise<TrackedPaths | undefined> {
  const root = path.resolve(folder);
  const listed = await runGit(root, ['ls-files', '-z']).catch(() => undefined);
  if (listed === undefined || listed.code !== 0) return undefined;
  const listing = listed.stdout;
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
