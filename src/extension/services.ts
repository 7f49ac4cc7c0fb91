import * as vscode from 'vscode';
import type { FoundReference, ReferenceDocument } from '../api/extension-api';
import { SecretManagerError, type SecretReference } from '../core/model';
import type { ConsentGate } from '../core/consent';
import type { CommandTable } from './command-table';
import type { Logger } from './logger';
import type { Prompts } from './prompts';
import type { StoreRegistry } from './stores';
import type { VaultTreeProvider } from './tree/vault-tree';

/** Finds the references in a document; the language features replace the default (none). */
export type ReferenceFinder = (document: ReferenceDocument) => Promise<FoundReference[]>;

/** What every part of the extension shares. Passed to the language features too. */
export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly stores: StoreRegistry;
  readonly prompts: Prompts;
  readonly tree: VaultTreeProvider;
  readonly consent: ConsentGate;
  readonly testMode: boolean;
  /** Where commands are registered; use `registerCommand` from commands/register.ts. */
  readonly commands: CommandTable;
  /** Shows a secret in the vault tree. */
  revealInTree(connection: string, reference: SecretReference): Promise<void>;
  referenceFinder: ReferenceFinder;
}

/** Values never leave the store in an untrusted workspace. */
export function requireTrustedWorkspace(action: string): void {
  if (!vscode.workspace.isTrusted) {
    throw new SecretManagerError(
      'denied',
      `This workspace is not trusted, so Secret Manager does not ${action}.`,
      'Trust the workspace (Workspaces: Manage Workspace Trust) to use secret values here.',
    );
  }
}

/** Runs a slow operation with a progress indicator on the vault view. */
export function withProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: 'secretManager.vaults' }, title }, task);
}
