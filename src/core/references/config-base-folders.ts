import path from 'node:path';
import { walkSourceFiles } from '../workspace-files';
import { fileSetMatcher, globLiteralFolder, globLiteralSegments } from './file-set-matcher';
import type { ConfigFileSet } from './types';

/** Whether `folder` is `root` or inside it. */
export function isInsideFolder(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The folders a config's globs may be relative to: `tailor deploy -c apps/admin/tailor.config.ts` runs
 * in the repository root, `tailor deploy` in the config's own folder. These are the config's folder and
 * each folder above it up to the workspace root. When the workspace root is the config's folder or below
 * the repository root, a glob that starts with the config folder's own path ("./apps/admin/executors/*.ts"
 * in apps/admin) names the folder above the workspace where that path starts.
 */
export function candidateBaseFolders(configFolder: string, workspaceRoot: string, fileSets: readonly ConfigFileSet[]): string[] {
  const folders: string[] = [];
  for (let folder = configFolder; ; folder = path.dirname(folder)) {
    folders.push(folder);
    if (folder === workspaceRoot || path.dirname(folder) === folder) break;
  }
  const configSegments = configFolder.split(path.sep).filter((segment) => segment !== '');
  for (const glob of fileSets.flatMap((fileSet) => fileSet.files)) {
    const leading = globLiteralSegments(glob);
    for (let count = Math.min(leading.length, configSegments.length); count > 0; count -= 1) {
      const tail = configSegments.slice(configSegments.length - count);
      if (!tail.every((segment, index) => segment === leading[index])) continue;
      const folder = path.resolve(configFolder, ...tail.map(() => '..'));
      if (!folders.includes(folder)) folders.push(folder);
    }
  }
  return folders;
}

/** Files looked at per glob before it counts as naming none: a `**` glob over a large tree stops here. */
const MOST_FILES_LOOKED_AT = 20_000;

/** Whether any of the file sets, resolved against `baseFolder`, names a file that exists inside the workspace. */
export async function namesExistingFile(baseFolder: string, workspaceRoot: string, fileSets: readonly ConfigFileSet[]): Promise<boolean> {
  for (const fileSet of fileSets) {
    const matches = fileSetMatcher(baseFolder, fileSet);
    for (const glob of fileSet.files) {
      const folder = globLiteralFolder(baseFolder, glob);
      if (!isInsideFolder(workspaceRoot, folder)) continue;
      let lookedAt = 0;
      for await (const file of walkSourceFiles(folder, { respectGitignore: false })) {
        if (matches(file)) return true;
        if ((lookedAt += 1) === MOST_FILES_LOOKED_AT) break;
      }
    }
  }
  return false;
}

/**
 * The folders the config's globs are resolved against: the candidates under which they name existing
 * files, or, while they name none (a new project), every candidate, so that the first file counts; then the
 * choice is `undecided` and is made again once a file exists.
 */
export async function chooseBaseFolders(
  configFolder: string,
  workspaceRoot: string,
  fileSets: readonly ConfigFileSet[],
): Promise<{ readonly folders: string[]; readonly undecided: boolean }> {
  if (fileSets.length === 0) return { folders: [configFolder], undecided: false };
  const candidates = candidateBaseFolders(configFolder, workspaceRoot, fileSets);
  const chosen: string[] = [];
  for (const folder of candidates) {
    if (await namesExistingFile(folder, workspaceRoot, fileSets)) chosen.push(folder);
  }
  return chosen.length > 0 ? { folders: chosen, undecided: false } : { folders: candidates, undecided: candidates.length > 1 };
}
