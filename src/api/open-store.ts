import * as z from 'zod';
import { parseInput } from '../core/model';
import { openLocalStore } from '../core/stores/local';
import type * as TailorStoreModule from '../core/stores/tailor';
import type * as WorkosStoreModule from '../core/stores/workos';
import { createSecretManagerClient, type SecretManagerClient } from './client';

// process.env is not a plain object, so z.record refuses it.
const environmentSchema = z.custom<NodeJS.ProcessEnv>((value) => typeof value === 'object' && value !== null, {
  error: 'env must be an object of environment variables, such as process.env.',
});
const warningListenerSchema = z.custom<(message: string) => void>((value) => typeof value === 'function', {
  error: 'onWarning must be a function.',
});
const optionalText = z.string().min(1).optional();

export const localStoreOptionsSchema = z.strictObject({
  kind: z.literal('local').optional(),
  /** The folder that holds the store file; defaults to $SECRET_MANAGER_HOME, else the XDG config home's secret-manager/. */
  home: optionalText,
  /** Derives the master key when there is no keychain (or `keychain: 'off'`); defaults to $SECRET_MANAGER_PASSPHRASE. */
  passphrase: optionalText,
  keychain: z.enum(['auto', 'off']).optional(),
  versionsToKeep: z.number().int().positive().optional(),
  /** Who the audit records name; defaults to "cli:<OS user>". */
  actor: optionalText,
  env: environmentSchema.optional(),
  /** Told about things that work less well than they could, such as unreadable audit log lines (never given a value). */
  onWarning: warningListenerSchema.optional(),
});

export const tailorStoreOptionsSchema = z.strictObject({
  kind: z.literal('tailor'),
  /** A tailor-sdk profile; defaults to $TAILOR_PLATFORM_PROFILE. */
  profile: optionalText,
  /** Defaults to $TAILOR_PLATFORM_WORKSPACE_ID, else the profile's workspace. */
  workspaceId: optionalText,
  id: optionalText,
  label: optionalText,
  env: environmentSchema.optional(),
  /** Whether the local home that keeps this connection's fingerprints may use the OS keychain. */
  keychain: z.enum(['auto', 'off']).optional(),
  /** Told about things that work less well than they could (never given a value). */
  onWarning: warningListenerSchema.optional(),
});

export const workosStoreOptionsSchema = z.strictObject({
  kind: z.literal('workos'),
  /** Such as "workos:production"; defaults to "workos:default". */
  id: optionalText,
  label: optionalText,
  /** Added to the key context of every new object, such as { organization_id: "org_…" }; { vault } is always there. */
  keyContext: z.record(z.string().min(1).max(100), z.string().min(1).max(200)).optional(),
  /** The API key comes from $WORKOS_API_KEY or the OS keychain; $WORKOS_API_URL moves the endpoint (http only on loopback). */
  env: environmentSchema.optional(),
  /** Whether the local home that keeps the audit log and fingerprints may use the OS keychain. */
  keychain: z.enum(['auto', 'off']).optional(),
  /** Who the audit records name; defaults to "cli:<OS user>". */
  actor: optionalText,
  onWarning: warningListenerSchema.optional(),
});

export const openStoreOptionsSchema = z.discriminatedUnion('kind', [localStoreOptionsSchema, tailorStoreOptionsSchema, workosStoreOptionsSchema]);

export type LocalStoreOptions = z.input<typeof localStoreOptionsSchema>;
export type TailorStoreOptions = z.input<typeof tailorStoreOptionsSchema>;
export type WorkosStoreOptions = z.input<typeof workosStoreOptionsSchema>;
export type OpenStoreOptions = LocalStoreOptions | TailorStoreOptions | WorkosStoreOptions;

/**
 * Opens a store for a script. With no options it opens the local store, configured from
 * the environment ($SECRET_MANAGER_HOME, $SECRET_MANAGER_PASSPHRASE).
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<SecretManagerClient> {
  const checked = parseInput(openStoreOptionsSchema, options);
  if (checked.kind === 'tailor') {
    // Tailor never returns values; the store keeps fingerprints of what is written through it in the local home.
    const { kind: _kind, ...tailorOptions } = checked;
    const { openTailorStore } = require('../core/stores/tailor') as typeof TailorStoreModule;
    return createSecretManagerClient(await openTailorStore(tailorOptions));
  }
  if (checked.kind === 'workos') {
    const { kind: _kind, ...workosOptions } = checked;
    const { openWorkosStore } = require('../core/stores/workos') as typeof WorkosStoreModule;
    return createSecretManagerClient(await openWorkosStore(workosOptions));
  }
  const { kind: _kind, ...localOptions } = checked;
  return createSecretManagerClient(await openLocalStore(localOptions));
}
