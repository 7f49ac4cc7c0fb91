import { usageSummary } from '../../core/rotation/secret-usages';
import { findSecretUsages } from './secret-usages';
import { rotationAge } from '../../core/rotation/rotation-age';
import {
  createSecretInputSchema,
  parseInput,
  secretReferenceSchema,
  UnsupportedError,
  updateSecretInputSchema,
  vaultNameSchema,
  type SecretReference,
} from '../../core/model';
import type { StoreCapabilities } from '../../core/store';
import type { SecretManagerClient } from '../../api/client';
import { parseCommandArguments, parsePositiveInteger, requireOption, UsageError } from '../arguments';
import type { CommandHandler } from '../command';
import { formatRelativeTime, formatTable, truncate, writeJson } from '../output';
import { requireConfirmation } from '../prompt';
import { storeNote, withStore } from '../store-session';
import { givenOrGeneratedValue, takeGenerateOption } from '../generate-option';

const REFERENCE_OPTIONS = {
  'vault-name': { type: 'string' },
  name: { type: 'string' },
} as const;

const VALUE_OPTIONS = {
  value: { type: 'string' },
  'value-stdin': { type: 'boolean' },
} as const;

const NO_POSITIONALS = { min: 0, max: 0 };

function readReference(command: string, values: { 'vault-name'?: string; name?: string }): SecretReference {
  return parseInput(secretReferenceSchema, {
    vault: requireOption(command, values['vault-name'], 'vault-name'),
    key: requireOption(command, values.name, 'name'),
  });
}

const CAPABILITY_REASONS: Record<keyof StoreCapabilities, string> = {
  reveal: 'the platform never returns secret values; read them where they are used (for example with tailor.secretmanager.getSecret in a function).',
  versions: 'the platform keeps no earlier versions of a secret.',
  rollback: 'the platform keeps no earlier versions to roll back to.',
  metadata: 'the platform keeps no descriptions or labels.',
  audit: 'the platform has no audit log this tool can read.',
};

export function requireCapability(client: SecretManagerClient, capability: keyof StoreCapabilities, operation: string): void {
  if (!client.capabilities[capability]) {
    throw new UnsupportedError(operation, client.label, CAPABILITY_REASONS[capability]);
  }
}

const createSecret: CommandHandler = async (args, globals, io) => {
  const command = 'secret create';
  const generate = takeGenerateOption(command, args);
  const { values } = parseCommandArguments(
    command,
    generate.rest,
    { ...REFERENCE_OPTIONS, ...VALUE_OPTIONS, description: { type: 'string' } },
    NO_POSITIONALS,
  );
  const reference = readReference(command, values);
  const value = await givenOrGeneratedValue(command, generate.length, { value: values.value, valueStdin: values['value-stdin'] }, io);
  const input = parseInput(createSecretInputSchema, { ...reference, value, description: values.description });
  return withStore(globals, io, async (client) => {
    io.stderr(storeNote(client));
    if (input.description !== undefined) requireCapability(client, 'metadata', 'keep a description');
    const secret = await client.createSecret(input);
    if (globals.json) writeJson(io, secret);
    else io.stdout(`Created secret ${secret.vault}/${secret.name}${secret.version ? ` (version ${secret.version})` : ''}.\n`);
    return 0;
  }, reference);
};

const updateSecret: CommandHandler = async (args, globals, io) => {
  const command = 'secret update';
  const generate = takeGenerateOption(command, args);
  const { values, positionals } = parseCommandArguments(
    command,
    generate.rest,
    { ...REFERENCE_OPTIONS, ...VALUE_OPTIONS, 'expected-version': { type: 'string' }, 'show-usages': { type: 'boolean' } },
    { min: 0, max: 1 },
  );
  if (positionals.length > 0 && values['show-usages'] !== true) throw new UsageError(`secret update takes no arguments besides --show-usages [PATH], not "${positionals[0].slice(0, 40)}".`, command);
  const reference = readReference(command, values);
  const expectedVersion = parsePositiveInteger(command, values['expected-version'], 'expected-version');
  const value = await givenOrGeneratedValue(command, generate.length, { value: values.value, valueStdin: values['value-stdin'] }, io);
  const input = parseInput(updateSecretInputSchema, { ...reference, value, expectedVersion });
  const usages = values['show-usages'] === true ? await findSecretUsages(reference, positionals[0], io, command) : undefined;
  if (usages && !globals.json) io.stdout(`${reference.vault}/${reference.key}: ${usageSummary(usages)}\n`);
  return withStore(globals, io, async (client) => {
    io.stderr(storeNote(client));
    if (expectedVersion !== undefined) requireCapability(client, 'versions', 'check --expected-version');
    const secret = await client.updateSecret(input);
    if (globals.json) writeJson(io, usages ? { ...secret, usages: usages.map(({ kind, name }) => ({ kind, name })) } : secret);
    else io.stdout(`Updated secret ${secret.vault}/${secret.name}${secret.version ? ` (now version ${secret.version})` : ''}.\n`);
    return 0;
  }, reference);
};

