import * as vscode from 'vscode';
import { secondsSetting } from '../settings';
import type { StoreRegistry } from '../stores';

const SETTING = 'remoteRefreshSeconds';
const DEFAULT_SECONDS = 60;

/**
 * Keeps connections that cannot report changes (Tailor Platform) current in the Vaults view: it
 * reloads them every `secretManager.remoteRefreshSeconds` while the view is visible, and when the
 * window gets focus back or the view shows again after at least that long. Only the rows that changed
 * are redrawn (VaultTreeProvider), and nothing is asked of a connection that is not open.
 */
export class RemoteConnectionRefresh implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastReload = Date.now();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly stores: StoreRegistry,
    private readonly view: vscode.TreeView<unknown>,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && this.isDue()) this.reload();
      }),
      view.onDidChangeVisibility(({ visible }) => {
        if (visible && this.isDue()) this.reload();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`secretManager.${SETTING}`)) this.schedule();
      }),
    ];
    this.schedule();
  }

  private intervalMs(): number {
    return secondsSetting(SETTING, DEFAULT_SECONDS) * 1000;
  }

  private isDue(): boolean {
    const interval = this.intervalMs();
    return interval > 0 && Date.now() - this.lastReload >= interval;
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const interval = this.intervalMs();
    if (interval <= 0) return;
    // Visibility, not window focus, decides: a window beside the one being typed in still shows the view.
    this.timer = setInterval(() => {
      if (this.view.visible) this.reload();
    }, interval);
  }

  private reload(): void {
    this.lastReload = Date.now();
    this.stores.reloadConnectionsWithoutPush();
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
