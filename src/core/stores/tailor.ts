import { SecretManagerError } from '../model';
import type { SecretStore } from '../store';

export interface TailorStoreOptions {
  /** Connection id, such as "tailor:staging". */
  readonly id?: string;
  readonly label?: string;
  readonly profile?: string;
  readonly workspaceId?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export async function openTailorStore(_options: TailorStoreOptions): Promise<SecretStore> {
  throw new SecretManagerError('unsupported', 'The Tailor Platform store is not available yet.', 'Use --store local.');
}
