import * as vscode from 'vscode';
import { usageSummary } from '../../core/rotation/secret-usages';
import { workspaceUsagesOf } from './rotation-usages';
import { descriptionSchema, formatReference, parseInput, secretNameSchema, secretValueSchema } from '../../core/model';
import { withProgress, type ExtensionServices } from '../services';
import { askForGeneratedValue, GENERATE_HINT, valueOrEmptyValidator } from './generated-value';
import { registerCommand } from './register';
import { inputValidator, secretTarget, vaultTarget } from './targets';

/** After a rotation, offers `secret-manager check` on the workspace, in a terminal. */
function offerCheck(services: ExtensionServices, name: string): void {
  void services.prompts.notify('info', `Rotated ${name}. Check the workspace's secret references now?`, 'Run Check').then((choice) => {
    if (choice !== 'Run Check') return;
    const terminal = vscode.window.createTerminal({ name: 'Secret Manager check' });
    terminal.show();
    terminal.sendText('npx --no-install secret-manager check');
  });
}

export function registerSecretCommands(services: ExtensionServices): vscode.Disposable[] {
  const { prompts, stores, logger } = services;
  return [
    registerCommand(services, 'secretManager.createSecret', async (argument) => {
      const target = await vaultTarget(services, argument);
      if (!target) return undefined;
      const { store, vault, connection } = target;
      const key = await prompts.input('secret.name', {
        title: `New secret in ${vault}`,
        prompt: 'Secret name',
        placeHolder: 'stripe-secret-key',
        validateInput: inputValidator(secretNameSchema),
      });
      if (key === undefined) return undefined;
      const typed = await prompts.input('secret.value', {
        title: `New secret ${vault}/${key}`,
        prompt: `Value (stored encrypted; never shown in logs or the tree; ${GENERATE_HINT})`,
        password: true,
        validateInput: valueOrEmptyValidator(),
      });
      if (typed === undefined) return undefined;
      const value = typed === '' ? await askForGeneratedValue(prompts, `New secret ${vault}/${key}: generate a value`) : typed;
      if (value === undefined) return undefined;
      const description = await prompts.input('secret.description', {
        title: `New secret ${vault}/${key}`,
        prompt: 'Description (optional)',
        validateInput: inputValidator(descriptionSchema),
      });
      if (description === undefined) return undefined;
      const created = await withProgress(`Creating secret ${vault}/${key}…`, () =>
        store.createSecret({ vault, key, value, description: description.trim() === '' ? undefined : description }),
      );
      logger.info(`Created secret ${formatReference({ vault, key })} in ${store.label}.`);
      prompts.confirm(`Created ${formatReference({ vault, key })} in ${store.label}`);
      stores.fireChanged(connection);
      return created;
    }),

    registerCommand(services, 'secretManager.rotateSecret', async (argument) => {
      const target = await secretTarget(services, argument);
      if (!target) return undefined;
      const { store, reference, connection } = target;
      // A row from a listing that carries no versions (WorkOS): the version when the rotation starts is the one checked.
      const shownVersion = target.shownVersion ?? (store.capabilities.versions ? (await store.describeSecret(reference)).version : undefined);
      const name = formatReference(reference);
      // What the rotation touches, from the workspace reference index; the rotation goes on without it.
      const usages = await workspaceUsagesOf(reference).catch((error: unknown) => {
        logger.error(`List the usages of ${name}`, error);
        return undefined;
      });
      const typed = await prompts.input('secret.value', {
        title: `Rotate ${name}${shownVersion ? ` (now v${shownVersion})` : ''}`,
        prompt: usages ? `New value (${GENERATE_HINT}). ${usageSummary(usages)}` : `New value (${GENERATE_HINT})`,
        password: true,
        validateInput: valueOrEmptyValidator(),
      });
      if (typed === undefined) return undefined;
      const value = typed === '' ? await askForGeneratedValue(prompts, `Rotate ${name}: generate a value`) : typed;
      if (value === undefined) return undefined;
      const updated = await withProgress(`Rotating ${name}…`, () =>
        store.updateSecret({ ...reference, value: parseInput(secretValueSchema, value), expectedVersion: shownVersion }),
      );
      logger.info(`Rotated ${name} in ${store.label}${updated.version ? ` to v${updated.version}` : ''}.`);
      prompts.confirm(`Rotated ${name}${updated.version ? ` to v${updated.version}` : ''}`);
      stores.fireChanged(connection);
      if (usages && usages.length > 0) offerCheck(services, name);
      return updated;
    }),

    registerCommand(services, 'secretManager.deleteSecret', async (argument) => {
      const target = await secretTarget(services, argument);
      if (!target) return false;
      const { store, reference, connection } = target;
      const name = formatReference(reference);
      const detail = store.capabilities.versions ? 'Its earlier versions are deleted too. This cannot be undone.' : 'This cannot be undone.';
      const choice = await prompts.modal('secret.delete.confirm', `Delete secret ${name}?`, detail, ['Delete']);
      if (choice !== 'Delete') return false;
      await withProgress(`Deleting ${name}…`, () => store.deleteSecret(reference));
      logger.info(`Deleted secret ${name} from ${store.label}.`);
      prompts.confirm(`Deleted ${name} from ${store.label}`);
      stores.fireChanged(connection);
      return true;
    }),
  ];
}
