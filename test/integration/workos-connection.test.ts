// A WorkOS Vault connection in the real extension host, next to the local store, served by the stand-in of the
// WorkOS Vault API (plain node:http, started here on 127.0.0.1) with WorkOS's own SDK as the client. The
// extension reads WORKOS_API_KEY and WORKOS_API_URL from this process's environment when it opens the connection.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { workosKeychainEntry } from '../../src/core/workos/credentials';
import { WorkosStandIn } from '../support/workos-stand-in';
import { activateExtension, answer, CANARY, command, createSecretThroughCommands, findNode, lastNotification, logLines, readAuditDocument, shownPrompts, treeSnapshot, treeUntil, useFreshStore } from './helpers';
import { executorSource, labelOf, openWorkspaceFile, ourDiagnostics, positionAfter, removeWrittenFiles, waitFor } from './language/support';

const API_KEY = ['sk', 'test', randomBytes(12).toString('hex')].join('_');
const WORKOS = 'workos:production';
const WORKOS_LABEL = 'WorkOS · production';
const ENVIRONMENT = ['WORKOS_API_KEY', 'WORKOS_API_URL'];
const REMOTE_VALUE = `remote-${randomBytes(6).toString('hex')}-value`;

const settings = () => vscode.workspace.getConfiguration('secretManager');
const revealState = () => vscode.commands.executeCommand<{ label: string } | undefined>('secretManager._test.revealState');

async function nothingShows(...values: string[]): Promise<void> {
  const everything = JSON.stringify(await treeSnapshot()) + (await logLines()).join('\n') + JSON.stringify(await shownPrompts());
  for (const value of values) assert.ok(!everything.includes(value), 'the value or key appears in no label, tooltip, log line or prompt');
}

