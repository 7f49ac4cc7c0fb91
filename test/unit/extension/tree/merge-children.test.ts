import assert from 'node:assert/strict';
import { NO_CAPABILITIES } from '../../../../src/core/store';
import { mergeChildren } from '../../../../src/extension/tree/merge-children';
import { appearanceOf, nodeKey } from '../../../../src/extension/tree/node-appearance';
import type { SecretNode, TreeNode, VaultNode } from '../../../../src/extension/tree/nodes';

const now = new Date('2026-01-10T12:00:00Z');
const vault: VaultNode = { kind: 'vault', connection: 'local', vault: { name: 'api-keys', createdAt: 'c', updatedAt: 'u', secretCount: 2 } };
const secret = (name: string, version: number, updatedAt = '2026-01-01T00:00:00Z'): SecretNode => ({
  kind: 'secret',
  connection: 'local',
  storeLabel: 'Local store',
  secret: { vault: 'api-keys', name, createdAt: '2026-01-01T00:00:00Z', updatedAt, version },
  capabilities: { ...NO_CAPABILITIES, versions: true },
  parent: vault,
});
const appearance = (node: TreeNode) => JSON.stringify(appearanceOf(node, false, now));
const merge = (previous: TreeNode[] | undefined, fresh: TreeNode[]) => mergeChildren(previous, fresh, nodeKey, appearance);

describe('extension/tree/merge-children', () => {
  it('hands out the fresh nodes the first time, reporting nothing to refresh', () => {
    const fresh = [secret('stripe', 3), secret('sendgrid', 1)];
    const merged = merge(undefined, fresh);
    assert.deepEqual(merged.children, fresh);
    assert.equal(merged.listChanged, false);
    assert.deepEqual(merged.changedRows, []);
  });

  it('keeps the node objects shown before and reports no change when nothing shows differently', () => {
    const shown = [secret('stripe', 3), secret('sendgrid', 1)];
    const merged = merge(shown, [secret('stripe', 3), secret('sendgrid', 1)]);
    assert.equal(merged.children[0], shown[0]);
    assert.equal(merged.children[1], shown[1]);
    assert.equal(merged.listChanged, false);
    assert.deepEqual(merged.changedRows, []);
  });

  it('refreshes only the rotated row, updating the object VS Code holds (so a menu command sees the new version)', () => {
    const shown = [secret('stripe', 3), secret('sendgrid', 1)];
    const stripe = shown[0];
    const merged = merge(shown, [secret('stripe', 4, '2026-01-10T11:59:00Z'), secret('sendgrid', 1)]);
    assert.equal(merged.listChanged, false);
    assert.deepEqual(merged.changedRows, [stripe]);
    assert.equal(merged.children[0], stripe, 'the same object');
    assert.equal(stripe.secret.version, 4, 'brought up to date in place');
  });

  it('brings data up to date without a refresh when the row would show the same', () => {
    const vaultAt = (updatedAt: string): VaultNode => ({ ...vault, vault: { ...vault.vault, updatedAt } });
    const shown = [vaultAt('2026-01-10T11:00:00Z')];
    const merged = merge(shown, [vaultAt('2026-01-10T11:30:00Z')]); // a vault row shows no time
    assert.deepEqual(merged.changedRows, []);
    assert.equal(merged.children[0], shown[0]);
    assert.equal((shown[0] as VaultNode).vault.updatedAt, '2026-01-10T11:30:00Z');
  });

  it('reports a changed list when a row is added, removed or moved, keeping the objects of the rows that stay', () => {
    const shown = [secret('sendgrid', 1), secret('stripe', 3)];
    const added = merge(shown, [secret('sendgrid', 1), secret('stripe', 3), secret('twilio', 1)]);
    assert.equal(added.listChanged, true);
    assert.deepEqual(added.changedRows, [], 'the parent refresh covers the rows');
    assert.equal(added.children[0], shown[0]);
    assert.equal(merge(shown, [secret('sendgrid', 1)]).listChanged, true);
    assert.equal(merge([secret('sendgrid', 1), secret('stripe', 3)], [secret('stripe', 3), secret('sendgrid', 1)]).listChanged, true);
  });

  it('does not reuse a node of another kind that happens to share a key', () => {
    const message: TreeNode = { kind: 'message', message: 'refused', parent: vault };
    const merged = merge([message], [secret('stripe', 1)]);
    assert.equal(merged.listChanged, true);
    assert.equal(merged.children[0].kind, 'secret');
  });
});
