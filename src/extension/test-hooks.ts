import * as vscode from 'vscode';
import type { ValueClipboard } from './clipboard';
import type { RevealView } from './reveal-view';
import type { ExtensionServices } from './services';
import { SecretDragController } from './tree/drag-and-drop';
import { nodeKey } from './tree/node-appearance';
import type { TreeNode } from './tree/nodes';
import type { TestHookName } from './test-hook-names';

export interface TreeSnapshotNode {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly contextValue?: string;
  readonly children?: TreeSnapshotNode[];
}

async function snapshot(services: ExtensionServices, node: TreeNode | undefined): Promise<TreeSnapshotNode[]> {
  const children = await services.tree.getChildren(node);
  return Promise.all(
    children.map(async (child) => {
      const item = services.tree.getTreeItem(child);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const expandable = item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
      return {
        label,
        description: typeof item.description === 'string' ? item.description : undefined,
        tooltip,
        contextValue: item.contextValue,
        children: expandable ? await snapshot(services, child) : undefined,
      };
    }),
  );
}

/**
 * Commands that let the integration tests look inside and answer prompts. They exist only when
 * VS Code runs the extension in ExtensionMode.Test (see test-mode.ts); the
 * activation shell registers the ids in TEST_HOOK_COMMANDS.
 */
export function registerTestHooks(services: ExtensionServices, revealView: RevealView, clipboard: ValueClipboard, treeView: vscode.TreeView<TreeNode>): vscode.Disposable[] {
  const register = (name: TestHookName, handler: (...args: never[]) => unknown) =>
    services.commands.add(`secretManager._test.${name}`, async (...args: unknown[]) => handler(...(args as never[])));
  /** What the tree asked VS Code to refresh: "(all)" or the rows' keys. */
  let treeRefreshes: string[][] = [];
  return [
    services.tree.onDidChangeTreeData((change) => {
      treeRefreshes.push(change === undefined ? ['(all)'] : (Array.isArray(change) ? change : [change]).map(nodeKey));
    }),
    register('useStoreHome', async (home: string) => {
      services.stores.localHome = home;
      await services.stores.reset();
      services.tree.refresh();
    }),
    register('setPromptAnswers', (answers: Record<string, unknown[]>) => services.prompts.queueAnswers(answers)),
    register('clearPrompts', () => services.prompts.clear()),
    register('shownPrompts', () => [...services.prompts.shown]),
    register('treeSnapshot', () => snapshot(services, undefined)),
    register('logLines', () => [...services.logger.lines()]),
    register('revealState', () => revealView.state()),
    register('revealToggle', () => revealView.toggle()),
    register('waitForClipboardClear', () => clipboard.lastClear),
    register('dragText', async (references: Array<{ vault: string; key: string }>) => {
      const nodes = [];
      for (const reference of references) {
        const node = await services.tree.findSecretNode(services.stores.defaultConnectionId(), reference);
        if (node) nodes.push(node);
      }
      const dataTransfer = new vscode.DataTransfer();
      new SecretDragController().handleDrag(nodes, dataTransfer);
      return dataTransfer.get('text/plain')?.asString();
    }),
    register('treeViewVisible', () => treeView.visible),
    register('treeRefreshes', () => {
      const refreshes = treeRefreshes;
      treeRefreshes = [];
      return refreshes;
    }),
  ];
}
