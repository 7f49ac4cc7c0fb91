import type { CommandHandler } from '../command';

export const checkCommand: CommandHandler = async (_args, _globals, io) => {
  io.stderr('secret-manager check: not available yet\n');
  return 2;
};
