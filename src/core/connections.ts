import { connectionSettingSchema, connectionStoreId, type ConnectionSetting } from './connection-settings';
import { parseInput } from './model';
import type { SecretStore } from './store';
import { openTailorStore, type TailorStoreOptions } from './stores/tailor';

export {
  connectionSettingSchema,
  connectionSettingsSchema,
  connectionStoreId,
  parseConnectionSettings,
  type ConnectionSetting,
} from './connection-settings';

/** What a caller may add when opening: warnings, or test seams such as a fetch or a keyring reader. */
export type ConnectionExtras = Omit<TailorStoreOptions, 'id' | 'label' | 'profile' | 'workspaceId' | 'env'>;

/** Opens the store a connection setting names, resolving its login from `env` and the tailor-sdk config. */
export async function openConnection(setting: ConnectionSetting, env: NodeJS.ProcessEnv, extras: ConnectionExtras = {}): Promise<SecretStore> {
  const checked = parseInput(connectionSettingSchema, setting);
  return openTailorStore({
    ...extras,
    id: connectionStoreId(checked),
    label: checked.label ?? `Tailor · ${checked.id}`,
    profile: checked.profile,
    workspaceId: checked.workspaceId,
    env,
  });
}
