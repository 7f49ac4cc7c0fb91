import { SecretManagerError } from '../model';
import { readTailorConfig, tailorConfigPath, type TailorConfig, type TailorConfigUser } from './config';
import { LOGIN_HINT } from './errors';
import { accessTokenFromKeyringPassword, readTailorKeyring, type TailorKeyringReader } from './keyring';
import { DEFAULT_TAILOR_BASE_URL } from './protocol';
import { isUuid } from './uuid';

export interface ResolveTailorLoginOptions {
  readonly env: NodeJS.ProcessEnv;
  /** --profile; else TAILOR_PLATFORM_PROFILE. */
  readonly profile?: string;
  /** --workspace-id; wins over everything else. */
  readonly workspaceId?: string;
  /** Wins over TAILOR_PLATFORM_URL. */
  readonly baseUrl?: string;
  readonly home?: string;
  readonly now?: () => number;
  readonly readKeyring?: TailorKeyringReader;
}

export type TokenSource = 'TAILOR_PLATFORM_TOKEN' | 'TAILOR_TOKEN' | 'profile' | 'current_user';

export interface TailorLogin {
  readonly baseUrl: string;
  readonly token: string;
  readonly tokenSource: TokenSource;
  readonly workspaceId: string;
  /** The profile that was selected, if any. */
  readonly profile?: string;
  /** Things the user should know, such as a deprecated variable. Never holds a token. */
  readonly warnings: readonly string[];
}

export { isUuid };

export function assertWorkspaceId(workspaceId: string, from: string): string {
  if (!isUuid(workspaceId)) {
    throw new SecretManagerError(
      'invalid-input',
      `The workspace id "${workspaceId.slice(0, 80)}" (from ${from}) is not a UUID.`,
      'Workspace ids look like 123e4567-e89b-12d3-a456-426614174000; `tailor-sdk workspace list` shows yours.',
    );
  }
  return workspaceId;
}

