import path from 'node:path';
import * as vscode from 'vscode';
import type * as DetectEngine from '../../core/detect/engine-entry';
import { cachedPromise } from '../../core/promise-cache';
import type { LanguageLogger } from './language-context';
import { workspaceSetting } from '../settings';
import { watchFiles } from './watch-files';

export type DetectModule = typeof DetectEngine;

let loadedModule: DetectModule | undefined;

/** dist/detect.js (secretlint and the rules), required on first use only; esbuild leaves this non-literal require alone. */
export function loadDetectModule(): DetectModule {
  loadedModule ??= require(path.join(__dirname, 'detect.js')) as DetectModule;
  return loadedModule;
}

const IGNORE_FILE_NAME = '.secretmanagerignore';

/**
 * One detector per workspace folder, built with that folder's .secretmanagerignore and the
 * `secretManager.detection.allowlist` setting, and rebuilt when either changes.
 */
export class DetectorHost implements vscode.Disposable {
  private readonly detectors = new Map<string, Promise<DetectEngine.Detector>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly logger: LanguageLogger) {
    this.subscriptions = [
      ...watchFiles(`**/${IGNORE_FILE_NAME}`, () => this.reload()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('secretManager.detection.allowlist')) this.reload();
      }),
    ];
  }

  /** Forgets the detectors, for example after the ignore file was written here. */
  reload(): void {
    this.detectors.clear();
    this.changed.fire();
  }

  detectorFor(document: vscode.TextDocument): Promise<DetectEngine.Detector> {
    return this.detectorForFolder(vscode.workspace.getWorkspaceFolder(document.uri));
  }

  /** The folder's detector (the one its documents get); `undefined` for files outside every folder. */
  detectorForFolder(folder: vscode.WorkspaceFolder | undefined): Promise<DetectEngine.Detector> {
    return cachedPromise(this.detectors, folder?.uri.toString() ?? '', () => this.create(folder));
  }

  /** A detector for the document's folder that reads `ignoreFileText` in place of its .secretmanagerignore. */
  detectorWithIgnoreText(document: vscode.TextDocument, ignoreFileText: string): Promise<DetectEngine.Detector> {
    return this.create(vscode.workspace.getWorkspaceFolder(document.uri), ignoreFileText);
  }

  private async create(folder: vscode.WorkspaceFolder | undefined, ignoreFileTextOverride?: string): Promise<DetectEngine.Detector> {
    const engine = loadDetectModule();
    let ignoreFileText = ignoreFileTextOverride;
    if (folder && ignoreFileText === undefined) {
      try {
        ignoreFileText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME)));
      } catch {
        ignoreFileText = undefined;
      }
    }
    const setting = workspaceSetting<unknown>('detection.allowlist', folder?.uri) ?? {};
    const allowlist = engine.allowlistSchema.safeParse(setting);
    if (!allowlist.success) {
      this.logger.warn(`Ignoring secretManager.detection.allowlist: ${allowlist.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    }
    return engine.createDetector({
      ignoreFileText,
      allowlist: allowlist.success ? allowlist.data : undefined,
      workspaceRoot: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
