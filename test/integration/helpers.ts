// Shared by the extension's integration suites: every test drives the real extension through
// executeCommand, answering its prompts through the test-mode hooks.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { SecretManagerExtensionExports } from '../../src/api/extension-api';

export const extensionId = 'secret-manager.secret-manager-vscode';
/** Installed extensions (built into VS Code) that stand in for callers of the API: resolve accepts only an installed extension's id. */
export const CALLER_EXTENSION_ID = 'vscode.npm';
export const OTHER_CALLER_EXTENSION_ID = 'vscode.grunt';
/** A value that must never show up anywhere but where the user asked for it. */
export const CANARY = process.env.SECRET_MANAGER_TEST_CANARY ?? 'canary-3e9f1c7a-never-shown';

export interface SnapshotNode {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly contextValue?: string;
  readonly children?: SnapshotNode[];
}

export interface ShownPrompt {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly items?: readonly string[];
}

export async function activateExtension(): Promise<SecretManagerExtensionExports> {
  const extension = vscode.extensions.getExtension<SecretManagerExtensionExports>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  return extension.activate();
}

/** Points the extension at an empty store folder of its own. */
export async function useFreshStore(): Promise<string> {
  await activateExtension();
  const home = mkdtempSync(path.join(tmpdir(), 'secret-manager-it-'));
  await vscode.commands.executeCommand('secretManager._test.useStoreHome', home);
  await vscode.commands.executeCommand('secretManager._test.clearPrompts');
  return home;
}

export function answer(answers: Record<string, Array<string | null>>): Thenable<void> {
  return vscode.commands.executeCommand('secretManager._test.setPromptAnswers', answers);
}

export function command<T = unknown>(id: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(`secretManager.${id}`, ...args);
}

export function treeSnapshot(): Thenable<SnapshotNode[]> {
  return vscode.commands.executeCommand<SnapshotNode[]>('secretManager._test.treeSnapshot');
}

export function shownPrompts(): Thenable<ShownPrompt[]> {
  return vscode.commands.executeCommand<ShownPrompt[]>('secretManager._test.shownPrompts');
}

export function logLines(): Thenable<string[]> {
  return vscode.commands.executeCommand<string[]>('secretManager._test.logLines');
}

export async function lastNotification(severity: 'info' | 'warning' | 'error'): Promise<string | undefined> {
  const prompts = await shownPrompts();
  return prompts.filter((prompt) => prompt.id === `notification.${severity}`).at(-1)?.text;
}

export function findNode(nodes: readonly SnapshotNode[] | undefined, ...labels: string[]): SnapshotNode | undefined {
  const [first, ...rest] = labels;
  const node = nodes?.find((candidate) => candidate.label === first);
  return rest.length === 0 ? node : findNode(node?.children, ...rest);
}

export function allNodes(nodes: readonly SnapshotNode[] | undefined): SnapshotNode[] {
  return (nodes ?? []).flatMap((node) => [node, ...allNodes(node.children)]);
}

/** Creates a vault and a secret through the commands, answering their prompts. */
export async function createSecretThroughCommands(vault: string, key: string, value: string, description = ''): Promise<void> {
  await answer({ 'vault.name': [vault] });
  await command('createVault');
  await answer({ 'secret.name': [key], 'secret.value': [value], 'secret.description': [description] });
  await command('createSecret', { vault });
}

export async function readAuditDocument(argument?: unknown): Promise<string> {
  const uri = await command<string>('showAuditLog', argument);
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
  if (!document) throw new Error(`the audit log ${uri} was not opened`);
  return document.getText();
}

/** Forgets every remembered consent decision, through the Revoke Consent command. */
export async function forgetAllConsent(): Promise<void> {
  for (let round = 0; round < 20; round += 1) {
    await vscode.commands.executeCommand('secretManager._test.clearPrompts');
    await answer({ 'consent.revoke.pick': [null] });
    await command('revokeConsent');
    const labels = (await shownPrompts()).find((prompt) => prompt.id === 'consent.revoke.pick')?.items ?? [];
    if (labels.length === 0) break;
    await answer({ 'consent.revoke.pick': [labels[0]] });
    await command('revokeConsent');
  }
  await vscode.commands.executeCommand('secretManager._test.clearPrompts');
}

/** The tree refreshes after a settings change has closed the old stores; waits until it shows what `matches` wants. */
export async function treeUntil(matches: (tree: SnapshotNode[]) => boolean, what: string): Promise<SnapshotNode[]> {
  let tree: SnapshotNode[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    tree = await treeSnapshot();
    if (matches(tree)) return tree;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what}; the tree is ${JSON.stringify(tree.map((node) => node.label))}`);
}

/** A value read through the API as another extension would, allowing it once. */
export async function resolveValue(vault: string, key: string, extensionId = CALLER_EXTENSION_ID): Promise<string> {
  const api = (await activateExtension()).getApi('^1.0.0', { extensionId });
  await answer({ consent: ['Allow Once'] });
  return api.resolve({ vault, key });
}
