import * as vscode from 'vscode';
import { scheduleClipboardClear, type ClipboardClear } from '../core/clipboard-guard';

/** Copies a value and clears it again after a while, counting down in the status bar. */
export class ValueClipboard implements vscode.Disposable {
  private pending: { clear: ClipboardClear; countdown: NodeJS.Timeout } | undefined;
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  /** Whether the latest copy's clear ran (true) or was skipped (false); for tests. */
  lastClear: Promise<boolean> = Promise.resolve(false);

  /** Resolves when the value is on the clipboard; `cleared` settles when the clear ran (true) or was skipped (false). */
  async copy(value: string, clearAfterSeconds: number): Promise<{ cleared: Promise<boolean> }> {
    this.cancel();
    await vscode.env.clipboard.writeText(value);
    if (clearAfterSeconds <= 0) return { cleared: Promise.resolve(false) };
    const clear = scheduleClipboardClear(vscode.env.clipboard, value, clearAfterSeconds);
    let remaining = Math.ceil(clearAfterSeconds);
    const render = () => {
      this.status.text = `$(clippy) Secret on clipboard · clears in ${remaining} s`;
    };
    render();
    this.status.tooltip = 'Secret Manager clears the copied value unless you copy something else first.';
    this.status.show();
    const countdown = setInterval(() => {
      remaining = Math.max(0, remaining - 1);
      render();
    }, 1000);
    this.pending = { clear, countdown };
    this.lastClear = clear.done;
    void clear.done.finally(() => {
      if (this.pending?.clear !== clear) return;
      clearInterval(countdown);
      this.status.hide();
      this.pending = undefined;
    });
    return { cleared: clear.done };
  }

  private cancel(): void {
    if (!this.pending) return;
    clearInterval(this.pending.countdown);
    this.pending.clear.cancel();
    this.pending = undefined;
    this.status.hide();
  }

  dispose(): void {
    this.cancel();
    this.status.dispose();
  }
}
