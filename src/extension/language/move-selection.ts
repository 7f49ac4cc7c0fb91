import * as vscode from 'vscode';
import { InvalidInputError } from '../../core/model';
import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import { literalReplacement, MOVE_TO_SECRET_MANAGER_COMMAND, type FindingArgument } from './leak-actions';
import type { LanguageFeatures } from './state';

export const MOVE_SELECTION_COMMAND = 'secretManager.moveSelectionToSecretManager';

/** The rule id a moved selection is handed on with: no rule reported it. */
const SELECTION_RULE_ID = 'selection';

/**
 * "Move Selection to Secret Manager…", for a literal the detector did not flag: the string literal
 * around the selection (or the cursor) goes through the quick fix's own flow (pick a vault, propose
 * a key name, write the reference that fits the place).
 */
export function registerMoveSelection(services: ExtensionServices, features: () => LanguageFeatures): vscode.Disposable {
  return registerCommand(services, MOVE_SELECTION_COMMAND, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new InvalidInputError('Select a string literal in an editor first.');
    const { document, selection } = editor;
    const range = { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
    if (!literalReplacement(features().documents, document, range)) {
      throw new InvalidInputError('The selection is not inside a string literal where a secret reference fits (a header value, a variable, an argument…), so it cannot be moved.');
    }
    const argument: FindingArgument = { uri: document.uri.toString(), version: document.version, ruleId: SELECTION_RULE_ID, ...range };
    return vscode.commands.executeCommand(MOVE_TO_SECRET_MANAGER_COMMAND, argument);
  });
}
