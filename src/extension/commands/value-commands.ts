import * as vscode from 'vscode';
import { formatReference } from '../../core/model';
import { parseReferenceArgument } from '../../core/reference-text';
import type { ValueClipboard } from '../clipboard';
import type { RevealView } from '../reveal-view';
import { requireTrustedWorkspace, withProgress, type ExtensionServices } from '../services';
import { secondsSetting } from '../settings';
import { checkArgumentCaller } from './argument-caller';
import { registerCommand } from './register';
import { secretTarget } from './targets';

/** The actor audit records name when a launch or task configuration resolves a value. */
export const LAUNCH_CONFIG_ACTOR = 'launch-config';

function workspaceRequester(): { requester: string; requesterLabel: string } {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const name = vscode.workspace.name ?? folder?.name ?? 'this window';
  return {
    requester: `workspace:${vscode.workspace.workspaceFile?.toString() ?? folder?.uri.toString() ?? 'none'}`,
    requesterLabel: `the launch and task configurations of workspace "${name}"`,
  };
}

export function registerValueCommands(services: ExtensionServices, revealView: RevealView, clipboard: ValueClipboard): vscode.Disposable[] {
  const { prompts, logger } = services;
  return [
    registerCommand(services, 'secretManager.revealSecret', async (argument) => {
      requireTrustedWorkspace('reveal secret values');
      const target = await secretTarget(services, argument);
      if (!target) return false;
      // A store that never returns values (Tailor) refuses with its reason before anything is asked.
      if (!target.store.capabilities.reveal) await target.store.revealSecret(target.reference);
      const actor = await checkArgumentCaller(services, argument, target.store, target.reference.vault);
      const name = formatReference(target.reference);
      const choice = await prompts.modal(
        'secret.reveal.confirm',
        `Reveal value of ${name}?`,
        'The value is shown masked first; it hides itself after a few seconds. The reveal is audited.',
        ['Reveal'],
      );
      if (choice !== 'Reveal') return false;
      const value = await withProgress(`Reading ${name}…`, () => target.store.revealSecret(target.reference, { purpose: 'reveal', actor }));
      logger.info(`Revealed ${name} from ${target.store.label}.`);
      revealView.show(target.reference, value, secondsSetting('revealTimeoutSeconds', 20) || 20);
      return true;
    }),

    registerCommand(services, 'secretManager.copySecretValue', async (argument) => {
      requireTrustedWorkspace('copy secret values');
      const target = await secretTarget(services, argument);
      if (!target) return false;
      const actor = await checkArgumentCaller(services, argument, target.store, target.reference.vault);
      const name = formatReference(target.reference);
      const value = await withProgress(`Reading ${name}…`, () => target.store.revealSecret(target.reference, { purpose: 'copy', actor }));
      const seconds = secondsSetting('clipboardClearSeconds', 30);
      await clipboard.copy(value, seconds);
      logger.info(`Copied the value of ${name} to the clipboard${seconds > 0 ? `; it clears in ${seconds} s` : ''}.`);
      void prompts.notify('info', seconds > 0 ? `Copied the value of ${name}. The clipboard clears in ${seconds} s.` : `Copied the value of ${name}.`);
      return true;
    }),

    // For launch.json / tasks.json: { "type": "command", "command": "secretManager.resolve", "args": { "vault", "key" } }.
    registerCommand(
      services,
      'secretManager.resolve',
      async (argument) => {
        requireTrustedWorkspace('resolve secret values for launch and task configurations');
        const reference = parseReferenceArgument(argument);
        const connection = services.stores.defaultConnectionId();
        const store = await services.stores.open(connection);
        await services.consent.check({ ...workspaceRequester(), storeId: store.id, vault: reference.vault });
        const value = await store.revealSecret(reference, { purpose: 'resolve', actor: LAUNCH_CONFIG_ACTOR });
        logger.info(`Resolved ${formatReference(reference)} from ${store.label} for a launch or task configuration.`);
        return value;
      },
      { rethrow: true },
    ),
  ];
}
