// dist/cli-run-main.js: `secret-manager run …`, which dist/cli.js loads instead of cli-main.js so that
// starting a command does not first load every other command's dispatcher and the scan engine.
import { runCommand } from './commands/run';
import { dispatchCommand } from './dispatch';
import { processIo } from './process-io';

void dispatchCommand({ groups: {}, commands: { run: () => runCommand } }, process.argv.slice(2), processIo()).then((exitCode) => {
  process.exitCode = exitCode;
});
