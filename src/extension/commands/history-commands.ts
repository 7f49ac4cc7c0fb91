import * as vscode from 'vscode';
import { describeVersion } from '../../core/format';
import { formatReference, parseInput, UnsupportedError, vaultNameSchema } from '../../core/model';
import { parseReferenceArgument } from '../../core/reference-text';
import type { AuditDocuments } from '../audit-documents';
import { withProgress, type ExtensionServices } from '../services';
import { isTreeNode } from '../tree/nodes';
import { registerCommand } from './register';
import { connectionTarget, secretTarget, type SecretTarget } from './targets';

export function registerHistoryCommands(services: ExtensionServices, auditDocuments: AuditDocuments): vscode.Disposable[] {
  const { prompts, stores, logger } = services;

  async function rollback(target: SecretTarget, version: number) {
    const { store, reference, connection } = target;
    if (!store.capabilities.rollback) throw new UnsupportedError('roll back', store.label, 'it keeps no earlier versions.');
    const name = formatReference(reference);
    const current = await store.describeSecret(reference);
    if (current.version === version) {
      void prompts.notify('info', `${name} is already at v${version}.`);
      return undefined;
    }
    const choice = await prompts.modal(
      'secret.rollback.confirm',
      `Roll back ${name} to v${version}?`,
      `v${version}'s value becomes the current value, as a new version after v${current.version}.`,
      ['Roll Back'],
    );
    if (choice !== 'Roll Back') return undefined;
    const updated = await withProgress(`Rolling back ${name}…`, () => store.rollbackSecret(reference, version, current.version));
    logger.info(`Rolled back ${name} in ${store.label} to v${version} (now v${updated.version}).`);
    stores.fireChanged(connection);
    return updated;
  }

  return [
    registerCommand(services, 'secretManager.showVersions', async (argument) => {
      const target = await secretTarget(services, argument);
      if (!target) return undefined;
      const { store, reference } = target;
      if (!store.capabilities.versions) throw new UnsupportedError('list versions', store.label, 'it keeps no versions.');
      const versions = await withProgress(`Listing versions of ${formatReference(reference)}…`, () => store.listVersions(reference));
      const picked = await prompts.pick(
        'versions.pick',
        [...versions]
          .sort((left, right) => right.version - left.version)
          .map((version) => ({ label: `v${version.version}`, description: describeVersion(version), version })),
        { placeHolder: `Versions of ${formatReference(reference)}: pick one to roll back to it` },
      );
      if (!picked || picked.version.current) return undefined;
      return rollback(target, picked.version.version);
    }),

    registerCommand(services, 'secretManager.rollbackSecret', async (argument) => {
      const target = await secretTarget(services, argument);
      if (!target) return undefined;
      if (target.version === undefined) return vscode.commands.executeCommand('secretManager.showVersions', argument);
      return rollback(target, target.version);
    }),

    registerCommand(services, 'secretManager.showAuditLog', async (argument) => {
      const { connection, store } = await connectionTarget(services, argument);
      if (!store.capabilities.audit) throw new UnsupportedError('show an audit log', store.label, 'it keeps no readable audit trail.');
      const scope = auditScope(argument);
      const uri = auditDocuments.uriFor(connection, scope.vault, scope.key);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: true });
      return uri.toString();
    }),
  ];
}

/** Which records to show: a secret's, a vault's, or the whole store's. */
function auditScope(argument: unknown): { vault?: string; key?: string } {
  if (isTreeNode(argument)) {
    if (argument.kind === 'vault') return { vault: argument.vault.name };
    if (argument.kind === 'secret') return { vault: argument.secret.vault, key: argument.secret.name };
    return {};
  }
  if (typeof argument !== 'object' || argument === null) return {};
  const { vault, key } = argument as Record<string, unknown>;
  if (key !== undefined) return parseReferenceArgument(argument);
  if (vault !== undefined) return { vault: parseInput(vaultNameSchema, vault) };
  return {};
}
