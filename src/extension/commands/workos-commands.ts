import * as vscode from 'vscode';
import { secretValueSchema } from '../../core/model';
import { workosKeychainEntry } from '../../core/workos/credentials';
import type { ExtensionServices } from '../services';
import { inputValidator } from './targets';
import { registerCommand } from './register';

/** Where the key goes when the OS has no keychain: VS Code's SecretStorage, for this editor only. */
export const WORKOS_SECRET_STORAGE_KEY = 'secretManager.workosApiKey';

/**
 * Set WorkOS API Key…: the key goes to the OS keychain (where the CLI finds it too), never to
 * settings or the workspace. WORKOS_API_KEY, when set, still wins.
 */
export function registerWorkosCommands(services: ExtensionServices): vscode.Disposable[] {
  return [
    registerCommand(services, 'secretManager.setWorkosApiKey', async () => {
      const { prompts, stores, logger, context } = services;
      const key = await prompts.input('workos.apiKey', {
        title: 'WorkOS API Key',
        prompt: 'Your WorkOS API key (kept in the OS keychain; never in settings or logs)',
        password: true,
        validateInput: inputValidator(secretValueSchema),
      });
      if (key === undefined) return false;
      const trimmed = key.trim();
      let where = 'the OS keychain';
      try {
        await workosKeychainEntry().write(trimmed);
        await context.secrets.delete(WORKOS_SECRET_STORAGE_KEY);
      } catch (error) {
        await context.secrets.store(WORKOS_SECRET_STORAGE_KEY, trimmed);
        where = "VS Code's secret storage (the OS keychain is unavailable, so the CLI will not see it)";
        logger.warn(`The WorkOS API key went to VS Code's secret storage: ${error instanceof Error ? error.message : String(error)}`);
      }
      logger.info(`Saved the WorkOS API key in ${where}.`);
      prompts.confirm(`Saved the WorkOS API key in ${where}`);
      await stores.reset();
      services.tree.refresh();
      return true;
    }),
  ];
}
