import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CANARY, createSecretThroughCommands, useFreshStore } from '../helpers';
import { codeActions, complete, diagnosticCode, executorSource, labelOf, openWorkspaceFile, ourDiagnostics, positionAfter, removeWrittenFiles, waitFor } from './support';

describe('language: the forms of Tailor\'s docs', function () {
  this.timeout(60_000);

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await useFreshStore();
    await createSecretThroughCommands('shopify-vault', 'shopify-key', CANARY, 'Shopify Admin API token');
  });

  after(removeWrittenFiles);

  it('completes, checks and hovers {{secret.vault.key}} in a header string', async () => {
    const document = await openWorkspaceFile('executors/it-template.ts', executorSource('it-template', '"{{secret.}}"'));
    const vaults = await complete(document, positionAfter(document, '{{secret.'), '.');
    const vault = vaults.find((item) => labelOf(item) === 'shopify-vault');
    assert.equal(vault?.insertText, 'shopify-vault', `vaults offered: ${vaults.map(labelOf).join(', ')}`);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, positionAfter(document, '{{secret.'), 'shopify-vault.shopify-kye');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const keys = await complete(document, positionAfter(document, '{{secret.shopify-vault.'), '.');
    assert.ok(keys.some((item) => labelOf(item) === 'shopify-key'), `keys offered: ${keys.map(labelOf).join(', ')}`);

    const diagnostic = await waitFor('the missing-key diagnostic inside the string', () => ourDiagnostics(document).find((candidate) => diagnosticCode(candidate) === 'missing-key'));
    assert.equal(document.getText(diagnostic.range), 'shopify-kye');
    assert.match(diagnostic.message, /Did you mean "shopify-key"\?/);
    const change = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Change to "shopify-key"');
    assert.ok(change?.edit);
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.match(document.getText(), /"\{\{secret\.shopify-vault\.shopify-key\}\}"/);
    await waitFor('the fixed template to check clean', () => ourDiagnostics(document).length === 0);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionAfter(document, 'shopify-vault.shop'));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Shopify Admin API token/);
    assert.ok(!text.includes(CANARY), 'the hover never holds the value');
  });

  it('goes from a template or a destructured getSecret to the defineSecret declaration', async () => {
    const declarations = await openWorkspaceFile('it-define-secret.ts', 'export const secrets = defineSecret("shopify-vault", {\n  "shopify-key": { description: "Admin API" },\n});\n');
    const template = await openWorkspaceFile('executors/it-template-definition.ts', executorSource('it-template-definition', '"{{secret.shopify-vault.shopify-key}}"'));
    const resolver = await openWorkspaceFile(
      'resolvers/it-destructured.ts',
      'const { getSecret: read } = tailor.secretmanager;\nexport async function handler() {\n  return read("shopify-vault", "shopify-key");\n}\n',
    );
    for (const [document, marker] of [[template, 'shopify-vault.shop'], [resolver, '"shopify-vault", "shop']] as const) {
      const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, positionAfter(document, marker));
      const targets = definitions.map((definition) => ('uri' in definition ? definition.uri : definition.targetUri).toString());
      assert.ok(targets.includes(declarations.uri.toString()), `definitions from ${document.fileName}: ${targets.join(', ')}`);
    }
  });

  it('flags { vaultName, secretName } as a likely typo and renames it to secretKey', async () => {
    const document = await openWorkspaceFile(
      'executors/it-typo.ts',
      'export const clientSecret = {\n  vaultName: "shopify-vault",\n  secretName: "shopify-key",\n};\n',
    );
    const diagnostic = await waitFor('the likely-typo diagnostic', () => ourDiagnostics(document).find((candidate) => diagnosticCode(candidate) === 'likely-typo'));
    assert.equal(document.getText(diagnostic.range), 'secretName');
    const rename = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Change "secretName" to "secretKey"');
    assert.ok(rename?.edit, 'the quick fix is offered');
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.match(document.getText(), /secretKey: "shopify-key"/);
    await waitFor('the typo diagnostic to clear', () => ourDiagnostics(document).length === 0);
  });
});
