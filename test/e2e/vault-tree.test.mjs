import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { useWorkbench } from './workbench-fixture.mjs';
import {
  answerInputBox,
  chooseFromContextMenu,
  openFile,
  openSecretManagerView,
  pickItem,
  quickInput,
  runCommand,
  treeItem,
  widenSideBar,
} from './workbench-actions.mjs';

describe('Secret Manager in the real VS Code UI', function () {
  this.timeout(120_000);
  let workbench;
  let page;
  // Typed into password boxes; they must reach the store and appear nowhere else.
  const createdValue = `e2e-created-${randomBytes(12).toString('hex')}`;
  const rotatedValue = `e2e-rotated-${randomBytes(12).toString('hex')}`;

  useWorkbench((opened) => {
    workbench = opened;
    page = opened.page;
  });

  it('shows the seeded vaults in the Secret Manager view', async () => {
    await openFile(page, 'charge-on-order.ts');
    await openSecretManagerView(page);
    await widenSideBar(page);
    await treeItem(page, 'api-keys').waitFor();
    await treeItem(page, 'idp-credentials').waitFor();
    await treeItem(page, 'staging-keys').waitFor();
    await workbench.screenshot('vault-tree');
  });

  it('expands a vault to list its secrets with their versions', async () => {
    await treeItem(page, 'api-keys').click();
    const stripe = treeItem(page, 'stripe-secret-key');
    await stripe.waitFor();
    await treeItem(page, 'sendgrid-api-key').waitFor();
    assert.match((await stripe.textContent()) ?? '', /v3/);
    await workbench.screenshot('vault-expanded');
  });

  it('creates a vault from the view\'s title bar, checking the name rule while you type', async () => {
    await page.getByRole('button', { name: 'Create Vault…' }).click();
    const input = quickInput(page).locator('input');
    await input.waitFor();
    await input.fill('Webhook_Keys');
    await quickInput(page).locator('.quick-input-message', { hasText: /lowercase letters, digits and "-"/ }).waitFor();
    await workbench.screenshot('vault-name-rule');
    await input.fill('webhook-keys');
    await input.press('Enter');
    await treeItem(page, 'webhook-keys').waitFor();
    const store = await workbench.openStore();
    try {
      assert.ok((await store.listVaults()).some((vault) => vault.name === 'webhook-keys'));
    } finally {
      await store.close();
    }
  });

  it('creates a secret through the command palette and its input boxes', async () => {
    await runCommand(page, 'Secret Manager: Create Secret');
    await pickItem(page, 'Choose a vault', 'api-keys');
    await answerInputBox(page, 'Secret name', 'webhook-signing-secret');
    await answerInputBox(page, 'Value', createdValue, { password: true });
    await answerInputBox(page, 'Description', 'Signs outgoing webhooks');
    const created = treeItem(page, 'webhook-signing-secret');
    await created.waitFor();
    assert.match((await created.textContent()) ?? '', /v1/);
    await workbench.screenshot('secret-created');

    const store = await workbench.openStore();
    try {
      const metadata = await store.describeSecret({ vault: 'api-keys', key: 'webhook-signing-secret' });
      assert.equal(metadata.description, 'Signs outgoing webhooks');
      assert.equal(await store.revealSecret({ vault: 'api-keys', key: 'webhook-signing-secret' }), createdValue);
    } finally {
      await store.close();
    }
  });

  it('rotates a secret from the tree context menu, keeping the earlier version', async () => {
    const stripe = treeItem(page, 'stripe-secret-key');
    await chooseFromContextMenu(page, stripe, /Rotate Secret/, quickInput(page).locator('input[type="password"]'));
    await answerInputBox(page, 'New value', rotatedValue, { password: true });
    await page.waitForFunction(
      () => [...document.querySelectorAll('[role="treeitem"]')].some((row) => /stripe-secret-key/.test(row.textContent ?? '') && /v4/.test(row.textContent ?? '')),
      undefined,
      { timeout: 30_000 },
    );
    await stripe.click(); // expand: versions v4 (current) … v1
    await treeItem(page, 'v4').waitFor();
    await treeItem(page, 'v3').waitFor();
    await workbench.screenshot('secret-rotated');

    const store = await workbench.openStore();
    try {
      const reference = { vault: 'api-keys', key: 'stripe-secret-key' };
      assert.equal((await store.describeSecret(reference)).version, 4);
      assert.equal(await store.revealSecret(reference), rotatedValue);
      assert.equal((await store.listVersions(reference)).length, 4);
    } finally {
      await store.close();
    }
  });

  it('shows a reference\'s metadata on hover in an executor file, and not its value', async () => {
    await page.getByRole('tab', { name: /charge-on-order\.ts/ }).click();
    const referenceKey = page.locator('.view-line span', { hasText: '"stripe-secret-key"' }).first();
    await referenceKey.hover();
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'stripe-secret-key' });
    await hover.waitFor({ timeout: 30_000 });
    const text = (await hover.textContent()) ?? '';
    assert.match(text, /api-keys/);
    assert.match(text, /Version: 4/, 'the hover should show the rotated version');
    assert.ok(!text.includes(rotatedValue));
    await page.waitForTimeout(500); // the hover fades in; let the picture show it fully
    await workbench.screenshot('reference-hover');
    await page.keyboard.press('Escape');
  });

  it('never shows a typed secret value in the page or in any log', async () => {
    assert.equal(await quickInput(page).isVisible(), false, 'no input box should be left open');
    const pageText = await page.content();
    for (const value of [createdValue, rotatedValue]) {
      assert.ok(!pageText.includes(value), 'a secret value is in the workbench DOM');
      const leaks = workbench.capturedLogs().filter(([, text]) => text.includes(value)).map(([name]) => name);
      assert.deepEqual(leaks, [], `a secret value leaked into: ${leaks.join(', ')}`);
    }
  });
});
