import * as vscode from 'vscode';
import { formatReference } from '../../core/model';
import { registerCommand } from '../commands/register';
import { secretTarget } from '../commands/targets';
import type { ExtensionServices } from '../services';
import type { WorkspaceReferences } from './workspace-references';

export const SHOW_USAGES_COMMAND = 'secretManager.showUsages';

/**
 * "Show Usages" on a secret in the tree: the references peek at the first place that names it, or,
 * with no editor open, a pick of the places (the chosen one opens). Returns the locations.
 */
export function registerShowUsages(services: ExtensionServices, workspaceReferences: () => WorkspaceReferences): vscode.Disposable {
  return registerCommand(services, SHOW_USAGES_COMMAND, async (argument) => {
    const target = await secretTarget(services, argument);
    if (!target) return undefined;
    const name = formatReference(target.reference);
    const locations = await workspaceReferences().locationsOf(target.reference.vault, target.reference.key);
    if (locations.length === 0) {
      void services.prompts.notify('info', `No usages of ${name} in this workspace.`);
      return [];
    }
    if (vscode.window.activeTextEditor) {
      const first = locations[0];
      await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, locations);
    } else {
      await pickUsage(services, name, locations);
    }
    return locations.map((location) => ({ uri: location.uri.toString(), line: location.range.start.line, character: location.range.start.character }));
  });
}

async function pickUsage(services: ExtensionServices, name: string, locations: readonly vscode.Location[]): Promise<void> {
  const items = locations.map((location) => ({
    label: `${vscode.workspace.asRelativePath(location.uri)}:${location.range.start.line + 1}`,
    description: location.range.start.character > 0 ? `column ${location.range.start.character + 1}` : undefined,
    location,
  }));
  const picked = await services.prompts.pick('usages.pick', items, {
    placeHolder: `${locations.length} ${locations.length === 1 ? 'place refers' : 'places refer'} to ${name}`,
    matchOnDescription: true,
  });
  if (picked) await vscode.window.showTextDocument(picked.location.uri, { selection: picked.location.range });
}
