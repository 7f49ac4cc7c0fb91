import { parseInput, vaultNameSchema } from '../../core/model';
import { parseCommandArguments } from '../arguments';
import type { CommandHandler } from '../command';
import { formatRelativeTime, formatTable, writeJson } from '../output';
import { requireConfirmation } from '../prompt';
import { storeNote, withStore } from '../store-session';

const NO_OPTIONS = {} as const;

const createVault: CommandHandler = async (args, globals, io) => {
  const { positionals } = parseCommandArguments('vault create', args, NO_OPTIONS, { min: 1, max: 1 });
  const name = parseInput(vaultNameSchema, positionals[0]);
  return withStore(globals, io, async (client) => {
    io.stderr(storeNote(client));
    const vault = await client.createVault(name);
    if (globals.json) writeJson(io, vault);
    else io.stdout(`Created vault ${vault.name}.\n`);
    return 0;
  });
};

const listVaults: CommandHandler = async (args, globals, io) => {
  parseCommandArguments('vault list', args, NO_OPTIONS, { min: 0, max: 0 });
  return withStore(globals, io, async (client) => {
    const vaults = await client.listVaults();
    if (globals.json) {
      writeJson(io, vaults);
    } else if (vaults.length === 0) {
      io.stderr('No vaults yet. Create one with: secret-manager vault create <name>\n');
    } else {
      const now = new Date();
      io.stdout(
        formatTable(
          ['NAME', 'SECRETS', 'CREATED', 'UPDATED'],
          vaults.map((vault) => [
            vault.name,
            vault.secretCount === undefined ? '-' : String(vault.secretCount),
            formatRelativeTime(vault.createdAt, now),
            formatRelativeTime(vault.updatedAt, now),
          ]),
        ),
      );
    }
    return 0;
  });
};

const deleteVault: CommandHandler = async (args, globals, io) => {
  const { positionals, values } = parseCommandArguments(
    'vault delete',
    args,
    { yes: { type: 'boolean', short: 'y' } },
    { min: 1, max: 1 },
  );
  const name = parseInput(vaultNameSchema, positionals[0]);
  await requireConfirmation(io, {
    yes: values.yes === true,
    question: `Delete vault ${name}?`,
    action: `delete vault ${name}`,
  });
  return withStore(globals, io, async (client) => {
    await client.deleteVault(name);
    if (globals.json) writeJson(io, { deleted: { vault: name } });
    else io.stdout(`Deleted vault ${name}.\n`);
    return 0;
  }, { vault: name });
};

export const vaultCommands: Readonly<Record<string, CommandHandler>> = {
  create: createVault,
  list: listVaults,
  delete: deleteVault,
};
