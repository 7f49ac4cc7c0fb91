import * as vscode from 'vscode';
import { InvalidInputError, SecretManagerError } from '../core/model';

/** What a prompt showed, kept in test mode so tests can check wording (and that no value is in it). */
export interface ShownPrompt {
  readonly id: string;
  readonly kind: 'input' | 'pick' | 'modal' | 'notification' | 'status';
  readonly text: string;
  readonly items?: readonly string[];
}

export type NotificationSeverity = 'info' | 'warning' | 'error';

/**
 * Every question the extension asks goes through here. In test mode a test queues answers by
 * prompt id; everything around the prompt (validation, what happens with the answer) is the
 * same code that runs for a user. `null` answers mean "dismissed".
 */
export class Prompts {
  private readonly answers = new Map<string, unknown[]>();
  readonly shown: ShownPrompt[] = [];

  constructor(private readonly testMode: boolean) {}

  queueAnswers(answers: Record<string, unknown[]>): void {
    for (const [id, values] of Object.entries(answers)) {
      this.answers.set(id, [...(this.answers.get(id) ?? []), ...values]);
    }
  }

  clear(): void {
    this.answers.clear();
    this.shown.length = 0;
  }

  async input(id: string, options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.record({ id, kind: 'input', text: options.prompt ?? options.title ?? '' });
    if (!this.testMode) return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
    const answer = this.takeAnswer<string | null>(id);
    if (answer === null) return undefined;
    const problem = await options.validateInput?.(answer);
    const message = typeof problem === 'string' ? problem : problem?.message;
    if (message) throw new InvalidInputError(message);
    return answer;
  }

  async pick<T extends vscode.QuickPickItem>(id: string, items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.record({ id, kind: 'pick', text: options.placeHolder ?? options.title ?? '', items: items.map((item) => item.label) });
    if (!this.testMode) return vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options });
    const answer = this.takeAnswer<string | null>(id);
    if (answer === null) return undefined;
    const item = items.find((candidate) => candidate.label === answer);
    if (!item) throw new Error(`Test answer "${answer}" for "${id}" is not one of: ${items.map((candidate) => candidate.label).join(', ')}`);
    return item;
  }

  /** A quick pick of several items (those with `picked` chosen at first); a test answers with the labels. */
  async pickMany<T extends vscode.QuickPickItem>(id: string, items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined> {
    this.record({ id, kind: 'pick', text: options.placeHolder ?? options.title ?? '', items: items.map((item) => item.label) });
    if (!this.testMode) return vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true });
    const answer = this.takeAnswer<string[] | null>(id);
    if (answer === null) return undefined;
    return answer.map((label) => {
      const item = items.find((candidate) => candidate.label === label);
      if (!item) throw new Error(`Test answer "${label}" for "${id}" is not one of: ${items.map((candidate) => candidate.label).join(', ')}`);
      return item;
    });
  }

  /** A modal question; resolves to the chosen button, or undefined when dismissed. */
  async modal(id: string, message: string, detail: string | undefined, buttons: readonly string[]): Promise<string | undefined> {
    this.record({ id, kind: 'modal', text: detail ? `${message}\n${detail}` : message, items: buttons });
    if (!this.testMode) return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
    const answer = this.takeAnswer<string | null>(id);
    if (answer === null) return undefined;
    if (!buttons.includes(answer)) throw new Error(`Test answer "${answer}" for "${id}" is not one of: ${buttons.join(', ')}`);
    return answer;
  }

  /** A short confirmation in the status bar ("Rotated api-keys/stripe-secret-key to v5"), gone after a few seconds. Never a value. */
  confirm(message: string): void {
    this.record({ id: 'status', kind: 'status', text: message });
    vscode.window.setStatusBarMessage(`$(check) ${message}`, 5_000);
  }

  /** A notification. Never await it for flow: it settles only when the user dismisses it. */
  notify(severity: NotificationSeverity, message: string, ...buttons: string[]): Thenable<string | undefined> {
    this.record({ id: `notification.${severity}`, kind: 'notification', text: message, items: buttons });
    const show =
      severity === 'error'
        ? vscode.window.showErrorMessage
        : severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    const shown = show(message, ...buttons);
    if (this.testMode && this.answers.has(`notification.${severity}`)) {
      return Promise.resolve(this.takeAnswer<string | null>(`notification.${severity}`) ?? undefined);
    }
    return shown;
  }

  private record(prompt: ShownPrompt): void {
    if (this.testMode) this.shown.push(prompt);
  }

  private takeAnswer<T>(id: string): T {
    const queue = this.answers.get(id);
    if (!queue || queue.length === 0) {
      throw new SecretManagerError('unavailable', `No test answer is queued for the prompt "${id}".`);
    }
    const [answer, ...rest] = queue;
    this.answers.set(id, rest);
    return answer as T;
  }
}
