import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretReference } from '../../core/model';
import { resolveExecutorFiles } from '../../core/references/executor-files';
import { codeUsage, launchInputUsages, type SecretUsage } from '../../core/rotation/secret-usages';
import { UsageError } from '../arguments';
import type { CliIo } from '../command';
import { findAllReferences, sourceFilesOf } from './check';

const LAUNCH_FILES = ['.vscode/launch.json', '.vscode/tasks.json'];

/**
 * Every place under `folder` (default: the working folder) that uses `reference`: code references
 * (executors, resolvers, other files, declarations) and launch.json / tasks.json inputs.
 */
export async function findSecretUsages(reference: SecretReference, folder: string | undefined, io: CliIo, command: string): Promise<SecretUsage[]> {
  const root = path.resolve(io.cwd, folder ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--show-usages looks in a folder: ${String(folder).slice(0, 200)} is not one.`, command);
  const { references } = await findAllReferences(await sourceFilesOf([root], io), io);
  const executorFiles = await resolveExecutorFiles(root).catch(() => undefined);
  const usages = references
    .filter((found) => found.vault === reference.vault && found.key === reference.key)
    .map((found) => codeUsage(found.file, root, { isExecutorFile: executorFiles?.isExecutorFile(found.file) ?? false, isDeclaration: found.isDeclaration }));
  for (const name of LAUNCH_FILES) {
    const file = path.join(root, name);
    if (existsSync(file)) usages.push(...launchInputUsages(file, await readFile(file, 'utf8'), reference));
  }
  return usages;
}
