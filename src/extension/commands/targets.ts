import type { z } from 'zod';
import { InvalidInputError, parseInput, vaultNameSchema, type SecretReference } from '../../core/model';
import { parseReferenceArgument } from '../../core/reference-text';
import type { SecretStore } from '../../core/store';
import type { ExtensionServices } from '../services';
import { isTreeNode, secretReferenceOf } from '../tree/nodes';

/** A command may get a tree node, `{ vault, key, connection?, expectedVersion?, version? }`, "vault/key", or nothing (then it asks). */
export interface SecretTarget {
  readonly connection: string;
  readonly store: SecretStore;
  readonly reference: SecretReference;
  /** The version the user saw (tree) or passed; rotation uses it as `expectedVersion`. */
  readonly shownVersion?: number;
  /** A specific version (rollback). */
  readonly version?: number;
}

export interface VaultTarget {
  readonly connection: string;
  readonly store: SecretStore;
  readonly vault: string;
}

function connectionOf(services: ExtensionServices, argument: unknown): string {
  if (isTreeNode(argument) && argument.kind !== 'message') return argument.connection;
  const connection = typeof argument === 'object' && argument !== null ? (argument as { connection?: unknown }).connection : undefined;
  if (connection === undefined) return services.stores.defaultConnectionId();
  if (typeof connection !== 'string') throw new InvalidInputError('"connection" must be a connection id such as "local".');
  services.stores.connection(connection);
  return connection;
}

function optionalVersion(argument: unknown, field: string): number | undefined {
  const value = typeof argument === 'object' && argument !== null ? (argument as Record<string, unknown>)[field] : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`"${field}" must be a positive whole number.`);
  }
  return value;
}

export async function connectionTarget(services: ExtensionServices, argument: unknown): Promise<{ connection: string; store: SecretStore }> {
  const connection = connectionOf(services, argument);
  return { connection, store: await services.stores.open(connection) };
}

export async function vaultTarget(services: ExtensionServices, argument: unknown): Promise<VaultTarget | undefined> {
  const { connection, store } = await connectionTarget(services, argument);
  if (isTreeNode(argument) && argument.kind === 'vault') return { connection, store, vault: argument.vault.name };
  if (isTreeNode(argument) && argument.kind === 'secret') return { connection, store, vault: argument.secret.vault };
  if (typeof argument === 'string') return { connection, store, vault: parseInput(vaultNameSchema, argument) };
  const vault = typeof argument === 'object' && argument !== null ? (argument as { vault?: unknown }).vault : undefined;
  if (vault !== undefined) return { connection, store, vault: parseInput(vaultNameSchema, vault) };
  const vaults = await store.listVaults();
  if (vaults.length === 0) throw new InvalidInputError(`${store.label} has no vaults yet. Create one first.`);
  const picked = await services.prompts.pick(
    'vault.pick',
    vaults.map((candidate) => ({ label: candidate.name })),
    { placeHolder: `Choose a vault in ${store.label}` },
  );
  return picked && { connection, store, vault: picked.label };
}

export async function secretTarget(services: ExtensionServices, argument: unknown): Promise<SecretTarget | undefined> {
  const { connection, store } = await connectionTarget(services, argument);
  if (isTreeNode(argument) && argument.kind === 'secret') {
    return { connection, store, reference: secretReferenceOf(argument), shownVersion: argument.secret.version };
  }
  if (isTreeNode(argument) && argument.kind === 'version') {
    return { connection, store, reference: argument.reference, version: argument.version.version };
  }
  const hasKey = typeof argument === 'string' || (typeof argument === 'object' && argument !== null && 'key' in argument);
  if (hasKey) {
    return {
      connection,
      store,
      reference: parseReferenceArgument(argument),
      shownVersion: optionalVersion(argument, 'expectedVersion'),
      version: optionalVersion(argument, 'version'),
    };
  }
  const vault = await vaultTarget(services, argument);
  if (!vault) return undefined;
  const secrets = await store.listSecrets(vault.vault);
  if (secrets.length === 0) throw new InvalidInputError(`Vault "${vault.vault}" holds no secrets yet.`);
  const picked = await services.prompts.pick(
    'secret.pick',
    secrets.map((secret) => ({ label: secret.name, description: secret.version ? `v${secret.version}` : undefined, secret })),
    { placeHolder: `Choose a secret in ${vault.vault}` },
  );
  return picked && { connection, store, reference: { vault: vault.vault, key: picked.label }, shownVersion: picked.secret.version };
}

/** Live validation for an input box: the schema's message (which states the rule), or nothing when valid. */
export function inputValidator(schema: z.ZodType<unknown>) {
  return (value: string): string | undefined => {
    try {
      parseInput(schema, value);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}
