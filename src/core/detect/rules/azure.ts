import { decodedBase64Text } from '../decoded-text';
import { isPublicDevelopmentKey } from '../placeholders';
import { holdsTypedRun } from '../stand-in-tokens';
import { groupRange, type ProjectRule } from '../project-rule';

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
    // `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef…`: the alphabet typed where the key goes.
    // `MDEy…` ("0123…"), `MDAw…` ("000…"): text typed and encoded where Azure's random bytes go.
    if (isPublicDevelopmentKey(match[1]) || holdsTypedRun(match[1]) || decodedBase64Text(match[1]) !== undefined) return undefined;
    return groupRange(match, 1);
  },
};
