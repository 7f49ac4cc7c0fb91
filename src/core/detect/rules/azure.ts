import { createHash } from 'node:crypto';
import { groupRange, type ProjectRule } from '../project-rule';

/** sha256 of Azurite's well-known development-storage key, which Microsoft publishes. */
const PUBLIC_DEVELOPMENT_KEYS = new Set(['0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059']);

/** True for a key Microsoft publishes (Azurite's development-storage key). */
export function isPublicDevelopmentKey(key: string): boolean {
  return PUBLIC_DEVELOPMENT_KEYS.has(createHash('sha256').update(key).digest('hex'));
}

/** The key inside an Azure storage (AccountKey=) or Service Bus (SharedAccessKey=) connection string. */
export const azureConnectionStringRule: ProjectRule = {
  id: 'secret-manager/azure-connection-string',
  title: 'Azure connection string key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['AccountKey=', 'SharedAccessKey='],
  matchesStartInRequiredText: true,
  pattern: /\b(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,}={0,2})/dg,
  accept(match) {
    if (isPublicDevelopmentKey(match[1])) return undefined;
    return groupRange(match, 1);
  },
};
