import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, answer, command, shownPrompts, useFreshStore } from '../helpers';
import { fakeStripeKey, openWorkspaceFile, removeWrittenFiles } from './support';

describe('language: Import .env into Secret Manager', function () {
  this.timeout(60_000);

  before(useFreshStore);
  after(removeWrittenFiles);

  it('moves the chosen values into a new vault and writes references in their place', async () => {
    const stripeKey = fakeStripeKey();
    const original = `# local\nPORT=8080\nexport STRIPE_SECRET_KEY="${stripeKey}"\nLOG_LEVEL=debug\n`;
    const document = await openWorkspaceFile('.env.it-import', original);
    await answer({ 'importEnv.variables': [['STRIPE_SECRET_KEY'] as unknown as string], 'leak.vault': ['New vault…'], 'leak.vaultName': ['imported-env'] });
    const moved = await command<string[]>('importEnvFile', document.uri);
    assert.deepEqual(moved, ['secret-manager://imported-env/stripe-secret-key']);
    const expected = '# local\nPORT=8080\nexport STRIPE_SECRET_KEY="secret-manager://imported-env/stripe-secret-key"\nLOG_LEVEL=debug\n';
    assert.equal(document.getText(), expected);
    assert.equal(readFileSync(document.uri.fsPath, 'utf8'), expected, 'saved');
    const secrets = await (await activateExtension()).getApi('^1.0.0').listSecrets('imported-env');
    assert.deepEqual(secrets.map((secret) => secret.name), ['stripe-secret-key']);
    const prompts = await shownPrompts();
    const picked = prompts.find((prompt) => prompt.id === 'importEnv.variables');
    assert.deepEqual(picked?.items, ['PORT', 'STRIPE_SECRET_KEY', 'LOG_LEVEL']);
    assert.ok(!JSON.stringify(prompts).includes(stripeKey), 'no value in any prompt');
  });

  it('changes nothing in a file that holds only references', async () => {
    const text = 'STRIPE_SECRET_KEY=secret-manager://imported-env/stripe-secret-key\n';
    const document = await openWorkspaceFile('.env.it-import-again', text);
    assert.equal(await command('importEnvFile', document.uri), undefined);
    assert.equal(document.getText(), text);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
