import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import * as vscode from 'vscode';
import { logLines, shownPrompts } from '../helpers';
import { diagnosticCode, openWorkspaceFile, ourDiagnostics, removeWrittenFiles, waitFor } from './support';

/** "acme_" and 24 letters, made at run time. */
function acmeToken(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return ['ac', 'me_', Array.from({ length: 24 }, () => letters[randomInt(letters.length)]).join('')].join('');
}

describe('language: custom patterns (secretManager.detection.customPatterns)', function () {
  this.timeout(60_000);
  const settings = () => vscode.workspace.getConfiguration('secretManager');
  const acme = { id: 'acme-token', title: 'ACME API token', pattern: 'acme_[A-Za-z]{24}\\b', severity: 'error' };

  before(function () {
  });

  afterEach(async () => {
    await settings().update('detection.customPatterns', undefined, vscode.ConfigurationTarget.Workspace);
    await removeWrittenFiles();
  });

  it('flags a match of a workspace pattern as custom/<id>, masked, and refuses a catastrophic one with a warning', async () => {
    const token = acmeToken();
    // A .env file: every saved text file is checked, whatever secretManager.checks.scope says.
    const document = await openWorkspaceFile('config/it-custom-pattern.env', `ACME_CLIENT=${token}\n`);
    await settings().update('detection.customPatterns', [acme, { ...acme, id: 'nested', pattern: '(a+)+$' }], vscode.ConfigurationTarget.Workspace);
    const diagnostic = await waitFor('the custom diagnostic', () => ourDiagnostics(document).find((candidate) => diagnosticCode(candidate) === 'custom/acme-token')).catch(async (error: Error) => {
      throw new Error(`${error.message}; diagnostics: ${ourDiagnostics(document).map(diagnosticCode).join(', ')}; log: ${(await logLines()).filter((line) => /custom|pattern/i.test(line)).join(' | ')}`);
    });
    assert.equal(document.getText(diagnostic.range), token);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /ACME API token: acme…/);
    assert.ok(!diagnostic.message.includes(token));
    const warning = await waitFor('the refusal warning', async () =>
      (await shownPrompts()).find((prompt) => prompt.id === 'notification.warning' && prompt.text.includes('Custom pattern "nested"')),
    );
    assert.match(warning.text, /took longer than 200 ms/);

    await settings().update('detection.customPatterns', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the diagnostic to go', () => (ourDiagnostics(document).some((candidate) => diagnosticCode(candidate) === 'custom/acme-token') ? undefined : true));
  });
});
