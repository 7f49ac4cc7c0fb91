// Shared by the language suites: files written into the test workspace, diagnostics waited for.
import { randomInt } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

export const SOURCE = 'Secret Manager';

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the language tests need a workspace folder');
  return folder;
}

const written: string[] = [];

/** Writes a file into the workspace (an executor file when under executors/) and opens it. */
export async function openWorkspaceFile(relativePath: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(workspaceFolder(), relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  written.push(file);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

export async function removeWrittenFiles(): Promise<void> {
  // An edited, unsaved document stays open (and in the reference index) after its editor closes: revert it first.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && written.includes(candidate.uri.fsPath))) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const file of written.splice(0)) rmSync(file, { force: true });
}

/** A fake Stripe live secret key, made at run time so no token-shaped literal is ever committed. */
export function fakeStripeKey(): string {
  const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let body = '';
  for (let index = 0; index < 24; index += 1) body += alphanumerics[randomInt(alphanumerics.length)];
  return ['sk', 'live', body].join('_');
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function ourDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The position just after the first occurrence of `marker` in the document. */
export function positionAfter(document: vscode.TextDocument, marker: string, occurrence = 0): vscode.Position {
  let index = -1;
  for (let found = 0; found <= occurrence; found += 1) {
    index = document.getText().indexOf(marker, index + 1);
    if (index < 0) throw new Error(`"${marker}" is not in ${document.fileName}`);
  }
  return document.positionAt(index + marker.length);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
}

export function executorSource(name: string, headerValue: string): string {
  return `import { createExecutor } from "@tailor-platform/sdk";

export default createExecutor({
  name: "${name}",
  operation: {
    kind: "webhook",
    url: () => "https://example.com/hook",
    headers: {
      Authorization: ${headerValue},
    },
  },
});
`;
}

/** The completion items at `position`, as the editor asks for them after typing `trigger`. */
export async function complete(document: vscode.TextDocument, position: vscode.Position, trigger = '"'): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return list.items;
}
