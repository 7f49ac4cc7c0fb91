import type { TreeNode } from './nodes';

export interface MergedChildren {
  /** The children to hand out: a node shown before is the same object, its data brought up to date. */
  readonly children: TreeNode[];
  /** The rows added, removed or reordered since `previous`: the parent itself must be refreshed. */
  readonly listChanged: boolean;
  /** Rows kept whose appearance changed: refreshing just these leaves their siblings alone. */
  readonly changedRows: TreeNode[];
}

/**
 * Merges freshly loaded children into those shown before. VS Code forgets every node below the
 * element it refreshes until it fetches them again, and a menu command on a forgotten node gets no
 * argument; so a node keeps its identity, and only what really changed is refreshed.
 * `appearance` must render a node the same way for `previous` and `fresh` (same clock).
 */
export function mergeChildren(
  previous: readonly TreeNode[] | undefined,
  fresh: readonly TreeNode[],
  keyOf: (node: TreeNode) => string,
  appearance: (node: TreeNode) => string,
): MergedChildren {
  if (previous === undefined) return { children: [...fresh], listChanged: false, changedRows: [] };
  const shown = new Map(previous.map((node) => [keyOf(node), node]));
  const changedRows: TreeNode[] = [];
  const children = fresh.map((node) => {
    const kept = shown.get(keyOf(node));
    if (!kept || kept.kind !== node.kind) return node;
    if (appearance(kept) !== appearance(node)) changedRows.push(kept);
    // Nodes are plain data that only the tree creates; updating in place keeps the object VS Code holds current.
    Object.assign(kept, node);
    return kept;
  });
  const listChanged = children.length !== previous.length || children.some((node, index) => node !== previous[index]);
  return { children, listChanged, changedRows: listChanged ? [] : changedRows };
}
