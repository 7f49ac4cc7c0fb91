import * as vscode from 'vscode';
import { ENV_FILE_GLOB, isEnvFilePath } from '../../core/env-file/env-file-name';

export { ENV_FILE_GLOB, isEnvFilePath };

/** The documents (env files by name, whatever their language mode, or in the dotenv mode) whose `NAME=secret-manager://vault/key` lines are references. */
export const ENV_FILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dotenv', scheme: 'file' },
  { language: 'dotenv', scheme: 'untitled' },
  { pattern: ENV_FILE_GLOB, scheme: 'file' },
];

export function isEnvFileDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  return document.languageId === 'dotenv' || isEnvFilePath(document.uri.path);
}
