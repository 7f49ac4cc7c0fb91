import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSourceFile, walkSourceFiles } from '../workspace-files';
import { chooseBaseFolders, isInsideFolder } from './config-base-folders';
import { fileSetMatcher, globLiteralFolder } from './file-set-matcher';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG_SEARCH_LIMITS, findConfigFiles, type ConfigSearchLimits } from './find-config-files';
import { loadParser } from './load-parser';
import type { ConfigFileSet, ConfigSection, ExecutorConfig } from './types';

export { CONFIG_FILE_NAMES, isSourceFile };
export { DEFAULT_IGNORE_GLOBS } from './file-set-matcher';

export const DEFAULT_EXECUTOR_GLOBS: readonly string[] = ['executors/**/*.ts'];

/** Executor files get the executor-header rule; function files (resolvers, workflows, HTTP adapters) hold getSecret() calls. */
export type ConfigFileKind = 'executor' | 'function';

export function kindOfSection(section: ConfigSection): ConfigFileKind {
  return section === 'executor' ? 'executor' : 'function';
}

/** What one tailor.config (or, with none in the workspace, the default) says about the workspace's files. */
export interface ConfigFiles {
  /** The config file, or undefined for the default `executors/**\/*.ts` of a workspace without one. */
  readonly configPath: string | undefined;
  readonly fileSets: readonly ConfigFileSet[];
  /** Sections whose globs are not literal strings: their files are not known. */
  readonly unreadSections: readonly ConfigSection[];
  /** The folders its globs are resolved against (see chooseBaseFolders). */
  readonly baseFolders: readonly string[];
  /** Its globs named no file yet, so every candidate folder is used until one does. */
  readonly undecided: boolean;
  kindOf(absolutePath: string): ConfigFileKind | undefined;
}

export interface ExecutorFiles {
  readonly workspaceRoot: string;
  /** Each config found, the root's first; the default alone when there is none. */
  readonly configs: readonly ConfigFiles[];
  /** Configs that could not be read, with the reason. */
  readonly unreadConfigs: readonly { readonly configPath: string; readonly reason: string }[];
  /** True when the search for configs stopped at its limit. */
  readonly searchLimited: boolean;
  isExecutorFile(absolutePath: string): boolean;
  isFunctionFile(absolutePath: string): boolean;
  isConfigFile(absolutePath: string): boolean;
}

/** One config's files: its file sets, each resolved against every base folder. */
export function configFiles(configPath: string | undefined, config: ExecutorConfig, baseFolders: readonly string[], undecided = false): ConfigFiles {
  const matchers = config.fileSets.flatMap((fileSet) =>
    baseFolders.map((folder) => ({ kind: kindOfSection(fileSet.section), matches: fileSetMatcher(path.resolve(folder), fileSet) })),
  );
  return {
    configPath,
    fileSets: config.fileSets,
    unreadSections: config.unreadSections,
    baseFolders,
    undecided,
    kindOf(absolutePath) {
      let kind: ConfigFileKind | undefined;
      for (const matcher of matchers) {
        if (!matcher.matches(absolutePath)) continue;
        if (matcher.kind === 'executor') return 'executor';
        kind = matcher.kind;
      }
      return kind;
    },
  };
}

/** The default of a workspace without a tailor.config: executors in `executors/**\/*.ts`. */
export function defaultConfigFiles(workspaceRoot: string): ConfigFiles {
  return configFiles(undefined, { fileSets: [{ section: 'executor', files: DEFAULT_EXECUTOR_GLOBS, ignores: undefined }], unreadSections: [] }, [path.resolve(workspaceRoot)]);
}

/** The workspace's executor and function files, from its configs; only files inside the workspace count. */
export function executorFilesOf(
  workspaceRoot: string,
  configs: readonly ConfigFiles[],
  found: { unreadConfigs?: ExecutorFiles['unreadConfigs']; searchLimited?: boolean } = {},
): ExecutorFiles {
  const root = path.resolve(workspaceRoot);
  const kindOf = (absolutePath: string): ConfigFileKind | undefined => {
    if (absolutePath === root || !isInsideFolder(root, absolutePath)) return undefined;
    let kind: ConfigFileKind | undefined;
    for (const config of configs) {
      const configKind = config.kindOf(absolutePath);
      if (configKind === 'executor') return configKind;
      kind ??= configKind;
    }
    return kind;
  };
  const configPaths = new Set(configs.flatMap((config) => config.configPath ?? []));
  return {
    workspaceRoot: root,
    configs,
    unreadConfigs: found.unreadConfigs ?? [],
    searchLimited: found.searchLimited ?? false,
    isExecutorFile: (absolutePath) => kindOf(absolutePath) === 'executor',
    isFunctionFile: (absolutePath) => kindOf(absolutePath) === 'function',
    isConfigFile: (absolutePath) => configPaths.has(path.resolve(absolutePath)),
  };
}

async function readConfig(configPath: string): Promise<ExecutorConfig> {
  return loadParser().parseExecutorConfig(await readFile(configPath, 'utf8'), path.basename(configPath));
}

/**
 * Finds every tailor.config in the workspace (parsed, never run) and resolves its executor, resolver,
 * workflow and HTTP adapter globs against the folders `tailor deploy` may run in. With no config, the
 * executors are `executors/**\/*.ts`.
 */
export async function resolveExecutorFiles(workspaceRoot: string, limits: ConfigSearchLimits = DEFAULT_CONFIG_SEARCH_LIMITS): Promise<ExecutorFiles> {
  const root = path.resolve(workspaceRoot);
  const found = await findConfigFiles(root, limits);
  const configs: ConfigFiles[] = [];
  const unreadConfigs: { configPath: string; reason: string }[] = [];
  for (const configPath of found.configPaths) {
    let config: ExecutorConfig;
    try {
      config = await readConfig(configPath);
    } catch (error) {
      unreadConfigs.push({ configPath, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const { folders, undecided } = await chooseBaseFolders(path.dirname(configPath), root, config.fileSets);
    configs.push(configFiles(configPath, config, folders, undecided));
  }
  if (found.configPaths.length === 0) configs.push(defaultConfigFiles(root));
  return executorFilesOf(root, configs, { unreadConfigs, searchLimited: found.limited });
}

/** The files on disk that one config names, by kind, sorted; for reports, not for testing one file. */
export async function listConfigFiles(config: ConfigFiles, workspaceRoot: string): Promise<{ executorFiles: string[]; functionFiles: string[] }> {
  const root = path.resolve(workspaceRoot);
  const folders = new Set<string>();
  for (const baseFolder of config.baseFolders) {
    for (const glob of config.fileSets.flatMap((fileSet) => fileSet.files)) {
      const folder = globLiteralFolder(baseFolder, glob);
      if (isInsideFolder(root, folder)) folders.add(folder);
    }
  }
  const listed = { executorFiles: new Set<string>(), functionFiles: new Set<string>() };
  for (const folder of [...folders].filter((folder) => ![...folders].some((other) => other !== folder && isInsideFolder(other, folder)))) {
    for await (const file of walkSourceFiles(folder, { respectGitignore: false })) {
      const kind = config.kindOf(file);
      if (kind === 'executor') listed.executorFiles.add(file);
      else if (kind === 'function') listed.functionFiles.add(file);
    }
  }
  return { executorFiles: [...listed.executorFiles].sort(), functionFiles: [...listed.functionFiles].sort() };
}
