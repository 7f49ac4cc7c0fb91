import type { CliIo } from './command';
import type * as ScanModule from './commands/scan';
import { dispatchCommand, type CommandTable } from './dispatch';
import { loadCommandHandlers } from './load-command';

// Each command's module is loaded only when that command runs (load-command.ts).
const COMMAND_GROUPS: CommandTable['groups'] = {
  vault: () => loadCommandHandlers('vault', 'vaultCommands'),
  secret: () => loadCommandHandlers('secret', 'secretCommands'),
  hook: () => loadCommandHandlers('hook', 'hookCommands'),
};

const COMMANDS: CommandTable['commands'] = {
  audit: () => loadCommandHandlers('audit', 'auditCommand').audit!,
  status: () => loadCommandHandlers('status', 'statusCommand').status!,
  restore: () => loadCommandHandlers('restore', 'restoreCommand').restore!,
  // Scan stays inside cli.js (initialised only when it runs): a bundle of its own would bring its
  // own copy of zod and of the error classes, which cost a scan more than the other commands pay
  // for compiling it (bench/scan.bench.mjs).
  scan: () => (require('./commands/scan') as typeof ScanModule).scanCommand,
  check: () => loadCommandHandlers('check', 'checkCommand').check!,
  executors: () => loadCommandHandlers('executors', 'executorsCommand').executors!,
  run: () => loadCommandHandlers('run', 'runCommand').run!,
  'import-env': () => loadCommandHandlers('import-env', 'importEnvCommand')['import-env']!,
};

/** Runs the CLI in-process with the given arguments (without "node cli.js") and resolves to the exit code. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return dispatchCommand({ groups: COMMAND_GROUPS, commands: COMMANDS }, argv, io);
}
