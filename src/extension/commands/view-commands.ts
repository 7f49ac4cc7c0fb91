import type * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { registerCommand } from './register';

export function registerViewCommands(services: ExtensionServices): vscode.Disposable[] {
  const { tree, prompts, logger } = services;
  return [
    registerCommand(services, 'secretManager.refresh', async () => {
      tree.refresh();
    }),
    // Takes the filter text as an argument, or asks for it.
    registerCommand(services, 'secretManager.filter', async (argument) => {
      const text =
        typeof argument === 'string'
          ? argument
          : await prompts.input('tree.filter', {
              title: 'Filter vaults and secrets',
              prompt: 'Show vaults and secrets whose names contain this text',
              value: tree.filter ?? '',
            });
      if (text === undefined) return tree.filter;
      tree.setFilter(text);
      return tree.filter;
    }),
    registerCommand(services, 'secretManager.clearFilter', async () => {
      tree.setFilter(undefined);
    }),
    registerCommand(services, 'secretManager.showLog', async () => {
      logger.channel.show(true);
    }),
  ];
}
