import { stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveExecutorFiles } from '../../core/references/executor-files';
import { executorFilesReport, formatExecutorFilesReport } from '../../core/references/executor-files-report';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CommandHandler } from '../command';
import { writeJson } from '../output';

/**
 * `secret-manager executors [folder]`: each tailor.config under the folder, the folders its globs
 * resolve against, and the executor and function files it names. Reads the configs, never runs them.
 */
export const executorsCommand: CommandHandler = async (args, globals, io) => {
  const { positionals } = parseCommandArguments('executors', args, {}, { min: 0, max: 1 });
  const given = positionals[0] ?? '.';
  const root = path.resolve(io.cwd, given);
  const stats = await stat(root).catch(() => undefined);
  if (!stats?.isDirectory()) throw new UsageError(`No such folder: ${given}`, 'executors');
  const report = await executorFilesReport(await resolveExecutorFiles(root));
  if (globals.json) {
    writeJson(io, {
      root,
      configs: report.configs.map((config) => ({ ...config, config: config.config ?? null })),
      unreadConfigs: report.unreadConfigs,
      searchLimited: report.searchLimited,
    });
  } else {
    io.stdout(formatExecutorFilesReport(report).map((line) => `${line}\n`).join(''));
  }
  return 0;
};
