// Several connections in the real extension host: the local store next to a Tailor connection served by the
// stand-in of the Operator API (plain node:http, started here on 127.0.0.1). The extension reads the login from
// this process's environment when it opens a connection, as it would read a user's TAILOR_PLATFORM_TOKEN.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { TailorStandIn } from '../support/tailor-stand-in';
import {
  activateExtension,
  allNodes,
  answer,
  CANARY,
  command,
  createSecretThroughCommands,
  findNode,
  lastNotification,
  logLines,
  readAuditDocument,
  shownPrompts,
  treeSnapshot,
  treeUntil,
  useFreshStore,
} from './helpers';
import { executorSource, labelOf, openWorkspaceFile, ourDiagnostics, positionAfter, removeWrittenFiles, waitFor } from './language/support';

const WORKSPACE_ID = '0f8e4c2a-6b1d-4e3f-9a7c-5d2b8e1f4a60';
const TOKEN = 'integration-stand-in-token';
const STAGING = 'tailor:staging';
const STAGING_LABEL = 'Tailor · staging';
const ENVIRONMENT = ['TAILOR_PLATFORM_URL', 'TAILOR_PLATFORM_TOKEN', 'TAILOR_PLATFORM_SDK_CONFIG_PATH', 'TAILOR_PLATFORM_WORKSPACE_ID', 'TAILOR_PLATFORM_PROFILE'];

const settings = () => vscode.workspace.getConfiguration('secretManager');

async function setConnections(value: unknown): Promise<void> {
  await settings().update('connections', value, vscode.ConfigurationTarget.Global);
}

async function nothingShowsTheCanary(value: string): Promise<void> {
  const everything = JSON.stringify(await treeSnapshot()) + (await logLines()).join('\n') + JSON.stringify(await shownPrompts());
  assert.ok(!everything.includes(value), 'the value appears in no label, description, tooltip, log line or prompt');
}

