import * as vscode from 'vscode';

const SECTION = 'secretManager';

/**
 * A setting from user (or machine) settings and defaults only. Workspace values are ignored on
 * purpose: a repository must not be able to redirect connections or credentials.
 */
export function userSetting<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** A setting the workspace may choose (resource scope); VS Code drops restricted ones when untrusted. */
export function workspaceSetting<T>(key: string, resource?: vscode.Uri): T | undefined {
  return vscode.workspace.getConfiguration(SECTION, resource).get<T>(key);
}

export function secondsSetting(key: string, fallback: number): number {
  const value = userSetting<number>(key);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
