import type * as vscode from 'vscode';
import { parseInput, vaultNameSchema, VaultNotEmptyError } from '../../core/model';
import { withProgress, type ExtensionServices } from '../services';
import { registerCommand } from './register';
import { connectionTarget, inputValidator, vaultTarget } from './targets';

export function registerVaultCommands(services: ExtensionServices): vscode.Disposable[] {
  const { prompts, stores } = services;
  return [
    registerCommand(services, 'secretManager.createVault', async (argument) => {
      const { connection, store } = await connectionTarget(services, argument);
      const name = await prompts.input('vault.name', {
        title: `Create a vault in ${store.label}`,
        prompt: 'Vault name',
        placeHolder: 'api-keys',
        validateInput: inputValidator(vaultNameSchema),
      });
      if (name === undefined) return undefined;
      const vault = await withProgress(`Creating vault ${name}…`, () => store.createVault(parseInput(vaultNameSchema, name)));
      services.logger.info(`Created vault ${vault.name} in ${store.label}.`);
      stores.fireChanged(connection);
      return vault;
    }),

    registerCommand(services, 'secretManager.deleteVault', async (argument) => {
      const target = await vaultTarget(services, argument);
      if (!target) return false;
      const { store, vault, connection } = target;
      const secrets = await store.listSecrets(vault);
      if (secrets.length > 0) throw new VaultNotEmptyError(vault, secrets.length);
      const choice = await prompts.modal('vault.delete.confirm', `Delete vault "${vault}"?`, 'It is empty. This cannot be undone.', ['Delete']);
      if (choice !== 'Delete') return false;
      await withProgress(`Deleting vault ${vault}…`, () => store.deleteVault(vault));
      services.logger.info(`Deleted vault ${vault} from ${store.label}.`);
      stores.fireChanged(connection);
      return true;
    }),
  ];
}
