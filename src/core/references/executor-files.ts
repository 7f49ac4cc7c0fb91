import { readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { isSourceFile } from '../workspace-files';
import { loadParser } from './load-parser';
import type { ExecutorConfig } from './types';

export { isSourceFile };

export const CONFIG_FILE_NAMES: readonly string[] = ['tailor.config.ts', 'tailor.config.mts', 'tailor.config.js', 'tailor.config.mjs'];
export const DEFAULT_EXECUTOR_GLOBS: readonly string[] = ['executors/**/*.ts'];
/** Tailor skips test files wherever its globs match them. */
export const DEFAULT_IGNORE_GLOBS: readonly string[] = ['**/*.test.ts', '**/*.spec.ts'];

export interface ExecutorFiles {
  readonly workspaceRoot: string;
  /** The config file read, or undefined when there is none (the defaults apply). */
  readonly configPath: string | undefined;
  readonly executorGlobs: readonly string[];
  readonly executorIgnores: readonly string[];
  /** Workflow and resolver files: function bodies where getSecret() references run. */
  readonly functionGlobs: readonly string[];
  readonly functionIgnores: readonly string[];
  isExecutorFile(absolutePath: string): boolean;
  isFunctionFile(absolutePath: string): boolean;
}

/** "./src/x/*.ts" → "src/x/*.ts": Tailor resolves globs against the project root. */
function normalizeGlob(glob: string): string {
  return glob.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

/** A "." or ".." segment, a doubled, leading or trailing "/": a path that path.resolve() would change. */
const UNNORMALIZED_TAIL = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$/;

/**
 * `absolutePath` relative to the root, with "/" separators. A normalized POSIX path under the root
 * is cut after the root's prefix: path.relative(path.resolve()) cost more than the matching, per file.
 */
function relativeToRoot(workspaceRoot: string, rootPrefix: string, absolutePath: string): string {
  if (path.sep === '/' && absolutePath.startsWith(rootPrefix) && !UNNORMALIZED_TAIL.test(absolutePath.slice(rootPrefix.length))) {
    return absolutePath.slice(rootPrefix.length);
  }
  return path.relative(workspaceRoot, path.resolve(absolutePath)).split(path.sep).join('/');
}

function matcher(workspaceRoot: string, globs: readonly string[], ignores: readonly string[]): (absolutePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const included = picomatch(globs.map(normalizeGlob));
  const excluded = picomatch([...DEFAULT_IGNORE_GLOBS, ...ignores.map(normalizeGlob)]);
  const rootPrefix = workspaceRoot.endsWith(path.sep) ? workspaceRoot : workspaceRoot + path.sep;
  return (absolutePath) => {
    const relative = relativeToRoot(workspaceRoot, rootPrefix, absolutePath);
    if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
    return isSourceFile(relative) && included(relative) && !excluded(relative);
  };
}

/** The executor and function files a config describes; `config` undefined means no config file. */
export function executorFilesFromConfig(workspaceRoot: string, config: ExecutorConfig | undefined, configPath?: string): ExecutorFiles {
  const root = path.resolve(workspaceRoot);
  const executorGlobs = config?.executorFiles ?? (config ? [] : DEFAULT_EXECUTOR_GLOBS);
  const executorIgnores = config?.executorIgnores ?? [];
  const functionGlobs = config?.functionFiles ?? [];
  const functionIgnores = config?.functionIgnores ?? [];
  return {
    workspaceRoot: root,
    configPath,
    executorGlobs,
    executorIgnores,
    functionGlobs,
    functionIgnores,
    isExecutorFile: matcher(root, executorGlobs, executorIgnores),
    isFunctionFile: matcher(root, functionGlobs, functionIgnores),
  };
}

/**
 * Reads the workspace's tailor.config.ts (parsed, never run) for its executor, workflow and resolver
 * globs. With no config file, executors are `executors/**\/*.ts`.
 */
export async function resolveExecutorFiles(workspaceRoot: string): Promise<ExecutorFiles> {
  for (const name of CONFIG_FILE_NAMES) {
    const configPath = path.join(workspaceRoot, name);
    let text: string;
    try {
      text = await readFile(configPath, 'utf8');
    } catch {
      continue;
    }
    return executorFilesFromConfig(workspaceRoot, loadParser().parseExecutorConfig(text, name), configPath);
  }
  return executorFilesFromConfig(workspaceRoot, undefined);
}