describe('a WorkOS Vault connection beside the local store', function () {
  this.timeout(60_000);

  let standIn: WorkosStandIn;
  const savedEnvironment = new Map<string, string | undefined>();

  before(async () => {
    await activateExtension();
    for (const name of ENVIRONMENT) savedEnvironment.set(name, process.env[name]);
  });

  beforeEach(async () => {
    standIn = await WorkosStandIn.start({ apiKeys: [API_KEY] });
    standIn.seed('payments/stripe-key', REMOTE_VALUE, { organization_id: 'org_1' });
    standIn.seed('Legacy Token', 'legacy-value', { organization_id: 'org_1' });
    process.env.WORKOS_API_URL = standIn.url;
    process.env.WORKOS_API_KEY = API_KEY;
    await useFreshStore();
    await settings().update('connections', [{ id: 'production', kind: 'workos' }], vscode.ConfigurationTarget.Global);
    await treeUntil((tree) => findNode(tree, WORKOS_LABEL, 'payments', 'stripe-key') !== undefined, 'the WorkOS connection shows');
  });

  afterEach(async () => {
    await standIn?.close();
  });

  after(async () => {
    await settings().update('connections', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('referenceConnection', undefined, vscode.ConfigurationTarget.Workspace);
    for (const [name, value] of savedEnvironment) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('shows the WorkOS connection next to the local store, with "vault/key" objects and other names under default, and in the extension API behind consent', async () => {
    const tree = await treeSnapshot();
    assert.deepEqual(tree.map((node) => node.label), ['Local store', WORKOS_LABEL]);
    assert.equal(findNode(tree, WORKOS_LABEL)?.description, WORKOS);
    const secret = findNode(tree, WORKOS_LABEL, 'payments', 'stripe-key');
    assert.ok(secret, 'payments/stripe-key is under the payments vault');
    assert.match(secret.contextValue ?? '', /reveal/, 'a WorkOS secret offers reveal');
    const legacy = findNode(tree, WORKOS_LABEL, 'default')?.children?.map((node) => node.label) ?? [];
    assert.equal(legacy.length, 1);
    assert.match(legacy[0]!, /^legacy-token-[0-9a-f]{6}$/);
    const api = (await activateExtension()).getApi('^1.0.0', { extensionId: 'vscode.npm' });
    const listed = (await api.listConnections()).find((connection) => connection.id === WORKOS);
    assert.equal(listed?.kind, 'workos', 'the extension API lists the WorkOS connection');
    const refused = (await activateExtension()).getApi('^1.0.0', { extensionId: 'vscode.grunt' });
    await answer({ consent: ['Deny'] });
    await assert.rejects(refused.resolve({ vault: 'payments', key: 'stripe-key' }, { connection: WORKOS }), /Access denied: extension vscode\.grunt/);
    await answer({ consent: ['Allow'] });
    assert.equal(await api.resolve({ vault: 'payments', key: 'stripe-key' }, { connection: WORKOS }), REMOTE_VALUE, 'another extension resolves the value after consent');
    assert.match(await readAuditDocument({ connection: WORKOS, vault: 'payments', key: 'stripe-key' }), /extension:vscode\.npm/);
    await nothingShows(REMOTE_VALUE, API_KEY);
  });

  it('rotates with a conflict check on the version', async () => {
    await answer({ 'secret.value': [`${CANARY}-first`] });
    const first = await command<{ version: number }>('rotateSecret', { connection: WORKOS, vault: 'payments', key: 'stripe-key', expectedVersion: 1 });
    assert.equal(first?.version, 2);
    assert.equal(standIn.storedValue('payments/stripe-key'), `${CANARY}-first`);

    await answer({ 'secret.value': [`${CANARY}-stale`] });
    await command('rotateSecret', { connection: WORKOS, vault: 'payments', key: 'stripe-key', expectedVersion: 1 });
    assert.match((await lastNotification('error')) ?? '', /is at version 2, not the expected version 1/);
    assert.equal(standIn.storedValue('payments/stripe-key'), `${CANARY}-first`, 'the stale rotation changed nothing');

    // From a tree row, whose listing carries no version: the version read when the rotation starts is checked.
    await answer({ 'secret.value': [`${CANARY}-from-row`] });
    const before = standIn.requests.length;
    const fromRow = await command<{ version: number }>('rotateSecret', { connection: WORKOS, vault: 'payments', key: 'stripe-key' });
    assert.equal(fromRow?.version, 3);
    const prompt = (await shownPrompts()).filter((shown) => shown.id === 'secret.value').at(-1);
    assert.ok(standIn.requests.slice(before).some((request) => /^GET \/vault\/v1\/kv\/[^/]+\/metadata$/.test(request)), 'the version was read first');
    assert.ok(prompt, 'the value was asked for');
    await nothingShows(CANARY, API_KEY);
  });

  it('reveals only after the confirmation, and records the reveal in the local audit log', async () => {
    // Called with arguments, as a keybinding or another extension would: the API consent first, then the confirmation.
    await answer({ consent: ['Allow Once', 'Allow Once'], 'secret.reveal.confirm': [null] });
    assert.equal(await command('revealSecret', { connection: WORKOS, vault: 'payments', key: 'stripe-key' }), false);
    assert.equal(await revealState(), undefined, 'nothing is revealed when the confirmation is dismissed');
    assert.ok(!standIn.requests.some((request) => /^GET \/vault\/v1\/kv\/secret_[^/]+$/.test(request)), 'the value was not even read');

    await answer({ 'secret.reveal.confirm': ['Reveal'] });
    assert.equal(await command('revealSecret', { connection: WORKOS, vault: 'payments', key: 'stripe-key' }), true);
    await vscode.commands.executeCommand('secretManager._test.revealToggle');
    assert.equal((await revealState())?.label, REMOTE_VALUE, 'the value shows once asked for');
    await vscode.commands.executeCommand('secretManager._test.revealToggle');
    assert.match(await readAuditDocument({ connection: WORKOS, vault: 'payments', key: 'stripe-key' }), /secret\.reveal\s+payments\/stripe-key/);
  });

  it('copies a secret from the local store to WorkOS and back, the value never shown', async () => {
    await createSecretThroughCommands('api-keys', 'github-token', CANARY);
    await answer({ 'copy.connection.pick': [WORKOS_LABEL], 'copy.vault.pick': ['$(add) New vault…'], 'copy.vault.name': ['api-keys'], 'copy.key.name': ['github-token'] });
    const copied = await command<{ outcome: string }>('copySecretToConnection', { vault: 'api-keys', key: 'github-token' });
    assert.equal(copied?.outcome, 'created');
    assert.equal(standIn.storedValue('api-keys/github-token'), CANARY, 'WorkOS holds the value as "api-keys/github-token"');

    const back = await command<{ outcome: string }>('copySecretToConnection', {
      connection: WORKOS,
      vault: 'payments',
      key: 'stripe-key',
      targetConnection: 'local',
      targetVault: 'from-workos',
      targetKey: 'stripe-key',
    });
    assert.equal(back?.outcome, 'created');
    assert.ok(findNode(await treeSnapshot(), 'Local store', 'from-workos', 'stripe-key'), 'the copy shows under the local store');
    assert.match(await readAuditDocument({ connection: WORKOS, vault: 'payments', key: 'stripe-key' }), /secret\.copy/);
    await nothingShows(CANARY, REMOTE_VALUE, API_KEY);
  });

  it('completes and checks references against WorkOS when it is the reference connection', async () => {
    await settings().update('referenceConnection', WORKOS, vscode.ConfigurationTarget.Workspace);
    try {
      await treeUntil((nodes) => findNode(nodes, WORKOS_LABEL)?.description === `${WORKOS} · references`, 'WorkOS is marked for references');
      const document = await openWorkspaceFile(
        'executors/it-workos.ts',
        executorSource('it-workos', '{ vault: "payments", key: "stripe-key" }') + '\nconst other = { vault: "payments", key: "not-there" };\n',
      );
      const [problem] = await waitFor('a reference check against WorkOS', () => {
        const diagnostics = ourDiagnostics(document);
        return diagnostics.length > 0 ? diagnostics : undefined;
      });
      assert.equal(ourDiagnostics(document).length, 1, 'only the missing secret is flagged');
      assert.match(problem!.message, /not-there/);
      assert.match(problem!.message, /WorkOS · production/);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionAfter(document, 'key: "not-there'), '"');
      assert.ok(list.items.map(labelOf).includes('stripe-key'), 'the key names come from WorkOS');
      const detailText = JSON.stringify(list.items.map((item) => [item.detail, item.documentation]));
      assert.ok(!detailText.includes(REMOTE_VALUE), 'no value in completion');
    } finally {
      await settings().update('referenceConnection', undefined, vscode.ConfigurationTarget.Workspace);
      await removeWrittenFiles();
    }
  });

  it('takes the API key from "Set WorkOS API Key…" when WORKOS_API_KEY is not set', async () => {
    delete process.env.WORKOS_API_KEY;
    const entry = workosKeychainEntry();
    const before = await entry.read().catch(() => null);
    try {
      await command('retryConnection', { connection: WORKOS });
      const refused = await treeUntil((tree) => (findNode(tree, WORKOS_LABEL)?.children ?? []).some((node) => /API key/.test(node.label)), 'the missing key shows');
      assert.match(findNode(refused, WORKOS_LABEL)?.children?.[0]?.label ?? '', /Set WORKOS_API_KEY, or run "Set WorkOS API Key…"/);

      await answer({ 'workos.apiKey': [API_KEY] });
      assert.equal(await command('setWorkosApiKey'), true);
      await treeUntil((tree) => findNode(tree, WORKOS_LABEL, 'payments', 'stripe-key') !== undefined, 'the connection opens with the saved key');
      assert.ok(!(await logLines()).join('\n').includes(API_KEY), 'the key is not logged');
      assert.equal(settings().inspect('connections')?.globalValue !== undefined && JSON.stringify(settings().inspect('connections')).includes(API_KEY), false, 'the key is not in settings');
    } finally {
      if (before === null) await entry.remove().catch(() => false);
      else await entry.write(before);
    }
  });
});
