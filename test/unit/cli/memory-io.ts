import { Readable } from 'node:stream';
import type { CliIo } from '../../../src/cli/command';

/** A real in-memory CliIo: stdin holds the given text, stdout and stderr are collected. */
export interface MemoryIo extends CliIo {
  readonly output: { stdout: string; stderr: string };
}

export function createMemoryIo(options: { stdin?: string; terminal?: boolean; env?: NodeJS.ProcessEnv; cwd?: string } = {}): MemoryIo {
  const output = { stdout: '', stderr: '' };
  return {
    output,
    stdout: (text) => {
      output.stdout += text;
    },
    stderr: (text) => {
      output.stderr += text;
    },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdinIsTerminal: options.terminal ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
}
