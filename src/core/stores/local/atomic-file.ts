import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SecretManagerError } from '../../model';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

export async function ensurePrivateFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    if (!isErrorCode(error, 'EEXIST') && !isErrorCode(error, 'ENOTDIR')) throw error;
    const blocker = await findFileInPath(folder);
    if (blocker === undefined) throw error;
    throw new SecretManagerError(
      'invalid-input',
      `Cannot use the folder ${folder}: ${blocker} is a file, not a folder.`,
      'Point SECRET_MANAGER_HOME at a folder (it is created when missing), or move that file away.',
    );
  }
}

/** The first path from `folder` upwards that exists and is not a folder. */
async function findFileInPath(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = path.dirname(current)) {
    const stat = await fs.stat(current).catch(() => undefined);
    if (stat && !stat.isDirectory()) return current;
    if (stat || path.dirname(current) === current) return undefined;
  }
}

export function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

async function ignoreMissing(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if (!isErrorCode(error, 'ENOENT')) throw error;
  }
}

/** Makes a rename or link inside `folder` durable. Windows cannot open or sync a folder, and needs not. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** On Windows a rename over a file another process is reading fails for a moment; retry briefly. */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const busy = isErrorCode(error, 'EPERM') || isErrorCode(error, 'EBUSY') || isErrorCode(error, 'EACCES');
      if (!busy || process.platform !== 'win32' || attempt >= 20) throw error;
      await sleep(10 * (attempt + 1));
    }
  }
}

/** Keeps `file`'s current content under `backup`: a hard link costs nothing; a copy where links are not supported. */
async function keepBackup(file: string, backup: string): Promise<void> {
  await ignoreMissing(fs.unlink(backup));
  try {
    await fs.link(file, backup);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return;
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EOPNOTSUPP'].some((code) => isErrorCode(error, code))) throw error;
    await ignoreMissing(fs.copyFile(file, backup));
  }
}

/** A file's content: text, bytes, or byte ranges written in order with one writev. */
export type FileContent = string | Buffer | readonly Buffer[];

async function writeContent(handle: fs.FileHandle, content: FileContent): Promise<void> {
  if (typeof content === 'string' || Buffer.isBuffer(content)) return handle.writeFile(content);
  const expected = content.reduce((sum, part) => sum + part.length, 0);
  const { bytesWritten } = await handle.writev(content as Buffer[]);
  // libuv writes every range of a regular file, looping over short writes; anything else is an error.
  if (bytesWritten !== expected) throw new Error(`Wrote ${bytesWritten} of ${expected} bytes.`);
}

/** Writes a new private file in the same folder as `file` and flushes it to disk; returns its path. */
export async function writeTemporarySibling(file: string, content: FileContent): Promise<string> {
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const handle = await fs.open(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    await writeContent(handle, content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await ignoreMissing(fs.unlink(temporary));
    throw error;
  }
  await handle.close();
  return temporary;
}

export interface AtomicWriteOptions {
  /** Keep the file being replaced under this name (the last good copy). */
  readonly backup?: string;
}

/**
 * Replaces `file` so a reader or a crash sees either the old content or the new one, never a mix:
 * temp file, fsync, rename over, fsync the folder.
 */
export async function writeFileAtomically(file: string, content: FileContent, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = await writeTemporarySibling(file, content);
  try {
    if (options.backup) await keepBackup(file, options.backup);
    await renameOver(temporary, file);
  } catch (error) {
    await ignoreMissing(fs.unlink(temporary));
    throw error;
  }
  await syncFolder(path.dirname(file));
}

/**
 * Creates `file` with `content` only if it does not exist yet, atomically (link fails when it exists).
 * Returns false when another writer created it first.
 */
export async function createFileExclusively(file: string, content: FileContent): Promise<boolean> {
  const temporary = await writeTemporarySibling(file, content);
  try {
    await fs.link(temporary, file);
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await ignoreMissing(fs.unlink(temporary));
  }
  await syncFolder(path.dirname(file));
  return true;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrorCode(error, 'EPERM');
  }
}

/** Temp files left by writers that were killed mid-write: their process is gone. */
export async function findAbandonedTemporaryFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      const match = /\.tmp-(\d+)-[0-9a-f]{12}$/.exec(name);
      return match !== null && Number(match[1]) !== process.pid && !isProcessAlive(Number(match[1]));
    })
    .map((name) => path.join(folder, name));
}

/** Removes temp files left by writers that were killed mid-write. */
export async function removeAbandonedTemporaryFiles(folder: string): Promise<void> {
  for (const file of await findAbandonedTemporaryFiles(folder)) await ignoreMissing(fs.unlink(file));
}
