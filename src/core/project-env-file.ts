import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from './references/executor-files';

/** `text` with `line` appended on a line of its own. */
export function withLineAppended(text: string, line: string): string {
  const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return `${text}${separator}${line}\n`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The folder of the tailor.config nearest above `file`, not above `workspaceRoot`; else `file`'s own folder. */
export async function projectFolderOf(file: string, workspaceRoot: string): Promise<string> {
  const root = path.resolve(workspaceRoot);
  for (let folder = path.dirname(path.resolve(file)); ; folder = path.dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(path.join(folder, name))) return folder;
    }
    const relative = path.relative(root, folder);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || path.dirname(folder) === folder) break;
  }
  return path.dirname(path.resolve(file));
}

export async function readTextIfAny(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
}

/** Appends `NAME=value` to a .env file, creating it readable by its owner only. */
export async function appendToEnvFile(envFile: string, assignment: string): Promise<void> {
  const isNew = !(await exists(envFile));
  await writeFile(envFile, withLineAppended(await readTextIfAny(envFile), assignment), { mode: 0o600 });
  if (isNew) await chmod(envFile, 0o600);
}

/** Adds a line to the .gitignore in `folder`, creating it when missing. */
export async function addToGitignore(folder: string, line: string): Promise<void> {
  const file = path.join(folder, '.gitignore');
  await writeFile(file, withLineAppended(await readTextIfAny(file), line));
}
