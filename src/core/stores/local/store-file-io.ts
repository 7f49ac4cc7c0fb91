import fs from 'node:fs';
import { promisify } from 'node:util';
import { StoreFileError } from './store-file-error';

/** The header of either format, up to the end of the MAC. */
const HEADER_PATTERN = /^\{"format":"secret-manager-local-store","formatVersion":(\d+),"mac":"([A-Za-z0-9+/=]*)"/;
const HEADER_PROBE_LENGTH = 160;

/** Identifies one content of a file that is only ever replaced by rename. */
export function signatureOf(stat: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

export interface StoreFileBytes {
  readonly signature: string;
  readonly bytes: Buffer;
}

// The callback API: a FileHandle round trip costs several times more, and these run on every read.
const openFile = promisify(fs.open);
const statDescriptor = promisify(fs.fstat);
const readDescriptor = promisify(fs.read);
const readWholeDescriptor = promisify(fs.readFile);
const closeDescriptor = promisify(fs.close);

/** Runs `action` on the file opened for reading; undefined when the file is missing. */
async function withOpenFile<T>(file: string, action: (descriptor: number) => Promise<T>): Promise<T | undefined> {
  let descriptor: number;
  try {
    descriptor = await openFile(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return await action(descriptor);
  } finally {
    await closeDescriptor(descriptor);
  }
}

/** Reads the file through one descriptor, so its signature and bytes belong to the same content. Undefined when it is missing. */
export function readStoreFileBytes(file: string): Promise<StoreFileBytes | undefined> {
  return withOpenFile(file, async (descriptor) => {
    const stat = await statDescriptor(descriptor);
    // Reading a folder's descriptor gives no bytes, which would be reported as invalid JSON.
    if (stat.isDirectory()) throw new StoreFileError('it is a folder, not a file');
    return { signature: signatureOf(stat), bytes: await readWholeDescriptor(descriptor) };
  });
}

/**
 * The signature and MAC of the file's current content, read from its first bytes. Two contents with the
 * same MAC have the same body, generation included, so this tells whether a snapshot is still current
 * even when a file system reuses an inode within one timestamp tick.
 */
export function readStoreFileIdentity(file: string): Promise<{ signature: string; mac: string | undefined } | undefined> {
  return withOpenFile(file, async (descriptor) => {
    const probe = Buffer.alloc(HEADER_PROBE_LENGTH);
    const stat = await statDescriptor(descriptor);
    if (stat.isDirectory()) return { signature: signatureOf(stat), mac: undefined };
    const { bytesRead } = await readDescriptor(descriptor, probe, 0, HEADER_PROBE_LENGTH, 0);
    return { signature: signatureOf(stat), mac: HEADER_PATTERN.exec(probe.toString('latin1', 0, bytesRead))?.[2] };
  });
}
