import { connectionLabel, connectionSettingSchema, connectionStoreId, type ConnectionSetting } from './connection-settings';
import { parseInput } from './model';
import type { SecretStore } from './store';
import { openTailorStore, type TailorStoreOptions } from './stores/tailor';
import { openWorkosStore, type WorkosStoreOptions } from './stores/workos';

export {
  connectionLabel,
  connectionSettingSchema,
  connectionSettingsSchema,
  connectionStoreId,
  parseConnectionSettings,
  type ConnectionSetting,
} from './connection-settings';

/** What a caller may add when opening: warnings, or test seams such as a fetch or a keyring reader. */
export type ConnectionExtras = Omit<TailorStoreOptions, 'id' | 'label' | 'profile' | 'workspaceId' | 'env'> &
  Omit<WorkosStoreOptions, 'id' | 'label' | 'keyContext' | 'env' | 'apiKey' | 'baseUrl'>;

/** Opens the store a connection setting names, resolving its login or API key from `env` (and the tailor-sdk config or the keychain). */
export async function openConnection(setting: ConnectionSetting, env: NodeJS.ProcessEnv, extras: ConnectionExtras = {}): Promise<SecretStore> {
  const checked = parseInput(connectionSettingSchema, setting);
  if (checked.kind === 'workos') {
    const { readKeyring: _readKeyring, retryDelayMs: _retryDelayMs, userHome: _userHome, now: _now, token: _token, ...workosExtras } = extras;
    return openWorkosStore({ ...workosExtras, id: connectionStoreId(checked), label: connectionLabel(checked), keyContext: checked.keyContext, env });
  }
  const { readKeychain: _readKeychain, actor: _actor, ...tailorExtras } = extras;
  return openTailorStore({
    ...tailorExtras,
    id: connectionStoreId(checked),
    label: connectionLabel(checked),
    profile: checked.profile,
    workspaceId: checked.workspaceId,
    env,
  });
}
