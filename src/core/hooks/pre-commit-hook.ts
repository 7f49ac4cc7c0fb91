import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SecretManagerError } from '../model';
import { addToShellHook, hasBlock, NEW_SHELL_HOOK_START, removeBlock } from './hook-block';
import { addToLefthookConfig, addToPreCommitConfig } from './yaml-hook-config';

/** Where the leak check goes: the repository's hook manager when it uses one, or git's own hooks folder. */
export type HookKind = 'git' | 'husky' | 'lefthook' | 'pre-commit';

export interface HookTarget {
  readonly kind: HookKind;
  /** Absolute path of the file that gets the block. */
  readonly file: string;
}

export type HookChange = 'installed' | 'already-installed' | 'uninstalled' | 'not-installed';

const LEFTHOOK_FILES = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'];

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8' }, (error, stdout) => {
      if (!error) resolve(stdout.trim());
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new SecretManagerError('unavailable', 'git was not found on the PATH.', 'Install git.'));
      else reject(new SecretManagerError('invalid-input', `${cwd} is not inside a git working tree, so there is no commit to guard.`, 'Run it inside the repository.'));
    });
  });
}

/**
 * The file the pre-commit leak check belongs in: husky's `.husky/pre-commit` when the repository
 * uses husky, lefthook's or pre-commit's configuration when it has one, and otherwise `pre-commit`
 * in git's hooks folder (`core.hooksPath` when set).
 */
export async function findHookTarget(cwd: string): Promise<HookTarget> {
  const root = await git(cwd, ['rev-parse', '--show-toplevel']);
  const hooksPath = await git(root, ['config', '--get', 'core.hooksPath']).catch(() => '');
  if (existsSync(path.join(root, '.husky')) || /(^|[\\/])\.husky([\\/]|$)/.test(hooksPath)) return { kind: 'husky', file: path.join(root, '.husky', 'pre-commit') };
  const lefthook = LEFTHOOK_FILES.find((name) => existsSync(path.join(root, name)));
  if (lefthook) return { kind: 'lefthook', file: path.join(root, lefthook) };
  if (existsSync(path.join(root, '.pre-commit-config.yaml'))) return { kind: 'pre-commit', file: path.join(root, '.pre-commit-config.yaml') };
  const hooksFolder = path.resolve(root, await git(root, ['rev-parse', '--git-path', 'hooks']));
  return { kind: 'git', file: path.join(hooksFolder, 'pre-commit') };
}

async function readOrEmpty(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function withBlock(kind: HookKind, text: string): string {
  if (kind === 'lefthook') return addToLefthookConfig(text);
  if (kind === 'pre-commit') return addToPreCommitConfig(text);
  return addToShellHook(text);
}

/** Adds the leak check to the repository around `cwd`; a second call changes nothing. */
export async function installPreCommitHook(cwd: string): Promise<{ target: HookTarget; change: HookChange }> {
  const target = await findHookTarget(cwd);
  const text = await readOrEmpty(target.file);
  if (hasBlock(text)) return { target, change: 'already-installed' };
  await mkdir(path.dirname(target.file), { recursive: true });
  await writeFile(target.file, withBlock(target.kind, text));
  // A new shell hook must be executable to run; an existing one keeps the mode its owner gave it.
  if (text === '' && (target.kind === 'git' || target.kind === 'husky')) await chmod(target.file, 0o755);
  return { target, change: 'installed' };
}

/** Takes the leak check's block out again, leaving the rest of the file as it was. */
export async function uninstallPreCommitHook(cwd: string): Promise<{ target: HookTarget; change: HookChange }> {
  const target = await findHookTarget(cwd);
  const text = await readOrEmpty(target.file);
  if (!hasBlock(text)) return { target, change: 'not-installed' };
  const rest = removeBlock(text);
  // A hook file that only install created is removed with its block.
  if (rest === NEW_SHELL_HOOK_START && (target.kind === 'git' || target.kind === 'husky')) await rm(target.file);
  else await writeFile(target.file, rest);
  return { target, change: 'uninstalled' };
}
