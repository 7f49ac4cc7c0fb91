import type * as vscode from 'vscode';
import type { CommandHandler } from '../command-table';
import { isSecretManagerError } from '../../core/error-shape';
import type { ExtensionServices } from '../services';

export interface CommandOptions {
  /** Let the error reach the caller too (launch.json inputs must fail the launch). */
  readonly rethrow?: boolean;
}

/**
 * Registers a command (through `services.commands`, see CommandTable). Failures are shown to the user (message and hint) and logged with details; a conflict
 * offers to refresh the tree.
 */
export function registerCommand(
  services: ExtensionServices,
  id: string,
  handler: CommandHandler,
  options: CommandOptions = {},
): vscode.Disposable {
  return services.commands.add(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      reportError(services, id, error);
      if (options.rethrow) throw error;
      return undefined;
    }
  });
}

export function reportError(services: ExtensionServices, what: string, error: unknown): void {
  services.logger.error(what, error);
  if (isSecretManagerError(error, 'conflict')) {
    void services.prompts.notify('error', error.message, 'Refresh').then((choice) => {
      if (choice === 'Refresh') services.tree.refresh();
    });
    return;
  }
  const message = isSecretManagerError(error)
    ? error.message
    : `Secret Manager: ${what} failed unexpectedly. See the log for details.`;
  void services.prompts.notify('error', message);
}
