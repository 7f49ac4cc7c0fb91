import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { useFreshStore } from '../helpers';
import { codeActions, fakeStripeKey, openWorkspaceFile, ourDiagnostics, removeWrittenFiles, waitFor } from './support';

const COMMENT_FIX = 'Ignore this finding (secret-manager-ignore comment)';
const IGNORE_FILE_FIX = 'Ignore this finding in .secretmanagerignore';
const MOVE_FIX = 'Move to Secret Manager…';

async function leakDiagnostic(document: vscode.TextDocument, credential: string): Promise<vscode.Diagnostic> {
  return waitFor(`the leak diagnostic in ${vscode.workspace.asRelativePath(document.uri)}`, () =>
    ourDiagnostics(document).find((candidate) => document.getText(candidate.range).includes(credential)),
  );
}

/**
 * The quick fixes on a leak diagnostic. Code actions see the diagnostics the workbench holds, which
 * arrive a moment after the extension host's; the ignore-file fix is always offered once they have.
 */
async function leakActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return waitFor('the leak quick fixes', async () => {
    const actions = await codeActions(document, diagnostic.range);
    return actions.some((action) => action.title === IGNORE_FILE_FIX) ? actions : undefined;
  });
}

async function titlesAt(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<string[]> {
  return (await leakActions(document, diagnostic)).map((action) => action.title);
}

/** Applies the comment quick fix and waits for the finding to clear; returns the commented text. */
async function ignoreWithComment(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<string> {
  const actions = await leakActions(document, diagnostic);
  const comment = actions.find((action) => action.title === COMMENT_FIX);
  assert.ok(comment?.edit, `a comment fix in ${document.languageId}: ${actions.map((action) => action.title).join(', ')}`);
  assert.ok(await vscode.workspace.applyEdit(comment.edit));
  await waitFor('the commented finding to clear', () => ourDiagnostics(document).length === 0);
  return document.getText();
}

async function withWorkspaceSetting<T>(section: string, key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const settings = vscode.workspace.getConfiguration(section);
  await settings.update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await settings.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

describe('language: leaks in every text file', function () {
  this.timeout(60_000);

  before(function () {
  });

  beforeEach(async () => {
    await useFreshStore();
  });

  afterEach(removeWrittenFiles);

  it('flags a key in a .env file, offers no move (a .env has no reference syntax), and a # comment silences it', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('.env.it-local', `PORT=8080\nSTRIPE_SECRET_KEY=${credential}\n`);
    assert.equal(document.languageId, 'dotenv');
    const diagnostic = await leakDiagnostic(document, credential);
    assert.ok(!diagnostic.message.includes(credential), 'the message masks the credential');
    const titles = await titlesAt(document, diagnostic);
    assert.ok(titles.includes(COMMENT_FIX) && titles.includes(IGNORE_FILE_FIX), titles.join(', '));
    assert.ok(!titles.includes(MOVE_FIX), titles.join(', '));
    const text = await ignoreWithComment(document, diagnostic);
    assert.equal(text, `PORT=8080\n# secret-manager-ignore\nSTRIPE_SECRET_KEY=${credential}\n`);
  });

  it('flags a key in JSON and offers only the .secretmanagerignore fix there, which silences it', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('config/it-payments.json', `{\n  "stripe": { "secretKey": "${credential}" }\n}\n`);
    assert.equal(document.languageId, 'json');
    const diagnostic = await leakDiagnostic(document, credential);
    const actions = await leakActions(document, diagnostic);
    const titles = actions.map((action) => action.title);
    assert.ok(!titles.includes(COMMENT_FIX) && !titles.includes(MOVE_FIX), `JSON has no comments: ${titles.join(', ')}`);
    const ignoreFile = actions.find((action) => action.title === IGNORE_FILE_FIX);
    assert.ok(ignoreFile?.command, titles.join(', '));
    const ignoreUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.secretmanagerignore');
    try {
      const entry = await vscode.commands.executeCommand<string>(ignoreFile.command.command, ...(ignoreFile.command.arguments ?? []));
      assert.match(entry, /^fingerprint:[0-9a-f]+ # /);
      await waitFor('the ignored finding to clear', () => ourDiagnostics(document).length === 0);
    } finally {
      await vscode.workspace.fs.delete(ignoreUri);
    }
  });

  it('checks YAML, shell, Python, Dockerfile, Go and Markdown files, each with its own comment syntax', async () => {
    const samples: ReadonlyArray<{ file: string; languageId: string; text: (key: string) => string; comment: string }> = [
      { file: 'deploy/it-values.yaml', languageId: 'yaml', text: (key) => `payments:\n  stripeKey: ${key}\n`, comment: '  # secret-manager-ignore\n' },
      { file: 'scripts/it-deploy.sh', languageId: 'shellscript', text: (key) => `#!/bin/sh\nexport STRIPE_KEY="${key}"\n`, comment: '# secret-manager-ignore\n' },
      { file: 'it_settings.py', languageId: 'python', text: (key) => `import os\nSTRIPE_KEY = "${key}"\n`, comment: '# secret-manager-ignore\n' },
      { file: 'it-image/Dockerfile', languageId: 'dockerfile', text: (key) => `FROM node:24\nENV STRIPE_KEY=${key}\n`, comment: '# secret-manager-ignore\n' },
      { file: 'it-main.go', languageId: 'go', text: (key) => `package main\n\nconst stripeKey = "${key}"\n`, comment: '// secret-manager-ignore\n' },
      { file: 'docs/it-setup.md', languageId: 'markdown', text: (key) => `# Setup\n\nRun with \`STRIPE_KEY=${key}\`.\n`, comment: '<!-- secret-manager-ignore -->\n' },
    ];
    for (const sample of samples) {
      const credential = fakeStripeKey();
      const document = await openWorkspaceFile(sample.file, sample.text(credential));
      assert.equal(document.languageId, sample.languageId, sample.file);
      const diagnostic = await leakDiagnostic(document, credential);
      const text = await ignoreWithComment(document, diagnostic);
      const credentialLine = sample.text(credential).split('\n').findIndex((line) => line.includes(credential));
      assert.equal(text.split('\n')[credentialLine], sample.comment.slice(0, -1), `${sample.file}: the comment goes on the line above`);
    }
  });

  it('puts the YAML comment after a block scalar header, where a comment line would become part of the value', async () => {
    const credential = fakeStripeKey();
    const document = await openWorkspaceFile('deploy/it-secret.yaml', `stringData:\n  stripe: |\n    ${credential}\n`);
    const diagnostic = await leakDiagnostic(document, credential);
    const text = await ignoreWithComment(document, diagnostic);
    assert.equal(text, `stringData:\n  stripe: | # secret-manager-ignore\n    ${credential}\n`);
  });

  it('leaves out files that files.exclude hides, and checks them once the setting no longer does', async () => {
    const credential = fakeStripeKey();
    await withWorkspaceSetting('files', 'exclude', { '**/it-hidden': true }, async () => {
      const document = await openWorkspaceFile('it-hidden/.env', `STRIPE_SECRET_KEY=${credential}\n`);
      // Positive control: the same line in a folder files.exclude does not hide, opened after it, is flagged.
      const control = await openWorkspaceFile('it-shown/.env', `STRIPE_SECRET_KEY=${credential}\n`);
      await leakDiagnostic(control, credential);
      assert.equal(ourDiagnostics(document).length, 0, 'excluded: not checked');
    });
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.path.endsWith('/it-hidden/.env'));
    assert.ok(document);
    await leakDiagnostic(document, credential);
  });

  it('puts the ignore comment in JSX children as {/* … */}, where // would render as text', async () => {
    const credential = fakeStripeKey();
    await withWorkspaceSetting('secretManager', 'checks.scope', 'allSourceFiles', async () => {
      const document = await openWorkspaceFile(
        'components/it-widget.tsx',
        `export const Checkout = () => (\n  <div>\n    <StripeWidget apiKey="${credential}" />\n  </div>\n);\n`,
      );
      const diagnostic = await leakDiagnostic(document, credential);
      const text = await ignoreWithComment(document, diagnostic);
      assert.equal(text, `export const Checkout = () => (\n  <div>\n    {/* secret-manager-ignore */}\n    <StripeWidget apiKey="${credential}" />\n  </div>\n);\n`);
    });
  });
});
