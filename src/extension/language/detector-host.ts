import path from 'node:path';
import * as vscode from 'vscode';
import type * as DetectEngine from '../../core/detect/engine-entry';
import { cachedPromise } from '../../core/promise-cache';
import type { LanguageLogger } from './language-context';
import { workspaceSetting } from '../settings';
import { CUSTOM_PATTERNS_SETTING, folderCustomPatterns } from './folder-custom-patterns';
import { watchFiles } from './watch-files';

export type DetectModule = typeof DetectEngine;

let loadedModule: DetectModule | undefined;

/** dist/detect.js (secretlint and the rules), required on first use only; esbuild leaves this non-literal require alone. */
export function loadDetectModule(): DetectModule {
  loadedModule ??= require(path.join(__dirname, 'detect.js')) as DetectModule;
  return loadedModule;
}

const IGNORE_FILE_NAME = '.secretmanagerignore';
const DETECTION_SETTINGS = ['secretManager.detection.allowlist', 'secretManager.detection.minimumConfidence'];
const PROJECT_CONFIG_FILE_NAME = '.secretmanager.json';

/**
 * One detector per workspace folder, built with that folder's .secretmanagerignore and
 * .secretmanager.json, and the `secretManager.detection.allowlist` and `.customPatterns` settings,
 * and rebuilt when any of them changes.
 */
export class DetectorHost implements vscode.Disposable {
  private readonly detectors = new Map<string, Promise<DetectEngine.Detector>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Problems with custom patterns already shown in a warning: each is shown once, and logged each time. */
  private readonly shownProblems = new Set<string>();

  constructor(
    private readonly logger: LanguageLogger,
    /** Shows a warning notification (through the extension's prompts, which tests can read). */
    private readonly warn: (message: string) => void,
  ) {
    this.subscriptions = [
      ...watchFiles(`**/${IGNORE_FILE_NAME}`, () => this.reload()),
      ...watchFiles(`**/${PROJECT_CONFIG_FILE_NAME}`, () => this.reload()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (DETECTION_SETTINGS.some((setting) => event.affectsConfiguration(setting)) || event.affectsConfiguration(CUSTOM_PATTERNS_SETTING)) this.reload();
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
    const minimumConfidence = workspaceSetting<unknown>('detection.minimumConfidence', folder?.uri);
    return engine.createDetector({
      ...(typeof minimumConfidence === 'number' && minimumConfidence >= 0 && minimumConfidence <= 1 ? { minimumConfidence } : {}),
      ignoreFileText,
      allowlist: allowlist.success ? allowlist.data : undefined,
      workspaceRoot: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
      customPatterns: await folderCustomPatterns(engine, folder, (problem) => this.reportPatternProblem(problem)),
    });
  }

  private reportPatternProblem(problem: string): void {
    this.logger.warn(problem);
    if (this.shownProblems.has(problem)) return;
    this.shownProblems.add(problem);
    this.warn(problem);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
