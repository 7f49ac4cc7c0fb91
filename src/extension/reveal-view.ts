import * as vscode from 'vscode';
import { formatReference, type SecretReference } from '../core/model';

const MASK = '••••••••••••';

/** What the reveal view shows at the moment; tests read it, the value only appears once shown. */
export interface RevealState {
  readonly reference: string;
  readonly label: string;
  readonly shown: boolean;
  readonly visible: boolean;
}

/**
 * Shows a revealed value masked in a quick pick, with an eye button that shows it; it hides
 * itself after a timeout. Only one value is on screen at a time.
 */
export class RevealView implements vscode.Disposable {
  private current: { pick: vscode.QuickPick<vscode.QuickPickItem>; timer: NodeJS.Timeout; value: string; reference: string; shown: boolean } | undefined;

  show(reference: SecretReference, value: string, timeoutSeconds: number): void {
    this.hide();
    const pick = vscode.window.createQuickPick();
    const name = formatReference(reference);
    pick.title = `${name} (hides in ${timeoutSeconds} s)`;
    pick.placeholder = 'Press the eye button to show the value; Escape hides it.';
    pick.ignoreFocusOut = false;
    const timer = setTimeout(() => this.hide(), timeoutSeconds * 1000);
    this.current = { pick, timer, value, reference: name, shown: false };
    this.render();
    pick.onDidTriggerItemButton(() => this.toggle());
    pick.onDidHide(() => this.hide());
    pick.show();
  }

  toggle(): void {
    if (!this.current) return;
    this.current.shown = !this.current.shown;
    this.render();
  }

  state(): RevealState | undefined {
    if (!this.current) return undefined;
    return { reference: this.current.reference, label: this.current.pick.items[0]?.label ?? '', shown: this.current.shown, visible: true };
  }

  hide(): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearTimeout(current.timer);
    current.pick.dispose();
  }

  private render(): void {
    if (!this.current) return;
    const { shown, value } = this.current;
    this.current.pick.items = [
      {
        label: shown ? value : MASK,
        buttons: [{ iconPath: new vscode.ThemeIcon(shown ? 'eye-closed' : 'eye'), tooltip: shown ? 'Hide' : 'Show' }],
      },
    ];
  }

  dispose(): void {
    this.hide();
  }
}
