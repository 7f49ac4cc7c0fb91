import { z } from 'zod';
import { parseInput } from './model';
import type { SecretStore } from './store';
import { openTailorStore, type TailorStoreOptions } from './stores/tailor';
import { isUuid } from './tailor/credentials';

/**
 * One configured connection to a remote Secret Manager, as kept in user settings.
 * Only names and ids live here: tokens come from the tailor-sdk login, never from settings.
 */
export const connectionSettingSchema = z.strictObject({
  id: z
    .string({ error: 'Each connection needs an "id".' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
      error: 'A connection id is 1–63 characters: lowercase letters, digits and "-", starting with a letter or digit.',
    }),
  kind: z.literal('tailor', { error: 'The connection kind must be "tailor".' }),
  profile: z.string().min(1).max(200).optional(),
  workspaceId: z
    .string()
    .refine(isUuid, { error: 'workspaceId must be a UUID, such as 123e4567-e89b-12d3-a456-426614174000.' })
    .optional(),
  label: z.string().min(1).max(100).optional(),
});
export type ConnectionSetting = z.infer<typeof connectionSettingSchema>;

export const connectionSettingsSchema = z.array(connectionSettingSchema).superRefine((settings, context) => {
  const seen = new Set<string>();
  settings.forEach((setting, index) => {
    if (seen.has(setting.id)) {
      context.addIssue({ code: 'custom', path: [index, 'id'], message: `The connection id "${setting.id}" is used twice.` });
    }
    seen.add(setting.id);
  });
});

/** Validates the connections setting; a bad entry gets an error that says which one and why. */
export function parseConnectionSettings(input: unknown): ConnectionSetting[] {
  return parseInput(connectionSettingsSchema, input ?? []);
}

/** The store id a connection gets, such as "tailor:staging". */
export function connectionStoreId(setting: Pick<ConnectionSetting, 'id' | 'kind'>): string {
  return `${setting.kind}:${setting.id}`;
}

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