describe('several connections: local and Tailor side by side', function () {
  this.timeout(60_000);

  let standIn: TailorStandIn;
  const savedEnvironment = new Map<string, string | undefined>();

  before(async function () {
    await activateExtension();
    for (const name of ENVIRONMENT) savedEnvironment.set(name, process.env[name]);
    for (const name of ENVIRONMENT) delete process.env[name];
    // No tailor-sdk config of the machine may take part.
    process.env.TAILOR_PLATFORM_SDK_CONFIG_PATH = path.join(mkdtempSync(path.join(tmpdir(), 'tailor-config-')), 'config.yaml');
  });

  beforeEach(async () => {
    standIn = await TailorStandIn.start({ tokens: [TOKEN], workspaces: [WORKSPACE_ID] });
    standIn.seedVault(WORKSPACE_ID, 'shared-config', { 'existing-key': 'remote-only-value' });
    process.env.TAILOR_PLATFORM_URL = standIn.url;
    process.env.TAILOR_PLATFORM_TOKEN = TOKEN;
    // Closes the stores, so the connection opens again against this test's stand-in.
    await useFreshStore();
    await setConnections([{ id: 'staging', kind: 'tailor', workspaceId: WORKSPACE_ID }]);
    await treeUntil((tree) => findNode(tree, STAGING_LABEL) !== undefined, 'the staging connection shows');
  });

  afterEach(async () => {
    await standIn?.close();
  });

  after(async () => {
    await setConnections(undefined);
    await settings().update('referenceConnection', undefined, vscode.ConfigurationTarget.Workspace);
    for (const [name, value] of savedEnvironment) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await treeUntil((tree) => !findNode(tree, STAGING_LABEL), 'the staging connection is gone again');
  });

  it('refuses connections written to workspace settings, because the manifest makes them machine-scoped', async () => {
    await assert.rejects(
      Promise.resolve(settings().update('connections', [{ id: 'attacker', kind: 'tailor', workspaceId: WORKSPACE_ID }], vscode.ConfigurationTarget.Workspace)),
      /user settings|machine|Unable to write/i,
    );
    assert.equal(settings().inspect<unknown[]>('connections')?.workspaceValue, undefined);
  });

  it('ignores connections a workspace puts in its own settings', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) this.skip();
    const file = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    mkdirSync(path.dirname(file), { recursive: true });
    // referenceConnection (a workspace setting, at its default value) shows when VS Code has read the file.
    const settingsText = JSON.stringify({
      'secretManager.referenceConnection': 'local',
      'secretManager.connections': [{ id: 'attacker', kind: 'tailor', workspaceId: WORKSPACE_ID }],
    });
    writeFileSync(file, settingsText);
    try {
      // VS Code's file watcher may miss a file written into a folder it has just seen created (a new
      // `.vscode`) on a busy machine: the file is written again every 2 s until it is read, up to 20 s.
      for (let attempt = 1; attempt <= 400 && settings().inspect('referenceConnection')?.workspaceValue !== 'local'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (attempt % 40 === 0) writeFileSync(file, settingsText);
      }
      assert.equal(settings().inspect('referenceConnection')?.workspaceValue, 'local', 'VS Code read the workspace settings');
      // Two layers: VS Code drops machine-scoped values from workspace settings, and the extension reads user values only.
      assert.equal(settings().inspect('connections')?.workspaceValue, undefined, 'the manifest keeps the setting machine-scoped');
      const tree = await treeSnapshot();
      assert.deepEqual(
        tree.map((node) => node.label),
        ['Local store', STAGING_LABEL],
        'a connection from workspace settings is not shown',
      );
      const api = (await activateExtension()).getApi('^1.0.0');
      assert.deepEqual((await api.listConnections()).map((connection) => connection.id), ['local', STAGING]);
    } finally {
      if (before === undefined) rmSync(file);
      else writeFileSync(file, before);
    }
  });

  it('shows the local store and the Tailor connection with its vaults, metadata only and no value commands', async () => {
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
    const tree = await treeSnapshot();
    assert.deepEqual(
      tree.map((node) => [node.label, node.description, node.contextValue]),
      [
        ['Local store', 'local · references', 'connection local'],
        [STAGING_LABEL, STAGING, 'connection tailor'],
      ],
    );
    assert.ok(findNode(tree, 'Local store', 'api-keys', 'stripe-secret-key'), 'the local secret is under the local store');
    const remote = findNode(tree, STAGING_LABEL, 'shared-config', 'existing-key');
    assert.ok(remote, "the stand-in's vault and secret are under the Tailor connection");
    assert.equal(remote.contextValue, 'secret', 'a Tailor secret offers no reveal, copy value, versions or audit');
    assert.equal(remote.children, undefined, 'a Tailor secret has no versions to expand');
    assert.match(remote.tooltip ?? '', /Store: Tailor · staging/);
    await nothingShowsTheCanary('remote-only-value');
  });

  it('reloads the Tailor connection by itself while the view shows, redrawing only the vault that changed', async () => {
    /** What the tree asked VS Code to redraw in the next `waitMs`. */
    const refreshesWithin = async (waitMs: number) => {
      const refreshes: string[][] = [];
      for (let waited = 0; waited < waitMs; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        refreshes.push(...(await command<string[][]>('_test.treeRefreshes')));
      }
      return refreshes;
    };
    await vscode.commands.executeCommand('secretManager.vaults.focus');
    for (let waited = 0; !(await command<boolean>('_test.treeViewVisible')); waited += 100) {
      if (waited > 10_000) assert.fail('the Vaults view did not become visible');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await treeSnapshot(); // every row shown and expanded, as in the view
    await refreshesWithin(500);
    try {
      await settings().update('remoteRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
      standIn.seedVault(WORKSPACE_ID, 'shared-config', { 'added-while-off': 'teammate-value-1' });
      assert.deepEqual(await refreshesWithin(2_500), [], 'turned off: nothing reloads');

      await settings().update('remoteRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
      const refreshes = await refreshesWithin(8_000);
      assert.ok(
        refreshes.some((keys) => keys.includes(`vault:${STAGING}/shared-config`)),
        `the vault with the new secret is redrawn: ${JSON.stringify(refreshes)}`,
      );
      assert.ok(!refreshes.some((keys) => keys.includes('(all)') || keys.some((key) => key.includes('local'))), 'not the whole tree, not the local store');
      assert.ok(findNode(await treeSnapshot(), STAGING_LABEL, 'shared-config', 'added-while-off'));
      await nothingShowsTheCanary('teammate-value-1');
    } finally {
      await settings().update('remoteRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('creates a vault and a secret on the Tailor connection through the commands', async () => {
    await answer({ 'vault.name': ['from-editor'] });
    await command('createVault', { connection: STAGING });
    await answer({ 'secret.name': ['webhook-token'], 'secret.value': [CANARY], 'secret.description': [''] });
    const created = await command<{ name: string }>('createSecret', { connection: STAGING, vault: 'from-editor' });
    assert.equal(created?.name, 'webhook-token');
    assert.equal(standIn.storedValue(WORKSPACE_ID, 'from-editor', 'webhook-token'), CANARY, 'the stand-in holds the value');
    assert.ok(findNode(await treeSnapshot(), STAGING_LABEL, 'from-editor', 'webhook-token'), 'the tree shows the new secret');

    assert.equal(await command('revealSecret', { connection: STAGING, vault: 'from-editor', key: 'webhook-token' }), undefined);
    assert.ok(!(await shownPrompts()).some((prompt) => prompt.id === 'secret.reveal.confirm'), 'no confirmation is asked for what cannot be done');
    assert.match((await lastNotification('error')) ?? '', /Tailor · staging cannot reveal the value of from-editor\/webhook-token/);
    await nothingShowsTheCanary(CANARY);
  });

  it('copies a local secret to staging, audited as a copy, replacing only after confirmation, the value never shown', async () => {
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
    await answer({ 'copy.connection.pick': [STAGING_LABEL], 'copy.vault.pick': ['$(add) New vault…'], 'copy.vault.name': ['api-keys'], 'copy.key.name': ['stripe-secret-key'] });
    const copied = await command<{ outcome: string; createdVault: boolean }>('copySecretToConnection', { vault: 'api-keys', key: 'stripe-secret-key' });
    assert.equal(copied?.outcome, 'created');
    assert.equal(copied?.createdVault, true);
    assert.equal(standIn.storedValue(WORKSPACE_ID, 'api-keys', 'stripe-secret-key'), CANARY);
    const picked = (await shownPrompts()).find((prompt) => prompt.id === 'copy.connection.pick');
    assert.deepEqual(picked?.items, [STAGING_LABEL], 'only the other connections are offered');
    assert.ok(findNode(await treeSnapshot(), STAGING_LABEL, 'api-keys', 'stripe-secret-key'), 'the copy shows under staging');

    await answer({ 'secret.value': [`${CANARY}-rotated`] });
    await command('rotateSecret', { connection: 'local', vault: 'api-keys', key: 'stripe-secret-key' });
    const target = { connection: 'local', vault: 'api-keys', key: 'stripe-secret-key', targetConnection: STAGING, targetVault: 'api-keys', targetKey: 'stripe-secret-key' };
    await answer({ 'copy.replace.confirm': [null] });
    assert.equal((await command<{ outcome: string }>('copySecretToConnection', target))?.outcome, 'cancelled');
    assert.equal(standIn.storedValue(WORKSPACE_ID, 'api-keys', 'stripe-secret-key'), CANARY, 'a dismissed confirmation changes nothing');
    await answer({ 'copy.replace.confirm': ['Replace'] });
    assert.equal((await command<{ outcome: string }>('copySecretToConnection', target))?.outcome, 'replaced');
    assert.equal(standIn.storedValue(WORKSPACE_ID, 'api-keys', 'stripe-secret-key'), `${CANARY}-rotated`);
    const confirm = (await shownPrompts()).filter((prompt) => prompt.id === 'copy.replace.confirm').at(-1);
    assert.match(confirm?.text ?? '', /^Replace api-keys\/stripe-secret-key in Tailor · staging\?\n.*keeps no earlier versions/);

    const audit = await readAuditDocument({ connection: 'local', vault: 'api-keys', key: 'stripe-secret-key' });
    assert.equal(audit.match(/copy-to:tailor:staging/g)?.length, 2, 'each read for a copy is audited with its target, the dismissed one not');
    assert.ok(!audit.includes(CANARY));
    await nothingShowsTheCanary(CANARY);
  });

  it('refuses to copy from Tailor, which never returns values, before asking anything', async () => {
    await command('copySecretToConnection', { connection: STAGING, vault: 'shared-config', key: 'existing-key' });
    assert.match((await lastNotification('error')) ?? '', /Tailor · staging cannot copy shared-config\/existing-key to another connection/);
    assert.ok(!(await shownPrompts()).some((prompt) => prompt.id.startsWith('copy.')), 'no target is asked for');
    await command('copySecretToConnection', { connection: STAGING, vault: 'shared-config', key: 'existing-key', targetConnection: 'local', targetVault: 'copied', targetKey: 'existing-key' });
    assert.equal(findNode(await treeSnapshot(), 'Local store', 'copied'), undefined, 'nothing was created in the target');
  });

  it('shows a refused token as an error node with the login hint and Retry, without breaking the local store', async () => {
    await createSecretThroughCommands('api-keys', 'github-token', 'local-value');
    process.env.TAILOR_PLATFORM_TOKEN = 'expired-token';
    await command('retryConnection', { connection: STAGING });
    const tree = await treeSnapshot();
    const [problem] = findNode(tree, STAGING_LABEL)?.children ?? [];
    assert.match(problem?.label ?? '', /Tailor Platform refused the access token.*tailor-sdk login/);
    assert.equal(problem?.contextValue, 'message retry settings');
    assert.ok(findNode(tree, 'Local store', 'api-keys', 'github-token'), 'the local store still lists its secrets');
    assert.ok(!JSON.stringify(tree).includes('expired-token') && !(await logLines()).join('\n').includes('expired-token'), 'the token is not shown');

    process.env.TAILOR_PLATFORM_TOKEN = TOKEN;
    await command('retryConnection', { connection: STAGING });
    assert.ok(findNode(await treeSnapshot(), STAGING_LABEL, 'shared-config', 'existing-key'), 'Retry opens the connection again');
  });

  it('shows a wrong settings entry as its own node and error, keeping the good connections', async () => {
    await vscode.commands.executeCommand('secretManager._test.clearPrompts');
    await setConnections([
      { id: 'staging', kind: 'tailor', workspaceId: WORKSPACE_ID },
      { id: 'production', kind: 'tailor', workspaceId: 'not-a-uuid' },
    ]);
    const tree = await treeUntil((nodes) => nodes.some((node) => node.label.includes('connections[1]')), 'the bad entry shows');
    const problem = tree.find((node) => node.label.includes('connections[1]'));
    assert.match(problem?.label ?? '', /secretManager\.connections\[1\] \("production"\): workspaceId must be a UUID/);
    assert.equal(problem?.contextValue, 'message settings');
    assert.ok(findNode(tree, STAGING_LABEL, 'shared-config'), 'the good connection still works');
    assert.match((await lastNotification('error')) ?? '', /workspaceId must be a UUID/);
  });

  it('uses the workspace referenceConnection for references and the API default, and refuses an unknown one clearly', async () => {
    await settings().update('referenceConnection', STAGING, vscode.ConfigurationTarget.Workspace);
    try {
      const tree = await treeUntil((nodes) => findNode(nodes, STAGING_LABEL)?.description === `${STAGING} · references`, 'staging is marked');
      assert.equal(findNode(tree, 'Local store')?.description, 'local');
      const api = (await activateExtension()).getApi('^1.0.0');
      assert.deepEqual((await api.listVaults()).map((vault) => vault.name), ['shared-config'], 'the default connection is staging');

      await settings().update('referenceConnection', 'staging', vscode.ConfigurationTarget.Workspace);
      await assert.rejects(api.listVaults(), /Connection "staging" was not found\. Did you mean "tailor:staging"\? Known connections: "local", "tailor:staging"\./);
    } finally {
      await settings().update('referenceConnection', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('completes, checks and hovers references against the Tailor connection that referenceConnection picks', async () => {
    await settings().update('referenceConnection', STAGING, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openWorkspaceFile(
        'executors/it-connections.ts',
        executorSource('it-connections', '{ vault: "shared-config", key: "existing-key" }') + '\nconst other = { vault: "shared-config", key: "not-there" };\n',
      );
      const [problem] = await waitFor('a reference check against staging', () => {
        const diagnostics = ourDiagnostics(document);
        return diagnostics.length > 0 ? diagnostics : undefined;
      });
      assert.equal(ourDiagnostics(document).length, 1, 'only the missing secret is flagged');
      assert.match(problem.message, /not-there/);
      assert.match(problem.message, /Tailor · staging/);

      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        positionAfter(document, 'key: "not-there'),
        '"',
      );
      assert.ok(list.items.map(labelOf).includes('existing-key'), 'the key names come from staging');

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionAfter(document, 'key: "existing'));
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.match(text, /Store: Tailor · staging/);
      assert.ok(!text.includes('remote-only-value'));
    } finally {
      await settings().update('referenceConnection', undefined, vscode.ConfigurationTarget.Workspace);
      await removeWrittenFiles();
    }
  });

  it('keeps every node free of values after all of the above', async () => {
    const nodes = allNodes(await treeSnapshot());
    assert.ok(nodes.length > 0);
    await nothingShowsTheCanary(CANARY);
  });
});
