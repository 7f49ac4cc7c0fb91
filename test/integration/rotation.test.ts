import assert from 'node:assert/strict';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { answer, command, createSecretThroughCommands, findNode, shownPrompts, treeSnapshot, useFreshStore } from './helpers';

const EXECUTORS = ['refund-order', 'send-refund-receipt'];

describe('rotation impact and rotation age', function () {
  this.timeout(60_000);
  const folder = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

  beforeEach(async () => {
    await useFreshStore();
  });

  afterEach(async () => {
    for (const name of EXECUTORS) rmSync(path.join(folder(), 'executors', `${name}.ts`), { force: true });
    rmSync(path.join(folder(), '.vscode', 'launch.json'), { force: true });
    await vscode.workspace.getConfiguration('secretManager').update('rotationPolicyDays', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('lists what a rotation touches in its confirmation prompt, from the workspace reference index', async () => {
    // The sample workspace's executors/charge-on-order.ts uses api-keys/stripe-secret-key; two more executors and a launch input join it.
    for (const name of EXECUTORS) {
      mkdirSync(path.join(folder(), 'executors'), { recursive: true });
      writeFileSync(path.join(folder(), 'executors', `${name}.ts`), `export default { headers: { Authorization: { vault: "api-keys", key: "stripe-secret-key" } } };\n`);
    }
    mkdirSync(path.join(folder(), '.vscode'), { recursive: true });
    writeFileSync(
      path.join(folder(), '.vscode', 'launch.json'),
      '{ // inputs\n "inputs": [{ "id": "stripeKey", "type": "command", "command": "secretManager.resolve", "args": "api-keys/stripe-secret-key" }] }\n',
    );
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', 'first-value');
    const expected = 'New value (leave empty to generate a random value). Used by 3 executors: charge-on-order, refund-order, send-refund-receipt; 1 launch input: stripeKey.';
    let prompt: string | undefined;
    // The index learns of the new files through its file watcher: rotate until it has.
    for (let attempt = 0; attempt < 20 && prompt !== expected; attempt += 1) {
      await answer({ 'secret.value': [`value-${attempt}`] });
      await command('rotateSecret', { vault: 'api-keys', key: 'stripe-secret-key' });
      prompt = (await shownPrompts()).filter((shown) => shown.id === 'secret.value').at(-1)?.text;
      if (prompt !== expected) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(prompt, expected);
    const offer = (await shownPrompts()).filter((shown) => shown.id === 'notification.info').at(-1);
    assert.match(offer?.text ?? '', /Rotated api-keys\/stripe-secret-key\. Check the workspace's secret references now\?/);
    assert.deepEqual(offer?.items, ['Run Check']);
  });

  it('says in the tooltip how long ago a secret was rotated when a policy is set, and nothing without one', async () => {
    await createSecretThroughCommands('api-keys', 'github-token', 'first-value');
    assert.doesNotMatch(findNode(await treeSnapshot(), 'api-keys', 'github-token')?.tooltip ?? '', /Rotation/);
    await vscode.workspace.getConfiguration('secretManager').update('rotationPolicyDays', 30, vscode.ConfigurationTarget.Workspace);
    let tooltip = '';
    for (let attempt = 0; attempt < 20 && !/Rotation/.test(tooltip); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tooltip = findNode(await treeSnapshot(), 'api-keys', 'github-token')?.tooltip ?? '';
    }
    assert.match(tooltip, /- Rotation: last rotated today, policy 30$/);
    assert.doesNotMatch(tooltip, /overdue/);
  });
});
