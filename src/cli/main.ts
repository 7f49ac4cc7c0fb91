import { processIo } from './process-io';
import { runCli } from './run';

void runCli(process.argv.slice(2), processIo()).then((exitCode) => {
  process.exitCode = exitCode;
});
