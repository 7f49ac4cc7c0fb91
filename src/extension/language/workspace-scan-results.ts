import * as vscode from 'vscode';
import type { PlacedFinding, ScannedFile } from '../../core/workspace-scan';
import { leakDiagnostic, type LeakDiagnostics } from './leak-diagnostics';

const FILE_CLOCK_SLACK_MS = 10;

/** One run of "Scan Workspace for Hard-coded Credentials": what it shows, until a newer run replaces it. */
export interface WorkspaceScanRun {
  readonly token: vscode.CancellationToken;
  /** Shows a file's findings, unless a newer run started or the file's document already has live diagnostics. */
  show(file: vscode.Uri, findings: readonly PlacedFinding[], readAt: number): void;
  cancel(): void;
}

/** Scans one file again from disk, with the detector its folder has now; undefined when it is not scanned. */
export type RescanFile = (file: vscode.Uri) => Promise<ScannedFile | undefined>;

/**
 * The findings of the last workspace scan, in a diagnostic collection of their own. A file's entry
 * goes as soon as it may be stale or shown twice: when the live leak diagnostics check its document
 * (they show the same findings, with quick fixes), when its document changes, or when the file
 * changes on disk. A file handed over to the live diagnostics is scanned again when its document
 * closes (the live diagnostics go with it), so its findings stay in the Problems panel.
 */
export class WorkspaceScanResults implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('secret-manager-workspace-scan');
  private readonly subscriptions: vscode.Disposable[];
  private fileWatcher: vscode.FileSystemWatcher | undefined;
  private current: vscode.CancellationTokenSource | undefined;
  /** When each shown file was read, to tell a change after it from a late event about one before it. */
  private readonly readTimes = new Map<string, number>();
  /** The files of the current run whose findings the live diagnostics show instead, by URI. */
  private readonly handedOver = new Set<string>();
  private rescan: RescanFile | undefined;

  constructor(private readonly leaks: LeakDiagnostics) {
    this.subscriptions = [
      leaks.onDidCheck((uri) => {
        if (this.diagnostics.has(uri)) this.handedOver.add(uri.toString());
        this.drop(uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => void this.scanAgainOnClose(document.uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.drop(event.document.uri);
      }),
    ];
  }

  /** Starts a run: a run in progress stops, and the previous results go. */
  begin(rescan: RescanFile): WorkspaceScanRun {
    this.current?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.current = source;
    this.rescan = rescan;
    this.diagnostics.clear();
    this.readTimes.clear();
    this.handedOver.clear();
    this.watchFiles();
    return {
      token: source.token,
      show: (file, findings, readAt) => {
        if (this.current !== source || findings.length === 0) return;
        if (this.hasLiveOrUnsavedDocument(file)) {
          this.handedOver.add(file.toString());
          return;
        }
        this.showFindings(file, findings, readAt);
      },
      cancel: () => source.cancel(),
    };
  }

  /** A handed-over file whose document closed: its findings come back from the file on disk. */
  private async scanAgainOnClose(file: vscode.Uri): Promise<void> {
    const key = file.toString();
    const run = this.current;
    if (!this.handedOver.has(key) || !this.rescan || run === undefined) return;
    this.handedOver.delete(key);
    const scanned = await this.rescan(file).catch(() => undefined);
    if (this.current !== run || !scanned || scanned.findings.length === 0) return;
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === key)) {
      this.handedOver.add(key);
      return;
    }
    this.showFindings(file, scanned.findings, scanned.readAt);
  }

  private showFindings(file: vscode.Uri, findings: readonly PlacedFinding[], readAt: number): void {
    this.readTimes.set(file.toString(), readAt);
    this.diagnostics.set(
      file,
      findings.map(({ finding, start, end }) => leakDiagnostic(new vscode.Range(start.line, start.character, end.line, end.character), finding)),
    );
  }

  private hasLiveOrUnsavedDocument(file: vscode.Uri): boolean {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === file.toString());
    return document !== undefined && (document.isDirty || this.leaks.hasChecked(document));
  }

  /** Watches the workspace from the first scan on; before it there is nothing to keep current. */
  private watchFiles(): void {
    if (this.fileWatcher) return;
    this.fileWatcher = vscode.workspace.createFileSystemWatcher('**/*');
    const dropIfChanged = (uri: vscode.Uri) => void this.dropIfChangedSinceRead(uri);
    this.subscriptions.push(
      this.fileWatcher,
      this.fileWatcher.onDidChange(dropIfChanged),
      this.fileWatcher.onDidCreate(dropIfChanged),
      this.fileWatcher.onDidDelete((uri) => this.dropUnder(uri)),
    );
  }

  /**
   * A watcher event can arrive after the scan read the file it is about, for a write before the read:
   * the file's modification time tells. File times come from a coarse clock, hence the slack.
   */
  private async dropIfChangedSinceRead(uri: vscode.Uri): Promise<void> {
    const readAt = this.readTimes.get(uri.toString());
    if (readAt === undefined) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).mtime < readAt - FILE_CLOCK_SLACK_MS) return;
    } catch {
      // Gone: drop it.
    }
    if (this.readTimes.get(uri.toString()) === readAt) this.drop(uri);
  }

  private drop(uri: vscode.Uri): void {
    this.readTimes.delete(uri.toString());
    if (this.diagnostics.has(uri)) this.diagnostics.delete(uri);
  }

  /** A deleted file, or every file of a deleted folder. */
  private dropUnder(uri: vscode.Uri): void {
    const folderPrefix = `${uri.toString()}/`;
    const dropped: vscode.Uri[] = [];
    this.diagnostics.forEach((file) => {
      if (file.toString() === uri.toString() || file.toString().startsWith(folderPrefix)) dropped.push(file);
    });
    for (const file of dropped) this.drop(file);
  }

  dispose(): void {
    this.current?.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.diagnostics.dispose();
  }
}
