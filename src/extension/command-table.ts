import * as vscode from 'vscode';

export type CommandHandler = (...args: unknown[]) => Promise<unknown>;

/**
 * The extension's command handlers. The ids the activation shell registered (the manifest's
 * commands, the test hooks) dispatch here; any other id is registered with VS Code directly.
 */
export class CommandTable {
  private readonly handlers = new Map<string, CommandHandler>();

  constructor(private readonly shellCommandIds: ReadonlySet<string>) {}

  add(id: string, handler: CommandHandler): vscode.Disposable {
    if (!this.shellCommandIds.has(id)) return vscode.commands.registerCommand(id, handler);
    this.handlers.set(id, handler);
    return new vscode.Disposable(() => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
    });
  }

  get(id: string): CommandHandler | undefined {
    return this.handlers.get(id);
  }
}
