import * as vscode from 'vscode';
import { formatReference, InvalidInputError } from '../../core/model';
import { formatReferenceText } from '../../core/reference-text';
import type { ExtensionServices } from '../services';
import { registerCommand } from './register';
import { secretTarget } from './targets';

export function registerReferenceCommands(services: ExtensionServices): vscode.Disposable[] {
  return [
    registerCommand(services, 'secretManager.copyReference', async (argument) => {
      const target = await secretTarget(services, argument);
      if (!target) return undefined;
      const text = formatReferenceText(target.reference);
      await vscode.env.clipboard.writeText(text);
      void services.prompts.notify('info', `Copied the reference to ${formatReference(target.reference)}.`);
      return text;
    }),

    registerCommand(services, 'secretManager.insertReference', async (argument) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) throw new InvalidInputError('Open an editor first: the reference is inserted at its cursor.');
      const target = await secretTarget(services, argument);
      if (!target) return undefined;
      const text = formatReferenceText(target.reference);
      const inserted = await editor.insertSnippet(new vscode.SnippetString().appendText(text));
      if (!inserted) throw new InvalidInputError('The editor did not accept the reference (is it read-only?).');
      return text;
    }),
  ];
}
