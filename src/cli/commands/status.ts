import type { SecretManagerClient } from '../../api/client';
import type { StoreCapabilities } from '../../core/store';
import { pluralize } from '../../core/format';
import { resolveStoreHome } from '../../core/paths';
import { repairHomePermissions } from '../../core/stores/local/home-permissions';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CommandHandler } from '../command';
import { policyDaysOption, reportStaleSecrets } from './status-stale';
import { formatColumns, writeJson } from '../output';
import { describeKeySource, storeInRepositoryWarning, withStore } from '../store-session';

async function countSecrets(client: SecretManagerClient): Promise<{ vaults: number; secrets: number }> {
  const vaults = await client.listVaults();
  let secrets = 0;
  for (const vault of vaults) {
    secrets += vault.secretCount ?? (await client.listSecrets(vault.name)).length;
  }
  return { vaults: vaults.length, secrets };
}

function enabledCapabilities(capabilities: StoreCapabilities): string[] {
  return (Object.keys(capabilities) as Array<keyof StoreCapabilities>).filter((name) => capabilities[name]);
}

export const statusCommand: CommandHandler = async (args, globals, io) => {
  const { values } = parseCommandArguments(
    'status',
    args,
    { stale: { type: 'boolean' }, 'policy-days': { type: 'string' }, 'fix-permissions': { type: 'boolean' } },
    { min: 0, max: 0 },
  );
  if (values['fix-permissions']) {
    if (globals.store !== 'local') throw new UsageError('--fix-permissions applies to the local store only.', 'status');
    const changed = await repairHomePermissions(resolveStoreHome(io.env));
    io.stderr(changed.length === 0 ? 'The store folder and its files were already private.\n' : `Made ${pluralize(changed.length, 'entry', 'entries')} private (folders 0700, files 0600): ${changed.join(', ')}\n`);
  }
  if (values.stale === true) return reportStaleSecrets(globals, io, policyDaysOption(values['policy-days']));
  if (values['policy-days'] !== undefined) throw new UsageError('--policy-days goes with --stale.', 'status');
  return withStore(globals, io, async (client) => {
    const counts = await countSecrets(client);
    const home = client.home;
    if (globals.json) {
      writeJson(io, {
        store: { id: client.id, label: client.label, kind: client.kind },
        ...(home === undefined ? {} : { home }),
        ...(client.keySource === undefined ? {} : { keySource: client.keySource }),
        capabilities: client.capabilities,
        vaults: counts.vaults,
        secrets: counts.secrets,
      });
      return 0;
    }
    const rows: string[][] = [['Store', `${client.label} (${client.id})`]];
    if (home !== undefined) rows.push(['Home', home]);
    const keySource = describeKeySource(client);
    if (keySource !== undefined) rows.push(['Master key', `from ${keySource}`]);
    rows.push(['Vaults', String(counts.vaults)], ['Secrets', String(counts.secrets)]);
    rows.push(['Can', enabledCapabilities(client.capabilities).join(', ') || 'create, update, list and delete only']);
    io.stdout(formatColumns(rows.map(([name, value]) => [`${name}:`, value!])));
    const warning = storeInRepositoryWarning(home);
    if (warning !== undefined) io.stderr(`Warning: ${warning}\n`);
    return 0;
  });
};