/** Days since the last update (the last rotation), as `secret list` shows it: "212d". */
function ageInDays(updatedAt: string, now: Date): string {
  const { days } = rotationAge(updatedAt, undefined, now);
  return days === undefined ? '-' : `${days}d`;
}

const listSecrets: CommandHandler = async (args, globals, io) => {
  const command = 'secret list';
  const { values } = parseCommandArguments(command, args, { 'vault-name': { type: 'string' } }, NO_POSITIONALS);
  const vault = parseInput(vaultNameSchema, requireOption(command, values['vault-name'], 'vault-name'));
  return withStore(globals, io, async (client) => {
    const secrets = await client.listSecrets(vault);
    if (globals.json) {
      writeJson(io, secrets);
    } else if (secrets.length === 0) {
      io.stderr(`Vault ${vault} holds no secrets yet.\n`);
    } else {
      const now = new Date();
      io.stdout(
        formatTable(
          ['NAME', 'VERSION', 'CREATED', 'UPDATED', 'AGE', 'DESCRIPTION'],
          secrets.map((secret) => [
            secret.name,
            secret.version === undefined ? '-' : String(secret.version),
            formatRelativeTime(secret.createdAt, now),
            formatRelativeTime(secret.updatedAt, now),
            ageInDays(secret.updatedAt, now),
            truncate(secret.description ?? '', 60),
          ]),
        ),
      );
    }
    return 0;
  }, { vault });
};

const getSecret: CommandHandler = async (args, globals, io) => {
  const command = 'secret get';
  const { values } = parseCommandArguments(command, args, REFERENCE_OPTIONS, NO_POSITIONALS);
  const reference = readReference(command, values);
  return withStore(globals, io, async (client) => {
    requireCapability(client, 'reveal', 'show a secret value');
    const value = await client.revealSecret(reference, { purpose: 'reveal' });
    if (globals.json) writeJson(io, { vault: reference.vault, name: reference.key, value });
    else io.stdout(`${value}\n`);
    return 0;
  }, reference);
};

const listVersions: CommandHandler = async (args, globals, io) => {
  const command = 'secret versions';
  const { values } = parseCommandArguments(command, args, REFERENCE_OPTIONS, NO_POSITIONALS);
  const reference = readReference(command, values);
  return withStore(globals, io, async (client) => {
    requireCapability(client, 'versions', 'list versions');
    const versions = await client.listVersions(reference);
    if (globals.json) {
      writeJson(io, versions);
    } else {
      const now = new Date();
      io.stdout(
        formatTable(
          ['VERSION', 'CREATED', 'CURRENT', 'NOTE'],
          versions.map((version) => [
            String(version.version),
            formatRelativeTime(version.createdAt, now),
            version.current ? 'yes' : '',
            version.rolledBackFrom === undefined ? '' : `restores version ${version.rolledBackFrom}`,
          ]),
        ),
      );
    }
    return 0;
  }, reference);
};

const rollbackSecret: CommandHandler = async (args, globals, io) => {
  const command = 'secret rollback';
  const { values } = parseCommandArguments(
    command,
    args,
    { ...REFERENCE_OPTIONS, version: { type: 'string' }, 'expected-version': { type: 'string' } },
    NO_POSITIONALS,
  );
  const reference = readReference(command, values);
  const version = parsePositiveInteger(command, requireOption(command, values.version, 'version'), 'version')!;
  const expectedVersion = parsePositiveInteger(command, values['expected-version'], 'expected-version');
  return withStore(globals, io, async (client) => {
    requireCapability(client, 'rollback', 'roll back a secret');
    const secret = await client.rollbackSecret(reference, version, expectedVersion);
    if (globals.json) writeJson(io, secret);
    else io.stdout(`Rolled ${secret.vault}/${secret.name} back to version ${version}, as version ${secret.version ?? '?'}.\n`);
    return 0;
  }, reference);
};

const deleteSecret: CommandHandler = async (args, globals, io) => {
  const command = 'secret delete';
  const { values } = parseCommandArguments(
    command,
    args,
    { ...REFERENCE_OPTIONS, yes: { type: 'boolean', short: 'y' } },
    NO_POSITIONALS,
  );
  const reference = readReference(command, values);
  const target = `${reference.vault}/${reference.key}`;
  await requireConfirmation(io, { yes: values.yes === true, question: `Delete secret ${target}?`, action: `delete secret ${target}` });
  return withStore(globals, io, async (client) => {
    await client.deleteSecret(reference);
    if (globals.json) writeJson(io, { deleted: { vault: reference.vault, name: reference.key } });
    else io.stdout(`Deleted secret ${target}.\n`);
    return 0;
  }, reference);
};

export const secretCommands: Readonly<Record<string, CommandHandler>> = {
  create: createSecret,
  update: updateSecret,
  list: listSecrets,
  get: getSecret,
  versions: listVersions,
  rollback: rollbackSecret,
  delete: deleteSecret,
};
