import * as vscode from 'vscode';
import { InvalidInputError, SecretManagerError } from '../../core/model';
import type { ScanFolder, WorkspaceScanSummary } from '../../core/workspace-scan';
import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import { loadDetectModule } from './detector-host';
import type { LanguageFeatures } from './state';

export const SCAN_WORKSPACE_COMMAND = 'secretManager.scanWorkspace';
const SHOW_PROBLEMS = 'Show Problems';
const PROGRESS_INTERVAL_MS = 100;

/** The `files.exclude` globs that are on for the folder. */
function filesExcludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(exclude)
    .filter(([, enabled]) => enabled === true)
    .map(([glob]) => glob);
}

async function scanFolderOf(features: LanguageFeatures, folder: vscode.WorkspaceFolder): Promise<ScanFolder> {
  const [detector, fingerprintMatcher, isExecutorFile] = await Promise.all([
    features.detectors.detectorForFolder(folder),
    features.catalog.fingerprintMatcher(folder.uri),
    features.scopes.executorFileTest(folder),
  ]);
  return { root: folder.uri.fsPath, detector, fingerprintMatcher, isExecutorFile, excludeGlobs: filesExcludeGlobs(folder) };
}

/**
 * "Scan Workspace for Hard-coded Credentials": every file of every folder on disk, in trusted
 * workspaces only, with the findings in the Problems panel. Returns the counts (for tests).
 */
export function registerScanWorkspace(services: ExtensionServices, features: () => LanguageFeatures): vscode.Disposable {
  return registerCommand(services, SCAN_WORKSPACE_COMMAND, async (): Promise<WorkspaceScanSummary | undefined> => {
    if (!vscode.workspace.isTrusted) {
      throw new SecretManagerError(
        'denied',
        'This workspace is not trusted, so Secret Manager does not scan it for hard-coded credentials.',
        'Trust the workspace (Workspaces: Manage Workspace Trust) to scan it.',
      );
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (folders.length === 0) throw new InvalidInputError('There is no folder on disk in this workspace to scan. Open a folder first.');
    const languageFeatures = features();
    const engine = loadDetectModule();
    const started = performance.now();
    const run = languageFeatures.workspaceScan.begin(async (file) => {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      if (!folder || folder.uri.scheme !== 'file') return undefined;
      const scan = await engine.scanWorkspaceFile(file.fsPath, await scanFolderOf(languageFeatures, folder));
      return scan.outcome === 'scanned' ? scan.scanned : undefined;
    });
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Scanning for hard-coded credentials', cancellable: true },
      async (progress, token) => {
        const cancellation = token.onCancellationRequested(() => run.cancel());
        try {
          const scanFolders = await Promise.all(folders.map((folder) => scanFolderOf(languageFeatures, folder)));
          let reportedAt = 0;
          let reportedFraction = 0;
          return await engine.scanWorkspaceFolders(scanFolders, {
            isCancelled: () => run.token.isCancellationRequested,
            onFindings: (scanned) => run.show(vscode.Uri.file(scanned.file), scanned.findings, scanned.readAt),
            onProgress: (done, total) => {
              const now = performance.now();
              if (now - reportedAt < PROGRESS_INTERVAL_MS && done < total) return;
              reportedAt = now;
              const fraction = done / total;
              progress.report({ message: `${done} of ${total} files`, increment: (fraction - reportedFraction) * 100 });
              reportedFraction = fraction;
            },
          });
        } finally {
          cancellation.dispose();
        }
      },
    );
    services.logger.info(engine.workspaceScanLogLine(summary, folders.length, performance.now() - started));
    const message = engine.workspaceScanMessage(summary);
    if (summary.findings === 0) {
      void services.prompts.notify('info', message);
    } else {
      void services.prompts.notify('info', message, SHOW_PROBLEMS).then((choice) => {
        if (choice === SHOW_PROBLEMS) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return summary;
  });
}
