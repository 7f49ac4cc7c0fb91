import { randomBytes } from 'node:crypto';
import { promises as fs, readFile, unlink, writeFile } from 'node:fs';
import os from 'node:os';
import { promisify } from 'node:util';
import { SecretManagerError } from '../../model';
import { PRIVATE_FILE_MODE, isErrorCode, isProcessAlive } from './atomic-file';

/**
 * The rule: the holder refreshes the lock file's time while it holds the lock, every tenth of
 * `staleAfterMs`. A lock is abandoned when its process is dead on this host, or when it was not
 * refreshed for `staleAfterMs`, whoever its process id or host names (a killed process's id may be in
 * use again; another host's process cannot be asked). A waiter gives up after `timeoutMs`, which by
 * default is twice the stale limit, so an abandoned lock is always broken before anyone gives up.
 */
export interface FileLockOptions {
  /** Give up after this long. */
  readonly timeoutMs?: number;
  /** A lock not refreshed for this long is abandoned. */
  readonly staleAfterMs?: number;
}

export const DEFAULT_STALE_AFTER_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 2 * DEFAULT_STALE_AFTER_MS;
const REFRESHES_PER_STALE_LIMIT = 10;
/** A lock file whose owner was killed between creating and filling it is empty; this is how long to wait for it. */
const EMPTY_LOCK_GRACE_MS = 2_000;
/** Breaking a stale lock takes microseconds; a break marker older than this was left by a killed process. */
const BREAK_MARKER_STALE_MS = 5_000;

// Taking and releasing the lock happens on every write: the callback API costs a fraction of FileHandle round trips.
const writeNewFile = promisify(writeFile);
const readText = promisify(readFile);
const removeFile = promisify(unlink);

interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly token: string;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.hostname === 'string' && typeof value.token === 'string') {
      return value as LockOwner;
    }
  } catch {
    // An empty or half-written lock file: judged by its age below.
  }
  return undefined;
}

async function readLock(lockFile: string): Promise<{ text: string; ageMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    return { text, ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function isStale(lock: { text: string; ageMs: number }, staleAfterMs: number): boolean {
  if (lock.ageMs > staleAfterMs) return true;
  const owner = parseOwner(lock.text);
  if (!owner) return lock.ageMs > EMPTY_LOCK_GRACE_MS;
  return owner.hostname === os.hostname() && !isProcessAlive(owner.pid);
}

/**
 * Removes a stale lock. Breakers take a second, short-lived marker first and re-read the lock under it,
 * so two breakers can never remove a lock that a third process has just taken.
 */
async function breakStaleLock(lockFile: string, observedText: string): Promise<void> {
  const marker = `${lockFile}.break`;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(marker, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if (!isErrorCode(error, 'EEXIST')) throw error;
    const stat = await fs.stat(marker).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > BREAK_MARKER_STALE_MS) await fs.unlink(marker).catch(() => undefined);
    return;
  }
  try {
    await handle.close();
    const current = await readLock(lockFile);
    if (current && current.text === observedText) await fs.unlink(lockFile).catch(() => undefined);
  } finally {
    await fs.unlink(marker).catch(() => undefined);
  }
}

/** Creates the lock file (O_EXCL) and writes its owner into it; false when it exists. */
async function tryCreateLock(lockFile: string, owner: LockOwner): Promise<boolean> {
  try {
    await writeNewFile(lockFile, JSON.stringify(owner), { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `action` while holding a cross-process lock (an O_EXCL lock file naming its process).
 * A lock left by a dead process, or not refreshed for `staleAfterMs`, is broken (see FileLockOptions).
 */
export async function withFileLock<T>(lockFile: string, action: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), token: randomBytes(8).toString('hex') };
  const ownText = JSON.stringify(owner);
  const deadline = Date.now() + timeoutMs;
  let delayMs = 2;
  while (!(await tryCreateLock(lockFile, owner))) {
    const lock = await readLock(lockFile);
    if (lock && isStale(lock, staleAfterMs)) {
      await breakStaleLock(lockFile, lock.text);
      continue;
    }
    if (Date.now() > deadline) {
      const holder = lock && parseOwner(lock.text);
      throw new SecretManagerError(
        'timeout',
        `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for the lock ${lockFile}${holder ? `, held by process ${holder.pid} on ${holder.hostname}` : ''}.`,
        'Another Secret Manager process is writing. If none is running, delete the lock file and try again.',
      );
    }
    await sleep(delayMs + Math.random() * delayMs);
    delayMs = Math.min(delayMs * 2, 50);
  }
  const refresh = setInterval(() => {
    const now = new Date();
    void fs.utimes(lockFile, now, now).catch(() => undefined);
  }, staleAfterMs / REFRESHES_PER_STALE_LIMIT);
  refresh.unref();
  try {
    return await action();
  } finally {
    clearInterval(refresh);
    const current = await readText(lockFile, 'utf8').catch(() => undefined);
    if (current === ownText) await removeFile(lockFile).catch(() => undefined);
  }
}
