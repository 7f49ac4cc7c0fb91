/** What a CLI command can touch. Tests pass their own, so commands never reach for `process` directly. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdinIsTerminal: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** True when stdin, stdout and stderr are this process's own, so a child process can inherit them. */
  readonly isProcessStdio?: boolean;
}

export interface GlobalOptions {
  readonly store: 'local' | 'tailor' | 'workos';
  readonly profile?: string;
  readonly workspaceId?: string;
  readonly json: boolean;
}

/** Runs one command with the arguments after its name; resolves to the exit code. */
export type CommandHandler = (args: readonly string[], globals: GlobalOptions, io: CliIo) => Promise<number>;
