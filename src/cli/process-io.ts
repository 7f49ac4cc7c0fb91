import { isatty } from 'node:tty';
import type { CliIo } from './command';

/** The CLI's own process as a CliIo, for the bundles that are the `secret-manager` command. */
export function processIo(): CliIo {
  // A reader that closes the pipe early (`secret-manager vault list | head -1`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // A getter, so stdin is only opened by the commands that read it.
    get stdin() {
      return process.stdin;
    },
    stdinIsTerminal: isatty(0),
    env: process.env,
    cwd: process.cwd(),
    isProcessStdio: true,
  };
}
