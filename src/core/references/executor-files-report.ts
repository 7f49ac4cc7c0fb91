import path from 'node:path';
import { listConfigFiles, type ExecutorFiles } from './executor-files';
import type { ConfigSection } from './types';

/** Which config gave which files, with paths relative to the workspace root and "/" separators. */
export interface ExecutorFilesReport {
  readonly configs: readonly {
    /** undefined for the default of a workspace without a tailor.config. */
    readonly config: string | undefined;
    /** The folders its globs resolve against; ".." when above the workspace root. */
    readonly baseFolders: readonly string[];
    readonly executorFiles: readonly string[];
    readonly functionFiles: readonly string[];
    readonly unreadSections: readonly ConfigSection[];
  }[];
  readonly unreadConfigs: readonly { readonly config: string; readonly reason: string }[];
  readonly searchLimited: boolean;
}

function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.';
}

export async function executorFilesReport(files: ExecutorFiles): Promise<ExecutorFilesReport> {
  const root = files.workspaceRoot;
  const relative = (file: string) => relativePath(root, file);
  const configs = [];
  for (const config of files.configs) {
    const listed = await listConfigFiles(config, root);
    configs.push({
      config: config.configPath === undefined ? undefined : relative(config.configPath),
      baseFolders: config.baseFolders.map(relative),
      executorFiles: listed.executorFiles.map(relative),
      functionFiles: listed.functionFiles.map(relative),
      unreadSections: config.unreadSections,
    });
  }
  return {
    configs,
    unreadConfigs: files.unreadConfigs.map(({ configPath, reason }) => ({ config: relative(configPath), reason })),
    searchLimited: files.searchLimited,
  };
}

function fileCount(count: number, kind: string): string {
  return `${count} ${kind} file${count === 1 ? '' : 's'}`;
}

/** The report as lines of text: one heading per config, then its files. */
export function formatExecutorFilesReport(report: ExecutorFilesReport): string[] {
  const lines: string[] = [];
  for (const config of report.configs) {
    const source = config.config ?? 'No tailor.config found: the default executors/**/*.ts';
    const counts = `${fileCount(config.executorFiles.length, 'executor')}, ${fileCount(config.functionFiles.length, 'function')}`;
    lines.push(`${source} (globs resolved against ${config.baseFolders.join(', ')}): ${counts}`);
    for (const file of config.executorFiles) lines.push(`  executor  ${file}`);
    for (const file of config.functionFiles) lines.push(`  function  ${file}`);
    for (const section of config.unreadSections) lines.push(`  (${section} files are not literal strings: they are known only by running the config)`);
  }
  for (const { config, reason } of report.unreadConfigs) lines.push(`${config}: could not be read (${reason})`);
  if (report.searchLimited) lines.push('The search stopped at its limit of tailor.config files; any further ones were left out.');
  return lines;
}
