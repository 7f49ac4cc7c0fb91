import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Extensions of the source files that can hold references or credentials. */
export const SOURCE_FILE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];

/** Folders that never hold the user's own source, skipped whatever .gitignore says. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist']);

export interface WalkOptions {
  /** File extensions to yield, with the dot. Defaults to SOURCE_FILE_EXTENSIONS; an empty list yields every file. */
  readonly extensions?: readonly string[];
  /** Skip what the workspace's .gitignore files (root and nested) exclude. Defaults to true. */
  readonly respectGitignore?: boolean;
  /**
   * The workspace root, when `root` is a folder inside it: the .gitignore files of the folders from
   * here down to `root` apply too, as they would for git.
   */
  readonly workspaceRoot?: string;
  /** Extra folder names to skip, on top of ALWAYS_SKIPPED_FOLDERS. */
  readonly skipFolders?: readonly string[];
}

export function isSourceFile(filePath: string): boolean {
  return SOURCE_FILE_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
}

/** A .gitignore's rules, which apply to paths relative to the folder that holds it. */
interface IgnoreScope {
  readonly folder: string;
  readonly rules: Ignore;
}

async function readGitignore(folder: string): Promise<IgnoreScope | undefined> {
  try {
    const text = await readFile(path.join(folder, '.gitignore'), 'utf8');
    return { folder, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], absolutePath: string, isFolder: boolean): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.folder, absolutePath).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) continue;
    if (scope.rules.ignores(isFolder ? `${relative}/` : relative)) return true;
  }
  return false;
}

/**
 * Yields the absolute paths of the source files under `root`, in a stable (sorted) order.
 * Symbolic links are not followed, so a link cycle cannot loop.
 */
export async function* walkSourceFiles(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const extensions = options.extensions ?? SOURCE_FILE_EXTENSIONS;
  const respectGitignore = options.respectGitignore ?? true;
  const skipped = new Set([...ALWAYS_SKIPPED_FOLDERS, ...(options.skipFolders ?? [])]);
  const absoluteRoot = path.resolve(root);

  async function* walk(folder: string, scopes: readonly IgnoreScope[]): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    let folderScopes = scopes;
    if (respectGitignore) {
      const scope = await readGitignore(folder);
      if (scope) folderScopes = [...scopes, scope];
    }
    entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (skipped.has(entry.name)) continue;
        if (respectGitignore && isIgnored(folderScopes, entryPath, true)) continue;
        yield* walk(entryPath, folderScopes);
      } else if (entry.isFile()) {
        if (extensions.length > 0 && !extensions.includes(path.extname(entry.name).toLowerCase())) continue;
        if (respectGitignore && isIgnored(folderScopes, entryPath, false)) continue;
        yield entryPath;
      }
    }
  }

  const inheritedScopes: IgnoreScope[] = [];
  if (respectGitignore && options.workspaceRoot !== undefined) {
    const workspaceRoot = path.resolve(options.workspaceRoot);
    const relative = path.relative(workspaceRoot, absoluteRoot);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      let folder = workspaceRoot;
      for (const part of ['', ...relative.split(path.sep).slice(0, -1)]) {
        folder = path.join(folder, part);
        const scope = await readGitignore(folder);
        if (scope) inheritedScopes.push(scope);
      }
      if (isIgnored(inheritedScopes, absoluteRoot, true)) return;
    }
  }
  yield* walk(absoluteRoot, inheritedScopes);
}
