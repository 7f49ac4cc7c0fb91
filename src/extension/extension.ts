// The activation shell. It registers what VS Code needs at once (the commands, the tree view, the
// language features) and loads the rest (main.ts, built to dist/extension-main.js: zod, the
// commands, the tree, the stores, the API) on first use, so activation stays short.
// First import: its clock starts before the other modules of the bundle load.
import { moduleLoadStarted } from './load-clock';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { SecretManagerExtensionExports } from '../api/extension-api';
import { Logger } from './logger';
import { registerLanguageFeatures } from './language';
import type { ExtensionMain } from './main';
import { TEST_HOOK_NAMES } from './test-hook-names';
import { isTestMode } from './test-mode';
import type { TreeNode } from './tree/nodes';

/** Every import above has loaded by now. */
const moduleLoadFinished = performance.now();

export function activate(context: vscode.ExtensionContext): SecretManagerExtensionExports {
  const started = performance.now();
  const testMode = isTestMode(context.extensionMode);
  const logger = new Logger(testMode);
  const treeChanged = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();

  let main: ExtensionMain | undefined;
  const loadMain = (): ExtensionMain => {
    if (!main) {
      const loadStarted = performance.now();
      // A bundle of its own (esbuild.mjs), so activation neither parses nor runs it.
      const { startExtension } = require(path.join(__dirname, 'extension-main.js')) as typeof import('./main');
      main = startExtension({ context, logger, testMode, treeView, treeChanged, shellCommandIds: new Set(commandIds) });
      logger.info(`Loaded the commands, tree and API in ${(performance.now() - loadStarted).toFixed(1)} ms.`);
    }
    return main;
  };

  const treeView: vscode.TreeView<TreeNode> = vscode.window.createTreeView('secretManager.vaults', {
    treeDataProvider: {
      onDidChangeTreeData: treeChanged.event,
      getTreeItem: (node) => loadMain().tree.getTreeItem(node),
      getChildren: (node) => loadMain().tree.getChildren(node),
      getParent: (node) => loadMain().tree.getParent(node),
    },
    dragAndDropController: {
      dragMimeTypes: ['text/plain', 'application/vnd.code.tree.secretmanager.vaults'],
      dropMimeTypes: [],
      handleDrag: (source, dataTransfer) => loadMain().dragController.handleDrag(source, dataTransfer),
    },
    showCollapseAll: true,
  });
  void vscode.commands.executeCommand('setContext', 'secretManager.treeState', 'loading');

  const commandIds: string[] = (context.extension.packageJSON.contributes?.commands ?? []).map((command: { command: string }) => command.command);
  if (testMode) commandIds.push(...TEST_HOOK_NAMES.map((name) => `secretManager._test.${name}`));
  context.subscriptions.push(
    logger,
    treeView,
    treeChanged,
    ...commandIds.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        const handler = loadMain().services.commands.get(id);
        if (!handler) throw new Error(`Secret Manager has no handler for ${id}.`);
        return handler(...args);
      }),
    ),
    // They call the loader only when a feature first needs the services.
    ...registerLanguageFeatures(context, () => loadMain().services),
  );

  const activateMs = performance.now() - started;
  const loadMs = moduleLoadFinished - moduleLoadStarted;
  logger.info(`Activated in ${activateMs.toFixed(1)} ms (module load ${loadMs.toFixed(1)} ms)${testMode ? ', test mode' : ''}.`);
  const reportPath = process.env.SECRET_MANAGER_ACTIVATION_REPORT;
  if (reportPath) writeFileSync(reportPath, JSON.stringify({ activateMs, loadMs }));
  return {
    get apiVersion() {
      return loadMain().exports.apiVersion;
    },
    getApi: (range, caller) => loadMain().exports.getApi(range, caller),
  };
}

export function deactivate(): void {}
