import * as vscode from 'vscode';

/** `.env`, `.env.local`, `production.env`: env files by name, whatever language mode they are in. */
const ENV_FILE_NAME = /(?:^|[\\/])(?:\.env(?:\.[^\\/]*)?|[^\\/]+\.env)$/;

/** The documents whose `NAME=secret-manager://vault/key` lines are references. */
export const ENV_FILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dotenv', scheme: 'file' },
  { language: 'dotenv', scheme: 'untitled' },
  { pattern: '**/{.env,.env.*,*.env}', scheme: 'file' },
];

/** The workspace's env files, for Find All References. */
export const ENV_FILE_GLOB = '**/{.env,.env.*,*.env}';

export function isEnvFilePath(file: string): boolean {
  return ENV_FILE_NAME.test(file);
}

export function isEnvFileDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  return document.languageId === 'dotenv' || isEnvFilePath(document.uri.path);
}
