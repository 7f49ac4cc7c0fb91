import path from 'node:path';
import { walkSourceFiles } from '../workspace-files';

export const CONFIG_FILE_NAMES: readonly string[] = ['tailor.config.ts', 'tailor.config.mts', 'tailor.config.js', 'tailor.config.mjs'];

/** Limits that keep the search of a very large repository short. */
export interface ConfigSearchLimits {
  /** Folder levels below the workspace root searched: `packages/create-sdk/templates/multi-application/apps/admin` is 5. */
  readonly maxDepth: number;
  readonly maxConfigs: number;
}

export const DEFAULT_CONFIG_SEARCH_LIMITS: ConfigSearchLimits = { maxDepth: 8, maxConfigs: 100 };

export interface FoundConfigFiles {
  /** Absolute paths, in folder order: the root's config first. */
  readonly configPaths: readonly string[];
  /** True when the search stopped at maxConfigs, so configs past it were left out. */
  readonly limited: boolean;
}

/**
 * Every tailor.config.{ts,mts,js,mjs} in the workspace, outside node_modules, .git, dist and what
 * .gitignore excludes. A folder with more than one keeps the first of CONFIG_FILE_NAMES, as the SDK would.
 */
export async function findConfigFiles(workspaceRoot: string, limits: ConfigSearchLimits = DEFAULT_CONFIG_SEARCH_LIMITS): Promise<FoundConfigFiles> {
  const byFolder = new Map<string, string>();
  const extensions = [...new Set(CONFIG_FILE_NAMES.map((name) => path.extname(name)))];
  let limited = false;
  for await (const file of walkSourceFiles(workspaceRoot, { extensions, maxDepth: limits.maxDepth })) {
    const rank = CONFIG_FILE_NAMES.indexOf(path.basename(file));
    if (rank < 0) continue;
    const folder = path.dirname(file);
    const earlier = byFolder.get(folder);
    if (earlier !== undefined && CONFIG_FILE_NAMES.indexOf(path.basename(earlier)) < rank) continue;
    if (earlier === undefined && byFolder.size === limits.maxConfigs) {
      limited = true;
      break;
    }
    byFolder.set(folder, file);
  }
  const configPaths = [...byFolder.values()].sort((left, right) => depthOf(left) - depthOf(right) || (left < right ? -1 : left > right ? 1 : 0));
  return { configPaths, limited };
}

function depthOf(file: string): number {
  return file.split(path.sep).length;
}
