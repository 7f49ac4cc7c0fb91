import * as vscode from 'vscode';
import { formatReference } from '../../core/model';
import { registerCommand } from '../commands/register';
import { secretTarget } from '../commands/targets';
import type { ExtensionServices } from '../services';
import type { WorkspaceReferences } from './workspace-references';

export const SHOW_USAGES_COMMAND = 'secretManager.showUsages';

/** "Show Usages" on a secret in the tree: a pick of the places that name it; the chosen one opens. Returns the locations. */
export function registerShowUsages(services: ExtensionServices, workspaceReferences: () => WorkspaceReferences): vscode.Disposable {
  return registerCommand(services, SHOW_USAGES_COMMAND, async (argument) => {
    const target = await secretTarget(services, argument);
    if (!target) return undefined;
    const name = formatReference(target.reference);
    const locations = await workspaceReferences().locationsOf(target.reference.vault, target.reference.key);
    if (locations.length === 0) {
      void services.prompts.notify('info', `No file in this workspace refers to ${name}.`);
      return [];
    }
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
    return locations.map((location) => ({ uri: location.uri.toString(), line: location.range.start.line, character: location.range.start.character }));
  });
}
