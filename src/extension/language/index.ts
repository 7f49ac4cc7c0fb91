import type * as vscode from 'vscode';
import type { ExtensionServices } from '../services';

/**
 * The language features (completion, diagnostics, quick fixes, hover, definition). Called on
 * activation, it must stay cheap: the parser (dist/parser.js) and the detector (dist/detect.js)
 * are `require`d on first use only. It may replace `services.referenceFinder`.
 */
export function registerLanguageFeatures(_context: vscode.ExtensionContext, _services: ExtensionServices): vscode.Disposable[] {
  return [];
}
