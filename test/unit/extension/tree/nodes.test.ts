import assert from 'node:assert/strict';
import { NO_CAPABILITIES } from '../../../../src/core/store';
import { contextValueOf, isTreeNode, markIssued, wasIssuedByTree, type SecretNode, type VaultNode, type VersionNode } from '../../../../src/extension/tree/nodes';

const vault: VaultNode = { kind: 'vault', connection: 'local', vault: { name: 'api-keys', createdAt: 'c', updatedAt: 'u' } };
const everything = { reveal: true, versions: true, rollback: true, metadata: true, audit: true };
const secret = (capabilities = everything): SecretNode => ({
  kind: 'secret',
  connection: 'local',
  storeLabel: 'Local store',
  secret: { vault: 'api-keys', name: 'stripe', createdAt: 'c', updatedAt: 'u', version: 2 },
  capabilities,
  parent: vault,
});

// The menus in package.json test these words with regexes such as /\bsecret\b/ && /\breveal\b/.
describe('extension/tree/nodes', () => {
  it('names every capability a secret node has, so menus show only what the store can do', () => {
    assert.equal(contextValueOf(secret()), 'secret reveal versions rollback audit');
    assert.equal(contextValueOf(secret(NO_CAPABILITIES)), 'secret');
    assert.doesNotMatch(contextValueOf(secret({ ...NO_CAPABILITIES, audit: true })), /\breveal\b/);
  });

  it('marks the current version so it offers no rollback to itself', () => {
    const version = (current: boolean): VersionNode => ({
      kind: 'version',
      connection: 'local',
      reference: { vault: 'api-keys', key: 'stripe' },
      version: { version: 1, createdAt: 'c', current },
      capabilities: everything,
      parent: secret(),
    });
    assert.equal(contextValueOf(version(false)), 'version rollback');
    assert.equal(contextValueOf(version(true)), 'version rollback current');
  });

  it('offers Retry and Open Settings on connection errors, without the word the connection menus test for', () => {
    const failed = contextValueOf({ kind: 'message', message: 'refused', problem: 'connection', connection: 'tailor:staging' });
    assert.equal(failed, 'message retry settings');
    assert.equal(contextValueOf({ kind: 'message', message: 'bad entry', problem: 'setting' }), 'message settings');
    assert.equal(contextValueOf({ kind: 'message', message: 'could not list' }), 'message');
    assert.doesNotMatch(failed, /\bconnection\b/);
    assert.equal(contextValueOf({ kind: 'connection', connection: 'tailor:staging', label: 'Tailor · staging', storeKind: 'tailor' }), 'connection tailor');
  });

  it('tells tree nodes from command arguments', () => {
    assert.equal(isTreeNode(vault), true);
    assert.equal(isTreeNode({ vault: 'api-keys', key: 'stripe' }), false);
    assert.equal(isTreeNode('api-keys/stripe'), false);
    assert.equal(contextValueOf(vault), 'vault');
  });

  it('tells a node the tree handed out from a look-alike object a caller passed', () => {
    const shown = secret();
    const lookAlike = secret();
    markIssued([shown]);
    assert.equal(wasIssuedByTree(shown), true);
    assert.equal(wasIssuedByTree(lookAlike), false, 'the same shape is not enough');
    assert.equal(wasIssuedByTree('api-keys/stripe'), false);
  });
});
