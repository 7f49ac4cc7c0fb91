import { groupRange } from '../project-rule';
import { isCredential } from '../value-judgement';
import { formatRule } from './format-rule';

/** A registry's entry in a Docker config: a password, or `auth`, base64 of "user:password". */
interface RegistryEntry {
  readonly password?: unknown;
  readonly auth?: unknown;
}

/** The passwords of every registry a Docker config (`.dockerconfigjson`'s `auths`, or the older `.dockercfg`) holds. */
function registryPasswords(config: unknown): string[] {
  if (typeof config !== 'object' || config === null) return [];
  const auths = 'auths' in config && typeof config.auths === 'object' && config.auths !== null ? config.auths : config;
  return Object.values(auths as Record<string, RegistryEntry>).flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    if (typeof entry.password === 'string') return [entry.password];
    if (typeof entry.auth !== 'string') return [];
    const userAndPassword = Buffer.from(entry.auth, 'base64').toString('utf8');
    return userAndPassword.includes(':') ? [userAndPassword.slice(userAndPassword.indexOf(':') + 1)] : [];
  });
}

function isRegistryCredential(password: string): boolean {
  // `_json_key`: the password is a whole Google service account, private key included.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(password)) return true;
  return isCredential(password, 'name', { name: 'password', minimumLength: 4 });
}

/**
 * A Kubernetes image pull secret (`.dockerconfigjson: eyJhdXRocyI6…`): base64 of a Docker config
 * whose registry password or `auth` is a credential, which no rule sees encoded.
 */
export const dockerConfigRule = formatRule({
  id: 'secret-manager/docker-config',
  title: 'Registry credentials in a Docker config (image pull secret)',
  requiredText: ['.dockerconfigjson', '.dockercfg'],
  pattern: /\.docker(?:configjson|cfg)["']?[ \t]*:[ \t]*["']?([A-Za-z0-9+/]{40,}={0,2})/dg,
  accept(match) {
    let config: unknown;
    try {
      config = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
    } catch {
      return undefined;
    }
    return registryPasswords(config).some(isRegistryCredential) ? groupRange(match, 1) : undefined;
  },
});
