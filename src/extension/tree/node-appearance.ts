import { describeSecret, describeVault, describeVersion, secretTooltipMarkdown } from '../../core/format';
import { describeRotationAge, rotationAge } from '../../core/rotation/rotation-age';
import { pluralize } from '../../core/format';
import { contextValueOf, type MessageNode, type TreeNode, type VaultNode } from './nodes';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

/** What a tree row shows, without VS Code types, so a refresh can tell whether a row changed. */
export interface NodeAppearance {
  /** Stable across refreshes; VS Code keys its rows (and the nodes menus pass to commands) by it. */
  readonly id?: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly tooltipIsMarkdown?: boolean;
  readonly icon: string;
  readonly contextValue: string;
  readonly collapsible: Collapsible;
}

/** The row's stable id, or for a message (which has none) its text under its parent. */
export function nodeKey(node: TreeNode): string {
  if (node.kind !== 'message') return rowId(node);
  return `message:${node.parent ? nodeKey(node.parent) : ''}:${node.message}`;
}

function rowId(node: Exclude<TreeNode, MessageNode>): string {
  switch (node.kind) {
    case 'connection':
      return `connection:${node.connection}`;
    case 'vault':
      return `vault:${node.connection}/${node.vault.name}`;
    case 'secret':
      return `secret:${node.connection}/${node.secret.vault}/${node.secret.name}`;
    case 'version':
      return `version:${node.connection}/${node.reference.vault}/${node.reference.key}/${node.version.version}`;
  }
}

/**
 * `filtered`: a filter is set, so vaults (and remote connections) show expanded. Under a rotation
 * policy an overdue secret shows a warning icon and its tooltip says how long ago it was rotated.
 */
export function appearanceOf(node: TreeNode, filtered: boolean, now: Date = new Date()): NodeAppearance {
  const expandable: Collapsible = filtered ? 'expanded' : 'collapsed';
  const common = { id: node.kind === 'message' ? undefined : rowId(node), contextValue: contextValueOf(node) };
  switch (node.kind) {
    case 'connection':
      // Remote connections open when first expanded (or filtered), so a slow or failing one costs nothing until then.
      return {
        ...common,
        label: node.label,
        description: node.references ? `${node.connection} · references` : node.connection,
        tooltip: node.references
          ? `${node.label} (${node.connection}): secret references in this workspace resolve here (secretManager.referenceConnection).`
          : `${node.label} (${node.connection})`,
        icon: node.storeKind === 'local' ? 'database' : 'cloud',
        collapsible: node.storeKind === 'local' ? 'expanded' : expandable,
      };
    case 'vault': {
      const overdue = overdueCount(node, now);
      const description = overdue > 0 ? [describeVault(node.vault), `${overdue} overdue`].filter(Boolean).join(' · ') : describeVault(node.vault);
      const tooltip = overdue > 0 ? `Vault ${node.vault.name}: ${pluralize(overdue, 'secret')} not rotated within ${node.rotationPolicyDays} days` : `Vault ${node.vault.name}`;
      return { ...common, label: node.vault.name, description, tooltip, icon: 'lock', collapsible: expandable };
    }
    case 'secret': {
      const age = node.rotationPolicyDays === undefined ? undefined : rotationAge(node.secret.updatedAt, node.rotationPolicyDays, now);
      const tooltip = secretTooltipMarkdown(node.secret, node.storeLabel, { now });
      return {
        ...common,
        label: node.secret.name,
        description: describeSecret(node.secret, now),
        tooltip: age ? `${tooltip}\n- Rotation: ${age.stale ? '**overdue**, ' : ''}${describeRotationAge(age)}` : tooltip,
        tooltipIsMarkdown: true,
        icon: age?.stale ? 'warning' : 'key',
        collapsible: node.capabilities.versions ? 'collapsed' : 'none',
      };
    }
    case 'version':
      return {
        ...common,
        label: `v${node.version.version}`,
        description: describeVersion(node.version, now),
        icon: node.version.current ? 'pass-filled' : 'history',
        collapsible: 'none',
      };
    case 'message':
      return { ...common, label: node.message, tooltip: node.message, icon: node.problem ? 'error' : 'warning', collapsible: 'none' };
  }
}

/** How many of the vault's secrets are past the rotation policy (0 without one). */
function overdueCount(node: VaultNode, now: Date): number {
  const policyDays = node.rotationPolicyDays;
  if (policyDays === undefined) return 0;
  return (node.secretUpdateTimes ?? []).filter((updatedAt) => rotationAge(updatedAt, policyDays, now).stale).length;
}

/** The rows whose description (a relative time: "5 minutes ago") reads differently at `now` than at `renderedAt`. */
export function rowsWithStaleTimes(rows: readonly TreeNode[], filtered: boolean, renderedAt: Date, now: Date): TreeNode[] {
  return rows.filter((row) => appearanceOf(row, filtered, renderedAt).description !== appearanceOf(row, filtered, now).description);
}
