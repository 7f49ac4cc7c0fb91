import * as vscode from 'vscode';
import type { LanguageLogger } from './language-context';

type DocumentTask = (document: vscode.TextDocument, token: vscode.CancellationToken) => Promise<void>;

/**
 * Runs a check on a document a short while after it last changed. A newer edit cancels the run in
 * progress, so a slow check never writes stale results over fresh ones.
 */
export class DocumentRunner implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, vscode.CancellationTokenSource>();

  constructor(
    private readonly what: string,
    private readonly delayMs: number,
    private readonly logger: LanguageLogger,
    private readonly task: DocumentTask,
  ) {}

  schedule(document: vscode.TextDocument, delayMs = this.delayMs): void {
    const uri = document.uri.toString();
    clearTimeout(this.timers.get(uri));
    this.running.get(uri)?.cancel();
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(document);
      }, delayMs),
    );
  }

  /** Every open document, soon (after a store or settings change). */
  scheduleOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 50);
  }

  /** Runs the task on documents as they open or change; `onClosed` drops what was shown for a closed one. */
  watchDocuments(onClosed: (document: vscode.TextDocument) => void): vscode.Disposable[] {
    return [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.cancel(document);
        onClosed(document);
      }),
    ];
  }

  cancel(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.running.get(uri)?.cancel();
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    const source = new vscode.CancellationTokenSource();
    this.running.set(uri, source);
    try {
      if (!document.isClosed) await this.task(document, source.token);
    } catch (error) {
      this.logger.error(`${this.what} of ${vscode.workspace.asRelativePath(document.uri)}`, error);
    } finally {
      if (this.running.get(uri) === source) this.running.delete(uri);
      source.dispose();
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const source of this.running.values()) source.cancel();
    this.timers.clear();
    this.running.clear();
  }
}
