// First import: its clock starts before the other modules of the bundle load.
import { moduleLoadStarted } from './load-clock';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { SecretManagerExtensionExports } from '../api/extension-api';
import { ConsentBook, ConsentGate } from '../core/consent';
import { createExtensionExports } from './api';
import { AUDIT_SCHEME, AuditDocuments } from './audit-documents';
import { ValueClipboard } from './clipboard';
import { registerConsentCommands } from './commands/consent-commands';
import { registerHistoryCommands } from './commands/history-commands';
import { registerReferenceCommands } from './commands/reference-commands';
import { registerSecretCommands } from './commands/secret-commands';
import { registerValueCommands } from './commands/value-commands';
import { registerVaultCommands } from './commands/vault-commands';
import { registerViewCommands } from './commands/view-commands';
import { askConsent } from './consent-prompt';
import { registerLanguageFeatures } from './language';
import { Logger } from './logger';
import { Prompts } from './prompts';
import { RevealView } from './reveal-view';
import type { ExtensionServices } from './services';
import { StoreRegistry } from './stores';
import { registerTestHooks } from './test-hooks';
import { SecretDragController, SecretDropProvider, secretReferenceDropKind, TREE_MIME_TYPE } from './tree/drag-and-drop';
import { VaultTreeProvider } from './tree/vault-tree';

/** Every import above has loaded by now. */
const moduleLoadFinished = performance.now();

export function activate(context: vscode.ExtensionContext): SecretManagerExtensionExports {
  const started = performance.now();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test || process.env.SECRET_MANAGER_TEST_MODE === '1';
  const logger = new Logger(testMode);
  const prompts = new Prompts(testMode);
  const stores = new StoreRegistry(logger);
  const tree = new VaultTreeProvider(stores, logger);
  const treeView = vscode.window.createTreeView('secretManager.vaults', {
    treeDataProvider: tree,
    dragAndDropController: new SecretDragController(),
    showCollapseAll: true,
  });
  const consentBook = new ConsentBook(context.globalState);
  const services: ExtensionServices = {
    context,
    logger,
    stores,
    prompts,
    tree,
    testMode,
    consent: new ConsentGate(consentBook, (request) => askConsent(prompts, request)),
    referenceFinder: async () => [],
    async revealInTree(connection, reference) {
      const node = await tree.findSecretNode(connection, reference);
      if (node) await treeView.reveal(node, { select: true, focus: true, expand: true });
    },
  };
  const revealView = new RevealView();
  const clipboard = new ValueClipboard();
  const auditDocuments = new AuditDocuments(stores);

  void vscode.commands.executeCommand('setContext', 'secretManager.treeState', 'loading');
  context.subscriptions.push(
    logger,
    stores,
    tree,
    treeView,
    revealView,
    clipboard,
    auditDocuments,
    vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, auditDocuments),
    vscode.languages.registerDocumentDropEditProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new SecretDropProvider(), {
      dropMimeTypes: [TREE_MIME_TYPE],
      providedDropEditKinds: [secretReferenceDropKind()],
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('secretManager.connections') || event.affectsConfiguration('secretManager.versionsToKeep')) {
        void stores.reset().then(() => tree.refresh());
      } else if (event.affectsConfiguration('secretManager.referenceConnection')) {
        tree.refresh();
      }
    }),
    ...registerViewCommands(services),
    ...registerVaultCommands(services),
    ...registerSecretCommands(services),
    ...registerValueCommands(services, revealView, clipboard),
    ...registerReferenceCommands(services),
    ...registerHistoryCommands(services, auditDocuments),
    ...registerConsentCommands(services, consentBook),
    ...registerLanguageFeatures(context, services),
  );
  if (testMode) context.subscriptions.push(...registerTestHooks(services, revealView, clipboard));

  const finished = performance.now();
  const activateMs = finished - started;
  const loadMs = moduleLoadFinished - moduleLoadStarted;
  logger.info(`Activated in ${activateMs.toFixed(1)} ms (module load ${loadMs.toFixed(1)} ms)${testMode ? ', test mode' : ''}.`);
  const reportPath = process.env.SECRET_MANAGER_ACTIVATION_REPORT;
  if (reportPath) writeFileSync(reportPath, JSON.stringify({ activateMs, loadMs }));
  return createExtensionExports(services);
}

export function deactivate(): void {}
