import type * as vscode from 'vscode';
import * as z from 'zod';
import { assertCanCopyFrom, copySecret, type CopySecretResult } from '../../core/copy-secret';
import { formatReference, InvalidInputError, parseInput, secretNameSchema, vaultNameSchema, type SecretReference } from '../../core/model';
import type { SecretStore } from '../../core/store';
import { requireTrustedWorkspace, withProgress, type ExtensionServices } from '../services';
import { isTreeNode } from '../tree/nodes';
import { registerCommand } from './register';
import { inputValidator, secretTarget } from './targets';

/** What `executeCommand('secretManager.copySecretToConnection', …)` takes besides a tree node; what is left out is asked. */
const copyArgumentSchema = z.object({
  connection: z.string().min(1).optional(),
  vault: vaultNameSchema,
  key: secretNameSchema,
  targetConnection: z.string().min(1).optional(),
  targetVault: vaultNameSchema.optional(),
  targetKey: secretNameSchema.optional(),
});
type CopyArgument = z.infer<typeof copyArgumentSchema>;

const NEW_VAULT = '$(add) New vault…';

export interface CopyToConnectionResult extends CopySecretResult {
  readonly targetConnection: string;
  readonly reference: SecretReference;
}

/** "Copy secret to another connection": reads the value from the source and writes it to the target; it is never shown. */
export function registerCopyToConnectionCommand(services: ExtensionServices): vscode.Disposable[] {
  return [
    registerCommand(services, 'secretManager.copySecretToConnection', async (argument): Promise<CopyToConnectionResult | undefined> => {
      requireTrustedWorkspace('copy secret values between connections');
      const given: Partial<CopyArgument> =
        isTreeNode(argument) || argument === undefined || typeof argument === 'string' ? {} : parseInput(copyArgumentSchema, argument);
      const source = await secretTarget(services, argument);
      if (!source) return undefined;
      assertCanCopyFrom(source.store, source.reference);

      const targetConnection = given.targetConnection ?? (await pickTargetConnection(services, source.connection));
      if (targetConnection === undefined) return undefined;
      services.stores.connection(targetConnection);
      const target = await services.stores.open(targetConnection);
      const targetVault = given.targetVault ?? (await pickTargetVault(services, target, source.reference.vault));
      if (targetVault === undefined) return undefined;
      const targetKey =
        given.targetKey ??
        (await services.prompts.input('copy.key.name', {
          title: `Copy ${formatReference(source.reference)} to ${target.label} · ${targetVault}`,
          prompt: 'Secret name in the target vault',
          value: source.reference.key,
          validateInput: inputValidator(secretNameSchema),
        }));
      if (targetKey === undefined) return undefined;

      const from = source.reference;
      const to = { vault: targetVault, key: parseInput(secretNameSchema, targetKey) };
      const result = await withProgress(`Copying ${formatReference(from)} to ${target.label}…`, () =>
        copySecret({
          source: source.store,
          target,
          from,
          to,
          confirmReplace: async () =>
            (await services.prompts.modal(
              'copy.replace.confirm',
              `Replace ${formatReference(to)} in ${target.label}?`,
              `It already exists there; its value becomes the value of ${formatReference(from)} from ${source.store.label}. ${
                target.capabilities.versions ? 'The current value stays as an earlier version.' : `${target.label} keeps no earlier versions, so its current value is lost.`
              }`,
              ['Replace'],
            )) === 'Replace',
        }),
      );
      if (result.outcome === 'cancelled') return { ...result, targetConnection, reference: to };

      services.logger.info(
        `Copied ${formatReference(from)} from ${source.store.label} to ${formatReference(to)} in ${target.label} (${result.outcome}${result.createdVault ? ', vault created' : ''}).`,
      );
      services.stores.fireChanged(targetConnection);
      void services.prompts.notify(
        'info',
        `${result.outcome === 'replaced' ? 'Replaced' : 'Copied'} ${formatReference(to)} in ${target.label} with the value of ${formatReference(from)}.`,
      );
      return { ...result, targetConnection, reference: to };
    }),
  ];
}

async function pickTargetConnection(services: ExtensionServices, sourceConnection: string): Promise<string | undefined> {
  const others = services.stores.connections().filter((connection) => connection.id !== sourceConnection);
  if (others.length === 0) {
    throw new InvalidInputError('There is no other connection to copy to. Add a Tailor connection to secretManager.connections in your user settings.');
  }
  const picked = await services.prompts.pick(
    'copy.connection.pick',
    others.map((connection) => ({ label: connection.label, description: connection.id, id: connection.id })),
    { placeHolder: 'Copy to which connection?' },
  );
  return picked?.id;
}

async function pickTargetVault(services: ExtensionServices, target: SecretStore, sourceVault: string): Promise<string | undefined> {
  const vaults = await target.listVaults();
  const items = [
    ...vaults.map((vault) => ({ label: vault.name, description: vault.name === sourceVault ? 'same name as the source' : undefined })),
    { label: NEW_VAULT, description: `creates it in ${target.label}` },
  ];
  const picked = await services.prompts.pick('copy.vault.pick', items, { placeHolder: `Copy into which vault of ${target.label}?` });
  if (!picked) return undefined;
  if (picked.label !== NEW_VAULT) return picked.label;
  const name = await services.prompts.input('copy.vault.name', {
    title: `New vault in ${target.label}`,
    prompt: 'Vault name',
    value: vaults.some((vault) => vault.name === sourceVault) ? undefined : sourceVault,
    validateInput: inputValidator(vaultNameSchema),
  });
  return name === undefined ? undefined : parseInput(vaultNameSchema, name);
}
