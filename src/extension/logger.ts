import * as vscode from 'vscode';
import { isSecretManagerError } from '../core/error-shape';

/**
 * Writes to the "Secret Manager" log channel. Callers pass names and messages, never values;
 * in test mode every line is also kept in memory so tests can check that no value leaked.
 */
export class Logger implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly mirror: string[] | undefined;

  constructor(keepLines: boolean) {
    this.channel = vscode.window.createOutputChannel('Secret Manager', { log: true });
    this.mirror = keepLines ? [] : undefined;
  }

  info(message: string): void {
    this.channel.info(message);
    this.mirror?.push(`info ${message}`);
  }

  warn(message: string): void {
    this.channel.warn(message);
    this.mirror?.push(`warn ${message}`);
  }

  /** Logs what failed; the stack only for unexpected errors (core errors say everything in their message). */
  error(what: string, error: unknown): void {
    const detail = isSecretManagerError(error)
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? (error.stack ?? `${error.name}: ${error.message}`)
        : String(error);
    const line = `${what} failed: ${detail}`;
    this.channel.error(line);
    this.mirror?.push(`error ${line}`);
  }

  lines(): readonly string[] {
    return this.mirror ?? [];
  }

  dispose(): void {
    this.channel.dispose();
  }
}
