import path from 'node:path';
import { installPreCommitHook, uninstallPreCommitHook, type HookChange, type HookTarget } from '../../core/hooks/pre-commit-hook';
import { parseCommandArguments } from '../arguments';
import type { CliIo, CommandHandler, GlobalOptions } from '../command';
import { writeJson } from '../output';

const SAID: Record<HookChange, string> = {
  installed: 'Added the pre-commit leak check (secret-manager scan --staged) to',
  'already-installed': 'The pre-commit leak check is already in',
  uninstalled: 'Removed the pre-commit leak check from',
  'not-installed': 'There is no pre-commit leak check in',
};

function report({ target, change }: { target: HookTarget; change: HookChange }, globals: GlobalOptions, io: CliIo): number {
  if (globals.json) writeJson(io, { hook: { kind: target.kind, file: target.file, change } });
  else io.stdout(`${SAID[change]} ${path.relative(io.cwd, target.file) || target.file} (${target.kind}).\n`);
  return 0;
}

/** `hook install`: adds a marked block running `scan --staged` before each commit; never overwrites. */
const install: CommandHandler = async (args, globals, io) => {
  parseCommandArguments('hook install', args, {}, { min: 0, max: 0 });
  return report(await installPreCommitHook(io.cwd), globals, io);
};

/** `hook uninstall`: takes out only the block `hook install` added. */
const uninstall: CommandHandler = async (args, globals, io) => {
  parseCommandArguments('hook uninstall', args, {}, { min: 0, max: 0 });
  return report(await uninstallPreCommitHook(io.cwd), globals, io);
};

export const hookCommands: Readonly<Record<string, CommandHandler>> = { install, uninstall };
