import * as vscode from 'vscode';
import type { SecretManagerExtensionExports } from '../api/extension-api';
import { ConsentBook, ConsentGate } from '../core/consent';
import { createExtensionExports } from './api';
import { AUDIT_SCHEME, AuditDocuments } from './audit-documents';
import { ValueClipboard } from './clipboard';
import { registerConnectionCommands } from './commands/connection-commands';
import { registerWorkosCommands, WORKOS_SECRET_STORAGE_KEY } from './commands/workos-commands';
import { registerConsentCommands } from './commands/consent-commands';
import { registerCopyToConnectionCommand } from './commands/copy-to-connection';
import { registerHistoryCommands } from './commands/history-commands';
import { registerHookCommands } from './commands/hook-commands';
import { registerReferenceCommands } from './commands/reference-commands';
import { registerSecretCommands } from './commands/secret-commands';
import { registerValueCommands } from './commands/value-commands';
import { registerVaultCommands } from './commands/vault-commands';
import { registerViewCommands } from './commands/view-commands';
import { CommandTable } from './command-table';
import { askConsent } from './consent-prompt';
import { registerLanguageCommands } from './language/commands';
import type { Logger } from './logger';
import { Prompts } from './prompts';
import { RevealView } from './reveal-view';
import type { ExtensionServices } from './services';
import { StoreRegistry } from './stores';
import { RemoteConnectionRefresh } from './tree/remote-refresh';
import { registerTestHooks } from './test-hooks';
import { SecretDragController, SecretDropProvider, secretReferenceDropKind, TREE_MIME_TYPE } from './tree/drag-and-drop';
import type { TreeNode } from './tree/nodes';
import { VaultTreeProvider } from './tree/vault-tree';

/** What the activation shell (extension.ts) made before this part loaded. */
export interface ExtensionShell {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly testMode: boolean;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** The tree view's change event; the real tree provider's changes are forwarded to it. */
  readonly treeChanged: vscode.EventEmitter<TreeNode | TreeNode[] | undefined>;
  /** The command ids the shell registered; they dispatch to the CommandTable. */
  readonly shellCommandIds: ReadonlySet<string>;
}

export interface ExtensionMain {
  readonly services: ExtensionServices;
  readonly tree: VaultTreeProvider;
  readonly dragController: SecretDragController;
  readonly exports: SecretManagerExtensionExports;
}

/**
 * Builds everything behind the commands, the tree and the API. The shell (extension.ts) loads
 * this bundle on first use, so activation neither parses nor runs it (nor zod, nor the stores).
 */
export function startExtension(shell: ExtensionShell): ExtensionMain {
  const { context, logger, testMode, treeView } = shell;
  const prompts = new Prompts(testMode);
  const stores = new StoreRegistry(logger, (message) => void prompts.notify('warning', message));
  stores.workosKeyFallback = async () => (await context.secrets.get(WORKOS_SECRET_STORAGE_KEY)) ?? null;
  const tree = new VaultTreeProvider(stores, logger);
  const consentBook = new ConsentBook(context.globalState);
  const services: ExtensionServices = {
    context,
    logger,
    stores,
    prompts,
    tree,
    testMode,
    commands: new CommandTable(shell.shellCommandIds),
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

  /** A wrong connections entry gets an error message once per change of the setting, besides its tree node. */
  const reportConnectionProblems = () => {
    const problems = stores.settingProblems();
    if (problems.length === 0) return;
    const message =
      problems.length === 1
        ? problems[0].message
        : `${problems.length} entries of secretManager.connections are wrong: ${problems.map((problem) => problem.message).join(' ')}`;
    logger.warn(message);
    void prompts.notify('error', message, 'Open Settings').then((choice) => {
      if (choice === 'Open Settings') void vscode.commands.executeCommand('secretManager.openConnectionSettings');
    });
  };
  context.subscriptions.push(
    stores,
    tree,
    new RemoteConnectionRefresh(stores, treeView),
    tree.onDidChangeTreeData((node) => shell.treeChanged.fire(node)),
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
        if (event.affectsConfiguration('secretManager.connections')) reportConnectionProblems();
        void stores.reset().then(() => tree.refresh());
      } else if (event.affectsConfiguration('secretManager.referenceConnection') || event.affectsConfiguration('secretManager.rotationPolicyDays')) {
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
    ...registerConnectionCommands(services),
    ...registerWorkosCommands(services),
    ...registerCopyToConnectionCommand(services),
    ...registerHookCommands(services),
    ...registerLanguageCommands(services),
  );
  reportConnectionProblems();
  if (testMode) context.subscriptions.push(...registerTestHooks(services, revealView, clipboard, treeView));
  return { services, tree, dragController: new SecretDragController(), exports: createExtensionExports(services) };
}
