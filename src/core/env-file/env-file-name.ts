/** `.env`, `.env.local`, `production.env`: env files by name. */
const ENV_FILE_NAME = /(?:^|[\\/])(?:\.env(?:\.[^\\/]*)?|[^\\/]+\.env)$/;

/** The glob of the same names, for file searches and watchers. */
export const ENV_FILE_GLOB = '**/{.env,.env.*,*.env}';

export function isEnvFilePath(file: string): boolean {
  return ENV_FILE_NAME.test(file);
}
