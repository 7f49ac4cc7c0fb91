import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { createOutputMasker } from '../core/run/output-masker';
import type { CliIo } from './command';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a child process needs to start. */
export interface ChildCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Values to conceal in its output; undefined leaves its output alone. */
  readonly maskedValues?: readonly string[];
}

/** Copies one output stream of the child to `write`, concealing the values. */
function relay(stream: Readable, write: (text: string) => void, values: readonly string[]): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const masker = createOutputMasker(values);
  stream.on('data', (chunk: Buffer) => {
    const shown = masker.write(decoder.write(chunk));
    if (shown !== '') write(shown);
  });
  return new Promise((resolve) => {
    stream.on('end', () => {
      const rest = masker.write(decoder.end()) + masker.end();
      if (rest !== '') write(rest);
      resolve();
    });
  });
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0));
}

/**
 * Runs the command and resolves to its exit code (128 + the signal's number when a signal ended it).
 * SIGINT, SIGTERM and SIGHUP sent to this process are passed to the child, but SIGINT when standard
 * input is a terminal: the terminal sends Ctrl-C's SIGINT to the child itself. With this process's
 * own stdio, the child inherits stdin and, when nothing is masked, stdout and stderr too.
 */
export function runChildProcess(child: ChildCommand, io: CliIo): Promise<number> {
  const masking = child.maskedValues !== undefined;
  const inherit = io.isProcessStdio === true;
  const started: ChildProcess = spawn(child.command, [...child.args], {
    cwd: io.cwd,
    env: child.env,
    stdio: [inherit ? 'inherit' : 'pipe', inherit && !masking ? 'inherit' : 'pipe', inherit && !masking ? 'inherit' : 'pipe'],
  });
  // Ctrl-C in a terminal interrupts the whole foreground process group, the child included: passing
  // SIGINT on as well made it arrive twice, which many programs take as "quit now, skip cleaning up".
  const keyboardReachesChild = inherit && io.stdinIsTerminal;
  const forward = new Map(
    FORWARDED_SIGNALS.map((signal) => [signal, signal === 'SIGINT' && keyboardReachesChild ? () => undefined : () => void started.kill(signal)] as const),
  );
  for (const [signal, handler] of forward) process.on(signal, handler);
  if (!inherit && started.stdin) {
    started.stdin.on('error', () => undefined);
    io.stdin.pipe(started.stdin);
  }
  const relayed = [
    started.stdout ? relay(started.stdout, io.stdout, child.maskedValues ?? []) : Promise.resolve(),
    started.stderr ? relay(started.stderr, io.stderr, child.maskedValues ?? []) : Promise.resolve(),
  ];
  return new Promise<number>((resolve, reject) => {
    started.once('error', reject);
    started.once('exit', (code, signal) => {
      void Promise.all(relayed).then(() => resolve(exitCodeOf(code, signal)));
    });
  }).finally(() => {
    for (const [signal, handler] of forward) process.off(signal, handler);
  });
}
