import assert from 'node:assert/strict';
import { NO_CAPABILITIES } from '../../../../src/core/store';
import { appearanceOf, nodeKey, rowsWithStaleTimes } from '../../../../src/extension/tree/node-appearance';
import type { ConnectionNode, SecretNode, VaultNode, VersionNode } from '../../../../src/extension/tree/nodes';

const now = new Date('2026-01-10T12:00:00Z');
const connection: ConnectionNode = { kind: 'connection', connection: 'tailor:staging', label: 'Tailor · staging', storeKind: 'tailor', references: true };
const vault: VaultNode = { kind: 'vault', connection: 'tailor:staging', vault: { name: 'api-keys', createdAt: 'c', updatedAt: 'u', secretCount: 1 }, parent: connection };
const secret: SecretNode = {
  kind: 'secret',
  connection: 'tailor:staging',
  storeLabel: 'Tailor · staging',
  secret: { vault: 'api-keys', name: 'stripe', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-10T11:59:30Z', version: 3, description: 'Live key' },
  capabilities: { ...NO_CAPABILITIES, reveal: true, versions: true },
  parent: vault,
};
const version: VersionNode = {
  kind: 'version',
  connection: 'tailor:staging',
  reference: { vault: 'api-keys', key: 'stripe' },
  version: { version: 2, createdAt: '2026-01-10T11:59:30Z', current: false },
  capabilities: secret.capabilities,
  parent: secret,
};

describe('extension/tree/node-appearance', () => {
  it('gives every row but a message an id that survives a refresh', () => {
    assert.equal(appearanceOf(connection, false).id, 'connection:tailor:staging');
    assert.equal(appearanceOf(vault, false).id, 'vault:tailor:staging/api-keys');
    assert.equal(appearanceOf(secret, false).id, 'secret:tailor:staging/api-keys/stripe');
    assert.equal(appearanceOf(version, false).id, 'version:tailor:staging/api-keys/stripe/2');
    assert.equal(appearanceOf({ kind: 'message', message: 'refused' }, false).id, undefined);
  });

  it('keys a message by its text under its parent, since it has no id', () => {
    assert.equal(nodeKey({ kind: 'message', message: 'refused', parent: vault }), 'message:vault:tailor:staging/api-keys:refused');
    assert.equal(nodeKey(secret), 'secret:tailor:staging/api-keys/stripe');
  });

  it('shows a secret with its version, time and metadata tooltip, and versions as children', () => {
    const shown = appearanceOf(secret, false, now);
    assert.equal(shown.label, 'stripe');
    assert.equal(shown.description, 'v3 · updated just now');
    assert.equal(shown.tooltipIsMarkdown, true);
    assert.match(shown.tooltip ?? '', /Description: Live key/);
    assert.equal(shown.contextValue, 'secret reveal versions');
    assert.equal(shown.collapsible, 'collapsed');
    assert.equal(appearanceOf({ ...secret, capabilities: NO_CAPABILITIES }, false, now).collapsible, 'none');
  });

  it('expands vaults and remote connections while a filter is set; the local store is always open', () => {
    assert.equal(appearanceOf(vault, false).collapsible, 'collapsed');
    assert.equal(appearanceOf(vault, true).collapsible, 'expanded');
    assert.equal(appearanceOf(connection, false).collapsible, 'collapsed');
    assert.equal(appearanceOf(connection, true).collapsible, 'expanded');
    assert.equal(appearanceOf({ ...connection, storeKind: 'local' }, false).collapsible, 'expanded');
  });

  it('marks the reference connection and the current version', () => {
    assert.equal(appearanceOf(connection, false).description, 'tailor:staging · references');
    assert.equal(appearanceOf({ ...connection, references: false }, false).description, 'tailor:staging');
    assert.equal(appearanceOf(version, false, now).icon, 'history');
    assert.equal(appearanceOf({ ...version, version: { ...version.version, current: true } }, false, now).description, 'current · just now');
  });

  it('finds the rows whose relative times went stale, and only those', () => {
    const aMinuteLater = new Date(now.getTime() + 60_000);
    assert.deepEqual(rowsWithStaleTimes([connection, vault, secret, version], false, now, now), []);
    // "just now" (30 s before `now`) reads "2 minutes ago" a minute later; the connection and vault rows have no time.
    assert.deepEqual(rowsWithStaleTimes([connection, vault, secret, version], false, now, aMinuteLater), [secret, version]);
  });

  it('marks a secret not rotated within the rotation policy, says so in its tooltip, and counts them on the vault row', () => {
    const old = { ...secret, secret: { ...secret.secret, updatedAt: '2025-06-12T10:00:00Z' } };
    const stale = appearanceOf({ ...old, rotationPolicyDays: 90 }, false, now);
    assert.equal(stale.icon, 'warning');
    assert.match(stale.tooltip ?? '', /\n- Rotation: \*\*overdue\*\*, last rotated 212 days ago, policy 90$/);
    const withinLongerPolicy = appearanceOf({ ...old, rotationPolicyDays: 365 }, false, now);
    assert.equal(withinLongerPolicy.icon, 'key');
    assert.match(withinLongerPolicy.tooltip ?? '', /- Rotation: last rotated 212 days ago, policy 365$/);
    assert.equal(appearanceOf(old, false, now).icon, 'key', 'no policy, no warning');
    assert.doesNotMatch(appearanceOf(old, false, now).tooltip ?? '', /Rotation/);

    const times = ['2025-06-12T10:00:00Z', '2025-12-01T00:00:00Z', '2026-01-09T00:00:00Z'];
    const counted = appearanceOf({ ...vault, vault: { ...vault.vault, secretCount: 3 }, rotationPolicyDays: 30, secretUpdateTimes: times }, false, now);
    assert.equal(counted.description, '3 secrets · 2 overdue');
    assert.equal(counted.tooltip, 'Vault api-keys: 2 secrets not rotated within 30 days');
    assert.equal(appearanceOf({ ...vault, rotationPolicyDays: 365, secretUpdateTimes: times }, false, now).description, '1 secret');
  });
});
