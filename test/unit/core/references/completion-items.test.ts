import assert from 'node:assert/strict';
import { openStore } from '../../../../src/api/open-store';
import { buildCompletionItems, type CompletionMetadata } from '../../../../src/core/references/completion-items';
import type { SecretMetadata, VaultMetadata } from '../../../../src/core/model';
import type { CompletionContext } from '../../../../src/core/references/types';
import { environmentWithoutKeychain, makeTemporaryHome } from '../../helpers/temporary-home';

const NOW = new Date('2026-03-10T12:00:00Z');
const RANGE = { start: 10, end: 12 };

const VAULTS: VaultMetadata[] = [
  { name: 'api-keys', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-03-09T12:00:00Z', secretCount: 2 },
  { name: 'mail', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-03-10T11:00:00Z' },
];
const SECRETS: SecretMetadata[] = [
  { vault: 'api-keys', name: 'stripe-secret-key', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-03-07T12:00:00Z', version: 4, description: 'Stripe live key' },
  { vault: 'api-keys', name: 'github-token', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-03-10T11:59:50Z' },
];
const METADATA: CompletionMetadata = {
  storeLabel: 'Local store',
  vaults: VAULTS,
  secretsByVault: new Map([['api-keys', SECRETS], ['mail', []]]),
  now: NOW,
};

describe('core/references/completion-items', () => {
  it('offers vault names with their secret count and age', () => {
    const items = buildCompletionItems({ kind: 'vault', replaceRange: RANGE, quote: '"', typed: 'ap' }, METADATA);
    assert.deepEqual(items.map((item) => [item.label, item.detail, item.insertText]), [
      ['api-keys', '2 secrets · updated yesterday', 'api-keys'],
      ['mail', 'updated 1 hour ago', 'mail'],
    ]);
    assert.ok(items.every((item) => item.kind === 'vault' && item.replaceRange === RANGE && !item.isSnippet));
    assert.match(items[0]!.documentation, /Local store/);
  });

  it('offers the keys of the sibling vault with version and age, and quotes when no quote is typed', () => {
    const items = buildCompletionItems({ kind: 'key', vault: 'api-keys', replaceRange: RANGE, quote: undefined, typed: '' }, METADATA);
    assert.deepEqual(items.map((item) => [item.label, item.detail, item.insertText]), [
      ['stripe-secret-key', 'v4 · updated 3 days ago', '"stripe-secret-key"'],
      ['github-token', 'updated just now', '"github-token"'],
    ]);
    assert.match(items[0]!.documentation, /Stripe live key/);
    assert.match(items[0]!.documentation, /Version: 4/);
  });

  it('offers no keys for an unknown vault, and every vault’s keys for a dynamic one', () => {
    assert.deepEqual(buildCompletionItems({ kind: 'key', vault: 'nope-vault', replaceRange: RANGE, quote: '"', typed: '' }, METADATA), []);
    const dynamic = buildCompletionItems({ kind: 'key', vault: undefined, replaceRange: RANGE, quote: '"', typed: '' }, METADATA);
    assert.deepEqual(dynamic.map((item) => item.detail.split(' · ')[0]), ['api-keys', 'api-keys']);
  });

  it('offers a { vault, key } snippet and one ready reference per secret at a header value', () => {
    const context: CompletionContext = { kind: 'header-value', headerName: 'Authorization', replaceRange: RANGE, quote: undefined, typed: '' };
    const items = buildCompletionItems(context, METADATA);
    assert.deepEqual(items.map((item) => [item.label, item.insertText, item.isSnippet]), [
      ['{ vault, key }', '{ vault: "${1:vault}", key: "${2:key}" }', true],
      ['api-keys/stripe-secret-key', '{ vault: "api-keys", key: "stripe-secret-key" }', false],
      ['api-keys/github-token', '{ vault: "api-keys", key: "github-token" }', false],
    ]);
  });

  it('ends each header item with the comma a value typed above another header needs', () => {
    const context: CompletionContext = { kind: 'header-value', headerName: 'X-Other', replaceRange: RANGE, quote: undefined, typed: '', suffix: ',' };
    const items = buildCompletionItems(context, METADATA);
    assert.deepEqual(items.map((item) => item.insertText.slice(-4)), ['" },', '" },', '" },']);
  });

  it('never carries a secret value, with metadata from a real local store', async () => {
    const canary = 'canary-completion-value-91b2e4';
    const home = makeTemporaryHome('completion-items-');
    const store = await openStore({ kind: 'local', home: home.home, passphrase: 'completion test passphrase', env: environmentWithoutKeychain() });
    try {
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: canary, description: 'the Stripe key' });
      await store.updateSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: `${canary}-rotated` });
      const metadata: CompletionMetadata = {
        storeLabel: store.label,
        vaults: await store.listVaults(),
        secretsByVault: new Map([['api-keys', await store.listSecrets('api-keys')]]),
      };
      const contexts: CompletionContext[] = [
        { kind: 'vault', replaceRange: RANGE, quote: '"', typed: '' },
        { kind: 'key', vault: 'api-keys', replaceRange: RANGE, quote: undefined, typed: '' },
        { kind: 'header-value', headerName: 'Authorization', replaceRange: RANGE, quote: undefined, typed: '' },
      ];
      const items = contexts.flatMap((context) => buildCompletionItems(context, metadata));
      assert.equal(items.length, 1 + 1 + 2);
      const serialized = JSON.stringify(items);
      assert.ok(serialized.includes('stripe-secret-key') && serialized.includes('v2'));
      assert.ok(!serialized.includes(canary), 'a completion item holds the value');
    } finally {
      await store.close();
      home.cleanup();
    }
  });
});
