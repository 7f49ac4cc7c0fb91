import type { CommandHandler } from '../command';

export const scanCommand: CommandHandler = async (_args, _globals, io) => {
  io.stderr('secret-manager scan: not available yet\n');
  return 2;
};
