import * as vscode from 'vscode';
import { InvalidInputError } from '../../core/model';
import type { ExtensionServices } from '../services';
import { isTreeNode } from '../tree/nodes';
import { registerCommand } from './register';

/** The actions of a connection that failed to open, or of a connections setting that is wrong. */
export function registerConnectionCommands(services: ExtensionServices): vscode.Disposable[] {
  return [
    // From the error node under a connection (or `{ connection }`): open it again, for example after `tailor-sdk login`.
    registerCommand(services, 'secretManager.retryConnection', async (argument) => {
      const connection = connectionIdOf(argument);
      if (connection === undefined) {
        await services.stores.reset();
      } else {
        services.stores.connection(connection);
        await services.stores.forget(connection);
      }
      services.tree.refresh();
      return true;
    }),

    // Connections live in user settings only, so that is where this goes.
    registerCommand(services, 'secretManager.openConnectionSettings', async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'secretManager.connections');
      return true;
    }),
  ];
}

function connectionIdOf(argument: unknown): string | undefined {
  if (argument === undefined) return undefined;
  const connection = isTreeNode(argument) || (typeof argument === 'object' && argument !== null) ? (argument as { connection?: unknown }).connection : argument;
  if (connection === undefined) return undefined;
  if (typeof connection !== 'string') throw new InvalidInputError('"connection" must be a connection id such as "tailor:staging".');
  return connection;
}