/** TAILOR_PLATFORM_URL, else PLATFORM_URL, else Tailor's public API. */
export function resolveTailorBaseUrl(env: NodeJS.ProcessEnv, explicit?: string): string {
  const [value, from] = explicit
    ? [explicit, 'the baseUrl option']
    : env.TAILOR_PLATFORM_URL
      ? [env.TAILOR_PLATFORM_URL, 'TAILOR_PLATFORM_URL']
      : env.PLATFORM_URL
        ? [env.PLATFORM_URL, 'PLATFORM_URL']
        : [DEFAULT_TAILOR_BASE_URL, 'the default'];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SecretManagerError('invalid-input', `${from} is not a URL: "${value.slice(0, 200)}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SecretManagerError('invalid-input', `${from} must be an http(s) URL, not "${url.protocol}".`);
  }
  if (url.username || url.password) {
    throw new SecretManagerError(
      'invalid-input',
      `${from} must not hold a user name or password (it would show up wherever the endpoint is named).`,
      'Remove them from the URL; the token comes from TAILOR_PLATFORM_TOKEN or `tailor-sdk login`.',
    );
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new SecretManagerError(
      'invalid-input',
      `${from} uses plain http to ${url.hostname}: the access token and secret values would cross the network unencrypted.`,
      'Use https://, or http:// only for a server on this machine (localhost, 127.0.0.1, [::1]).',
    );
  }
  return value.replace(/\/+$/, '');
}

/** Hosts that plain http may reach: the traffic never leaves this machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Finds the token, workspace and endpoint the way the tailor-sdk CLI does, so its login is reused.
 * The config file is read only when a profile or a token from it is needed.
 */
export async function resolveTailorLogin(options: ResolveTailorLoginOptions): Promise<TailorLogin> {
  const { env } = options;
  const now = options.now ?? Date.now;
  const baseUrl = resolveTailorBaseUrl(env, options.baseUrl);
  const configPath = tailorConfigPath(env, options.home);
  const warnings: string[] = [];
  const profileName = options.profile || env.TAILOR_PLATFORM_PROFILE || undefined;
  const profileFrom = options.profile ? '--profile' : 'TAILOR_PLATFORM_PROFILE';

  let config: TailorConfig | undefined;
  let configRead = false;
  const loadConfig = async () => {
    if (!configRead) {
      config = await readTailorConfig(configPath);
      configRead = true;
    }
    return config;
  };

  let profile: { user: string; workspace_id: string } | undefined;
  if (profileName) {
    const loaded = await loadConfig();
    profile = loaded?.profiles[profileName];
    if (!profile) {
      throw new SecretManagerError(
        'invalid-input',
        `There is no tailor-sdk profile "${profileName}" (from ${profileFrom}). ${describeProfiles(loaded, configPath)}`,
        'Create it with `tailor-sdk profile create`, or pick one of the above.',
      );
    }
  }

  let workspaceId: string;
  if (options.workspaceId) workspaceId = assertWorkspaceId(options.workspaceId, '--workspace-id');
  else if (env.TAILOR_PLATFORM_WORKSPACE_ID) {
    workspaceId = assertWorkspaceId(env.TAILOR_PLATFORM_WORKSPACE_ID, 'TAILOR_PLATFORM_WORKSPACE_ID');
  } else if (profile) workspaceId = assertWorkspaceId(profile.workspace_id, `profile "${profileName}"`);
  else {
    throw new SecretManagerError(
      'invalid-input',
      `No Tailor Platform workspace is selected. ${describeProfiles(await loadConfig(), configPath)}`,
      'Pass --workspace-id, set TAILOR_PLATFORM_WORKSPACE_ID, or choose a profile with --profile or TAILOR_PLATFORM_PROFILE.',
    );
  }

  const login = (token: string, tokenSource: TokenSource): TailorLogin => ({
    baseUrl,
    token,
    tokenSource,
    workspaceId,
    profile: profileName,
    warnings,
  });

  if (env.TAILOR_PLATFORM_TOKEN) return login(env.TAILOR_PLATFORM_TOKEN, 'TAILOR_PLATFORM_TOKEN');
  if (env.TAILOR_TOKEN) {
    warnings.push('TAILOR_TOKEN is deprecated; set TAILOR_PLATFORM_TOKEN instead.');
    return login(env.TAILOR_TOKEN, 'TAILOR_TOKEN');
  }
  const readKeyring = options.readKeyring ?? readTailorKeyring;
  const loaded = await loadConfig();
  if (profile && loaded) {
    const token = await tokenOfUser(loaded, profile.user, baseUrl, configPath, now(), readKeyring);
    return login(token, 'profile');
  }
  if (loaded?.current_user) {
    const token = await tokenOfUser(loaded, loaded.current_user, baseUrl, configPath, now(), readKeyring);
    return login(token, 'current_user');
  }
  throw new SecretManagerError(
    'unauthenticated',
    `No Tailor Platform login was found: TAILOR_PLATFORM_TOKEN is not set and ${loaded ? `${configPath} has no current_user` : `there is no ${configPath}`}.`,
    LOGIN_HINT,
  );
}

/** The CLI keys users of a platform other than the default as "<platform url>|<user>". */
function findUser(config: TailorConfig, user: string, baseUrl: string): [string, TailorConfigUser] | undefined {
  const candidates = baseUrl === DEFAULT_TAILOR_BASE_URL ? [user] : [`${baseUrl}|${user}`, user];
  for (const key of candidates) {
    const entry = config.users[key];
    if (entry) return [key, entry];
  }
  return undefined;
}

async function tokenOfUser(
  config: TailorConfig,
  user: string,
  baseUrl: string,
  configPath: string,
  now: number,
  readKeyring: TailorKeyringReader,
): Promise<string> {
  const found = findUser(config, user, baseUrl);
  if (!found) {
    throw new SecretManagerError('unauthenticated', `The tailor-sdk user "${user}" is not in ${configPath}.`, LOGIN_HINT);
  }
  const [userKey, entry] = found;
  if (entry.token_expires_at !== undefined && entry.token_expires_at <= now) {
    throw new SecretManagerError(
      'unauthenticated',
      `The tailor-sdk login of "${userKey}" expired at ${new Date(entry.token_expires_at).toISOString()}.`,
      LOGIN_HINT,
    );
  }
  if ('access_token' in entry && typeof entry.access_token === 'string' && entry.storage !== 'keyring') {
    return entry.access_token;
  }
  const password = await readKeyring(userKey);
  const token = password === null ? undefined : accessTokenFromKeyringPassword(password);
  if (!token) {
    throw new SecretManagerError(
      'unauthenticated',
      `The OS keyring holds no tailor-sdk token for "${userKey}"${password === null ? '' : ' that can be read'}.`,
      LOGIN_HINT,
    );
  }
  return token;
}

function describeProfiles(config: TailorConfig | undefined, configPath: string): string {
  if (!config) return `There is no tailor-sdk config file at ${configPath}.`;
  const names = Object.keys(config.profiles);
  if (names.length === 0) return `${configPath} defines no profiles.`;
  return `Profiles in ${configPath}: ${names.map((name) => `"${name}"`).join(', ')}.`;
}
