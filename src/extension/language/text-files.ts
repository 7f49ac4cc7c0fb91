import * as vscode from 'vscode';
import { isReferenceLanguage } from './parsed-documents';

/** Larger files are skipped: generated data or logs, and a check would stall the extension host. */
export const MAXIMUM_CHECKED_CHARACTERS = 2_000_000;

function loadPicomatch(): typeof import('picomatch') {
  // esbuild turns this literal require into a lazily run module of the same bundle.
  return require('picomatch') as typeof import('picomatch');
}

/** True when a `files.exclude` glob that is on covers the file or one of its folders. */
function isExcludedByFilesSetting(document: vscode.TextDocument): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return false;
  const exclude = vscode.workspace.getConfiguration('files', document.uri).get<Record<string, unknown>>('exclude') ?? {};
  const globs = Object.entries(exclude)
    .filter(([, enabled]) => enabled === true)
    .map(([glob]) => glob);
  if (globs.length === 0) return false;
  const matches = loadPicomatch()(globs, { dot: true });
  const parts = vscode.workspace.asRelativePath(document.uri, false).split('/');
  return parts.some((_part, index) => matches(parts.slice(0, index + 1).join('/')));
}

/**
 * The saved text files other than TypeScript and JavaScript that leak detection looks at: .env,
 * YAML, JSON, shell, Dockerfiles, Markdown, Python, Go… Not huge ones, not binary ones, and not
 * those `files.exclude` hides. (.secretmanagerignore paths are left to the detector.)
 */
export function isCheckedTextFile(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' || isReferenceLanguage(document)) return false;
  const text = document.getText();
  if (text.length > MAXIMUM_CHECKED_CHARACTERS || text.slice(0, 8192).includes('\0')) return false;
  return !isExcludedByFilesSetting(document);
}
