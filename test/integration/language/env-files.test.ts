import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CANARY, createSecretThroughCommands, useFreshStore } from '../helpers';
import { complete, diagnosticCode, labelOf, openWorkspaceFile, ourDiagnostics, positionAfter, removeWrittenFiles, waitFor } from './support';

describe('language: references in env files', function () {
  this.timeout(60_000);

  before(async function () {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY, 'Stripe live key');
  });

  after(removeWrittenFiles);

  it('completes vault names after the scheme and key names after the slash, never values', async () => {
    const document = await openWorkspaceFile('.env.it-complete', 'PORT=8080\nSTRIPE_KEY=secret-manager://\nOTHER=secret-manager://api-keys/\n');
    const vaults = await complete(document, positionAfter(document, 'STRIPE_KEY=secret-manager://'), '/');
    assert.ok(vaults.map(labelOf).includes('api-keys'), `offered: ${vaults.map(labelOf).join(', ')}`);
    assert.equal(vaults.find((item) => labelOf(item) === 'api-keys')!.insertText, 'api-keys');
    const keys = await complete(document, positionAfter(document, 'OTHER=secret-manager://api-keys/'), '/');
    const stripe = keys.find((item) => labelOf(item) === 'stripe-secret-key');
    assert.ok(stripe, `offered: ${keys.map(labelOf).join(', ')}`);
    assert.equal(stripe.insertText, 'stripe-secret-key');
    assert.ok(!JSON.stringify(keys.map((item) => [item.label, item.detail, item.documentation, item.insertText])).includes(CANARY));
  });

  it('warns about a missing secret with a "did you mean", and never flags the references as leaks', async () => {
    const document = await openWorkspaceFile('.env.it-check', 'GOOD=secret-manager://api-keys/stripe-secret-key\nTYPO="secret-manager://api-keys/stripe-secret-kye"\n');
    const diagnostics = await waitFor('a reference diagnostic', () => {
      const found = ourDiagnostics(document);
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(diagnosticCode), ['missing-key']);
    assert.match(diagnostics[0]!.message, /stripe-secret-key/);
    assert.equal(diagnostics[0]!.range.start.line, 1);
    assert.equal(document.getText(diagnostics[0]!.range), 'stripe-secret-kye');
  });

  it('hovers with the metadata, and finds all references across env files', async () => {
    const document = await openWorkspaceFile('.env.it-hover', 'STRIPE_KEY=secret-manager://api-keys/stripe-secret-key\n');
    await openWorkspaceFile('config/.env.it-other', 'export PAYMENTS="secret-manager://api-keys/stripe-secret-key"\n');
    const position = positionAfter(document, 'api-keys/stripe');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (content instanceof vscode.MarkdownString ? content.value : String(content)))).join('\n');
    assert.match(text, /Stripe live key/);
    assert.ok(!text.includes(CANARY));
    const locations = await waitFor('references in both env files', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
      return found.length >= 2 ? found : undefined;
    });
    const files = locations.map((location) => vscode.workspace.asRelativePath(location.uri)).sort();
    assert.ok(files.includes('.env.it-hover') && files.includes('config/.env.it-other'), files.join(', '));
  });
});
