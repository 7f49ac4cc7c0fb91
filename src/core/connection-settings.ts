import * as z from 'zod';
import { parseInput } from './model';
import { isUuid } from './tailor/uuid';

// The settings side of connections, apart from the opener (connections.ts), so the editor can read
// settings without loading the Tailor client, its login code and their dependencies.

const connectionIdSchema = z
  .string({ error: 'Each connection needs an "id".' })
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    error: 'A connection id is 1–63 characters: lowercase letters, digits and "-", starting with a letter or digit.',
  });
const connectionLabelSchema = z.string().min(1).max(100).optional();

/**
 * One configured connection to a remote Secret Manager, as kept in user settings.
 * Only names and ids live here: tokens and API keys never come from settings.
 */
export const tailorConnectionSettingSchema = z.strictObject({
  id: connectionIdSchema,
  kind: z.literal('tailor'),
  profile: z.string().min(1).max(200).optional(),
  workspaceId: z
    .string()
    .refine(isUuid, { error: 'workspaceId must be a UUID, such as 123e4567-e89b-12d3-a456-426614174000.' })
    .optional(),
  label: connectionLabelSchema,
});

/** A WorkOS Vault connection: the key comes from WORKOS_API_KEY or the OS keychain, the endpoint from WORKOS_API_URL. */
export const workosConnectionSettingSchema = z.strictObject({
  id: connectionIdSchema,
  kind: z.literal('workos'),
  /** Added to every new object's key context, such as { "organization_id": "org_…" }. */
  keyContext: z.record(z.string().min(1).max(100), z.string().min(1).max(200)).optional(),
  label: connectionLabelSchema,
});

export const connectionSettingSchema = z.discriminatedUnion('kind', [tailorConnectionSettingSchema, workosConnectionSettingSchema], {
  error: 'The connection kind must be "tailor" or "workos".',
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

/** What the tree shows for a connection: its label, else the kind and id, such as "WorkOS · production". */
export function connectionLabel(setting: Pick<ConnectionSetting, 'id' | 'kind' | 'label'>): string {
  return setting.label ?? `${setting.kind === 'workos' ? 'WorkOS' : 'Tailor'} · ${setting.id}`;
}
