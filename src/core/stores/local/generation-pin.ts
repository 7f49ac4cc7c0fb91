import { promises as fs } from 'node:fs';
import { SecretManagerError } from '../../model';
import { isErrorCode, writeFileAtomically } from './atomic-file';

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

export async function readGenerationPin(file: string): Promise<GenerationPin | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text || 'null');
  const { storeId, generation } = (parsed ?? {}) as Partial<GenerationPin>;
  if (typeof storeId !== 'string' || !Number.isSafeInteger(generation) || (generation as number) < 0) {
    throw new SecretManagerError(
      'corrupted-store',
      `The file ${file}, which records the newest store generation saved, is damaged.`,
      'Run `secret-manager restore --accept-current` to record the current store file as the newest.',
    );
  }
  return { storeId, generation: generation as number };
}

export function writeGenerationPin(file: string, pin: GenerationPin): Promise<void> {
  return writeFileAtomically(file, `${JSON.stringify(pin)}\n`);
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
