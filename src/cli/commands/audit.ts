import { parseInput, vaultNameSchema } from '../../core/model';
import { parseCommandArguments, parsePositiveInteger } from '../arguments';
import type { CommandHandler } from '../command';
import { formatTable, writeJson } from '../output';
import { withStore } from '../store-session';
import { requireCapability } from './secret';

const DEFAULT_LIMIT = 50;

export const auditCommand: CommandHandler = async (args, globals, io) => {
  const command = 'audit';
  const { values } = parseCommandArguments(
    command,
    args,
    { 'vault-name': { type: 'string' }, limit: { type: 'string' } },
    { min: 0, max: 0 },
  );
  const vault = values['vault-name'] === undefined ? undefined : parseInput(vaultNameSchema, values['vault-name']);
  const limit = parsePositiveInteger(command, values.limit, 'limit') ?? DEFAULT_LIMIT;
  return withStore(globals, io, async (client) => {
    requireCapability(client, 'audit', 'show an audit log');
    const records = await client.readAudit({ vault, limit });
    if (globals.json) {
      writeJson(io, records);
    } else if (records.length === 0) {
      io.stderr('No audit records yet.\n');
    } else {
      io.stdout(
        formatTable(
          ['TIME', 'ACTOR', 'ACTION', 'TARGET', 'VERSION'],
          records.map((record) => [
            record.time,
            record.actor,
            record.action,
            record.key === undefined ? record.vault : `${record.vault}/${record.key}`,
            record.version === undefined ? '' : String(record.version),
          ]),
        ),
      );
    }
    return 0;
  });
};
