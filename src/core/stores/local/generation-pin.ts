import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { SecretManagerError } from '../../model';
import { isErrorCode, PRIVATE_FILE_MODE } from './atomic-file';

/**
 * The newest generation of the store file this home has saved, kept beside it (`store.generation`).
 * A store file older than its pin was replaced by an older copy: a deleted secret would come back and a
 * rotated value revert, so it is refused until the user accepts it (`secret-manager restore`).
 * It stops a store file copied over on its own (store.json.bak, an old copy); someone who replaces the
 * pin too with an older one is not caught.
 */
export interface GenerationPin {
  readonly storeId: string;
  readonly generation: number;
}

/** The pin, or undefined when there is none, or it was cut short (it is not synced: see writeGenerationPin). */
export async function readGenerationPin(file: string): Promise<GenerationPin | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { storeId, generation } = (parsed ?? {}) as Partial<GenerationPin>;
  if (typeof storeId !== 'string' || typeof generation !== 'number' || !Number.isSafeInteger(generation) || generation < 0) return undefined;
  return { storeId, generation };
}

/**
 * Written after the store file, by rename but without fsync: a pin lost or older after a crash only
 * makes the check more lenient until the next write, and the fsyncs would double a write's time.
 */
export async function writeGenerationPin(file: string, pin: GenerationPin): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  await fs.writeFile(temporary, `${JSON.stringify(pin)}\n`, { mode: PRIVATE_FILE_MODE });
  await fs.rename(temporary, file).catch(async (error: unknown) => {
    await fs.rm(temporary, { force: true });
    throw error;
  });
}

/** Whether a store file's body is at least as new as the pin (always, without a pin). */
export function isCurrent(pin: GenerationPin | undefined, found: GenerationPin): boolean {
  return !pin || (pin.storeId === found.storeId && found.generation >= pin.generation);
}

/** Throws when the store file read is older than the pin, or another store's file. Read the pin before the file. */
export function checkGeneration(pin: GenerationPin | undefined, found: GenerationPin, storeFile: string): void {
  if (isCurrent(pin, found)) return;
  if (!pin) return;
  const hint =
    'If you restored it on purpose, run `secret-manager restore --accept-current` to use it from now on; ' +
    'otherwise put the newest store.json back. `secret-manager restore --from-backup` uses store.json.bak. Nothing was changed.';
  if (pin.storeId !== found.storeId) {
    throw new SecretManagerError('corrupted-store', `The local store file ${storeFile} belongs to another store than the one last saved here: it was replaced.`, hint);
  }
  if (found.generation < pin.generation) {
    throw new SecretManagerError(
      'corrupted-store',
      `The local store file ${storeFile} is older than the last one Secret Manager saved (generation ${found.generation}, where ${pin.generation} was saved): ` +
        'it was replaced by an older copy, such as store.json.bak. A deleted secret could come back and a rotated value revert, so it is not used.',
      hint,
    );
  }
}
