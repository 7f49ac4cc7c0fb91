import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { TrackedPaths } from './git-tracked-files';

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
  /** How many folder levels below `root` to enter; unlimited when left out. */
  readonly maxDepth?: number;
  /** What git tracks: never skipped for a .gitignore rule, as git does not skip it either. */
  readonly trackedPaths?: TrackedPaths;
  /**
   * .gitignore rules skip folders (dependencies, build output) but no file. For a folder outside any git
   * working tree (an export, an archive, a copy of a repository), where git cannot say what was committed:
   * an ignored file there (`*.pem`, `.env.example`) most likely came with the copy, committed all the same.
   */
  readonly gitignoreFoldersOnly?: boolean;
}

export function isSourceFile(filePath: string): boolean {
  return SOURCE_FILE_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
}

/** A .gitignore's rules, which apply to paths relative to the folder that holds it. */
interface IgnoreScope {
  readonly folder: string;
  readonly rules: Ignore;
}

function gitignoreScope(folder: string, text: string): IgnoreScope {
  return { folder, rules: ignore().add(text) };
}

async function readGitignore(folder: string): Promise<IgnoreScope | undefined> {
  try {
    return gitignoreScope(folder, await readFile(path.join(folder, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function readGitignoreSync(folder: string): IgnoreScope | undefined {
  try {
    return gitignoreScope(folder, readFileSync(path.join(folder, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * As git decides: `scopes` run outermost first, and the innermost .gitignore with a rule for the path
 * wins, so a nested `!.vercel` re-includes what the root's `.vercel` excluded. A scope that excludes the
 * path through a parent folder that another scope re-included is asked about the name alone.
 */
function isIgnored(scopes: readonly IgnoreScope[], absolutePath: string, isFolder: boolean): boolean {
  const slash = isFolder ? '/' : '';
  for (let index = scopes.length - 1; index >= 0; index -= 1) {
    const scope = scopes[index];
    const relative = path.relative(scope.folder, absolutePath).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) continue;
    let verdict = scope.rules.test(`${relative}${slash}`);
    const parent = relative.lastIndexOf('/');
    if (verdict.ignored && parent > 0 && scope.rules.test(relative.slice(0, parent + 1)).ignored && !isIgnored(scopes, path.dirname(absolutePath), true)) {
      verdict = scope.rules.test(`${relative.slice(parent + 1)}${slash}`);
    }
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** One walk's settings, and the order and choice of what it yields or enters in each folder. */
class WalkRules {
  readonly respectGitignore: boolean;
  private readonly extensions: readonly string[];
  private readonly skipped: ReadonlySet<string>;

  constructor(readonly root: string, readonly options: WalkOptions) {
    this.extensions = options.extensions ?? SOURCE_FILE_EXTENSIONS;
    this.respectGitignore = options.respectGitignore ?? true;
    this.skipped = new Set([...ALWAYS_SKIPPED_FOLDERS, ...(options.skipFolders ?? [])]);
  }

  /** The folders between the workspace root and `root` whose .gitignore files apply, outermost first. */
  inheritedFolders(): string[] {
    if (!this.respectGitignore || this.options.workspaceRoot === undefined) return [];
    const workspaceRoot = path.resolve(this.options.workspaceRoot);
    const relative = path.relative(workspaceRoot, this.root);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
    let folder = workspaceRoot;
    return ['', ...relative.split(path.sep).slice(0, -1)].map((part) => (folder = path.join(folder, part)));
  }

  /** A folder's entries in name order: the files to yield and the folders to enter. */
  *entriesToVisit(folder: string, entries: Dirent[], scopes: readonly IgnoreScope[]): Generator<{ path: string; isFolder: boolean }> {
    entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (this.skipped.has(entry.name)) continue;
        if (this.respectGitignore && isIgnored(scopes, entryPath, true) && !this.options.trackedPaths?.folders.has(entryPath)) continue;
        yield { path: entryPath, isFolder: true };
      } else if (entry.isFile()) {
        if (this.extensions.length > 0 && !this.extensions.includes(path.extname(entry.name).toLowerCase())) continue;
        if (this.respectGitignore && !this.options.gitignoreFoldersOnly && isIgnored(scopes, entryPath, false) && !this.options.trackedPaths?.files.has(entryPath)) continue;
        yield { path: entryPath, isFolder: false };
      }
    }
  }
}

/**
 * Yields the absolute paths of the source files under `root`, in a stable (sorted) order.
 * Symbolic links are not followed, so a link cycle cannot loop.
 */
export async function* walkSourceFiles(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const rules = new WalkRules(path.resolve(root), options);

  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;

  async function* walk(folder: string, scopes: readonly IgnoreScope[], depth: number): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const scope = rules.respectGitignore ? await readGitignore(folder) : undefined;
    const folderScopes = scope ? [...scopes, scope] : scopes;
    for (const entry of rules.entriesToVisit(folder, entries, folderScopes)) {
      if (!entry.isFolder) yield entry.path;
      else if (depth < maxDepth) yield* walk(entry.path, folderScopes, depth + 1);
    }
  }

  const inheritedScopes: IgnoreScope[] = [];
  for (const folder of rules.inheritedFolders()) {
    const scope = await readGitignore(folder);
    if (scope) inheritedScopes.push(scope);
  }
  if (isIgnored(inheritedScopes, rules.root, true)) return;
  yield* walk(rules.root, inheritedScopes, 0);
}

/**
 * walkSourceFiles, synchronously: for a command-line scan, where nothing else waits on the thread
 * and a thread-pool round trip per folder would cost more than the walk (bench/scan.bench.mjs).
 */
export function listSourceFilesSync(root: string, options: WalkOptions = {}): string[] {
  const rules = new WalkRules(path.resolve(root), options);
  const files: string[] = [];
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;

  function walk(folder: string, scopes: readonly IgnoreScope[], depth: number): void {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const scope = rules.respectGitignore ? readGitignoreSync(folder) : undefined;
    const folderScopes = scope ? [...scopes, scope] : scopes;
    for (const entry of rules.entriesToVisit(folder, entries, folderScopes)) {
      if (!entry.isFolder) files.push(entry.path);
      else if (depth < maxDepth) walk(entry.path, folderScopes, depth + 1);
    }
  }

  const inheritedScopes = rules.inheritedFolders().flatMap((folder) => readGitignoreSync(folder) ?? []);
  if (!isIgnored(inheritedScopes, rules.root, true)) walk(rules.root, inheritedScopes, 0);
  return files;
}

/**
 * True when the .gitignore files of `filePath`'s folder and those above it, up to the repository's root
 * (the folder holding .git), exclude the file.
 */
export async function isGitignored(filePath: string): Promise<boolean> {
  const absolute = path.resolve(filePath);
  const scopes: IgnoreScope[] = [];
  for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
    const scope = await readGitignore(folder);
    if (scope) scopes.unshift(scope);
    const isRepositoryRoot = await readdir(folder).then((entries) => entries.includes('.git'), () => false);
    if (isRepositoryRoot || path.dirname(folder) === folder) break;
  }
  // A path is ignored when it or any folder above it is: check each ancestor below the outermost scope.
  const relativeParts = path.relative(path.parse(absolute).root, absolute).split(path.sep);
  for (let depth = 1; depth <= relativeParts.length; depth += 1) {
    const candidate = path.join(path.parse(absolute).root, ...relativeParts.slice(0, depth));
    if (isIgnored(scopes, candidate, depth < relativeParts.length)) return true;
  }
  return false;
}
