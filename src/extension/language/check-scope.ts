import path from 'node:path';
import * as vscode from 'vscode';
import type { ExecutorFiles } from '../../core/references/executor-files';
import type { LanguageLogger } from './language-context';
import { workspaceSetting } from '../settings';
import { isReferenceLanguage } from './parsed-documents';
import { watchFiles } from './watch-files';

/** The same names as CONFIG_FILE_NAMES, which is not imported so that picomatch loads on first use only. */
const CONFIG_FILE_GLOB = '**/tailor.config.{ts,mts,js,mjs}';
const CONFIG_FILE_NAME = /^tailor\.config\.(?:ts|mts|js|mjs)$/;

function loadExecutorFiles(): typeof import('../../core/references/executor-files') {
  // esbuild turns this literal require into a lazily run module of the same bundle.
  return require('../../core/references/executor-files') as typeof import('../../core/references/executor-files');
}

function loadExecutorFilesReport(): typeof import('../../core/references/executor-files-report') {
  return require('../../core/references/executor-files-report') as typeof import('../../core/references/executor-files-report');
}

export type CheckScope = 'executorFiles' | 'allSourceFiles';

export interface DocumentScope {
  /** The checks (missing references, leaks) look at this document. */
  readonly checked: boolean;
  /** It is an executor file: the executor-header rule applies. */
  readonly isExecutorFile: boolean;
}

/**
 * Which documents the checks cover (`secretManager.checks.scope`): the executor and function files that
 * the tailor.config files in the folder list (read, never run), or every TypeScript and JavaScript file.
 */
export class CheckScopes implements vscode.Disposable {
  private readonly executorFiles = new Map<string, Promise<ExecutorFiles | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Configs opened while the folder's files did not know them, read again once each. */
  private readonly rereadFor = new Set<string>();

  constructor(private readonly logger: LanguageLogger) {
    const forget = () => this.forget();
    this.subscriptions = [
      ...watchFiles(CONFIG_FILE_GLOB, forget),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.rereadFor.clear();
        forget();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('secretManager.checks.scope')) this.changed.fire();
      }),
    ];
  }

  async scopeOf(document: vscode.TextDocument): Promise<DocumentScope> {
    if (!isReferenceLanguage(document)) return { checked: false, isExecutorFile: false };
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    let files = folder && document.uri.scheme === 'file' ? await this.filesOf(folder) : undefined;
    // Read again, once per file: a config the file watcher has not reported yet (one written into a folder
    // just created, say), or the first file a config's globs name, which decides the folder they start from.
    if (folder && files && !this.rereadFor.has(document.uri.fsPath) && (this.isUnknownConfig(document, files) || this.settlesUndecidedConfig(document, files))) {
      this.rereadFor.add(document.uri.fsPath);
      this.forget();
      files = await this.filesOf(folder);
    }
    const isExecutorFile = files?.isExecutorFile(document.uri.fsPath) ?? false;
    const scope = workspaceSetting<CheckScope>('checks.scope', document.uri) ?? 'executorFiles';
    if (scope === 'allSourceFiles') return { checked: true, isExecutorFile };
    const isConfig = files?.isConfigFile(document.uri.fsPath) ?? false;
    return { checked: isExecutorFile || (files?.isFunctionFile(document.uri.fsPath) ?? false) || isConfig, isExecutorFile };
  }

  private settlesUndecidedConfig(document: vscode.TextDocument, files: ExecutorFiles): boolean {
    const file = document.uri.fsPath;
    return files.configs.some((config) => config.undecided && config.kindOf(file) !== undefined);
  }

  private isUnknownConfig(document: vscode.TextDocument, files: ExecutorFiles): boolean {
    const file = document.uri.fsPath;
    return CONFIG_FILE_NAME.test(path.basename(file)) && !files.isConfigFile(file);
  }

  private forget(): void {
    this.executorFiles.clear();
    this.changed.fire();
  }

  /** Tells the folder's executor files (absolute paths); undefined when its tailor.config could not be read. */
  async executorFileTest(folder: vscode.WorkspaceFolder): Promise<((file: string) => boolean) | undefined> {
    if (folder.uri.scheme !== 'file') return undefined;
    const files = await this.filesOf(folder);
    return files && ((file) => files.isExecutorFile(file));
  }

  private filesOf(folder: vscode.WorkspaceFolder): Promise<ExecutorFiles | undefined> {
    const key = folder.uri.toString();
    let files = this.executorFiles.get(key);
    if (!files) {
      files = loadExecutorFiles()
        .resolveExecutorFiles(folder.uri.fsPath)
        .then((resolved) => {
          void this.logExecutorFiles(folder, resolved);
          return resolved;
        })
        .catch((error: unknown) => {
          this.logger.error(`Reading the executor files of ${folder.name}`, error);
          return undefined;
        });
      this.executorFiles.set(key, files);
    }
    return files;
  }

  /** Says in the log which config gave which executor and function files. */
  private async logExecutorFiles(folder: vscode.WorkspaceFolder, files: ExecutorFiles): Promise<void> {
    try {
      const { executorFilesReport, formatExecutorFilesReport } = loadExecutorFilesReport();
      const lines = formatExecutorFilesReport(await executorFilesReport(files));
      this.logger.info(`Executor files of ${folder.name}:\n${lines.join('\n')}`);
    } catch (error) {
      this.logger.error(`Listing the executor files of ${folder.name}`, error);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
