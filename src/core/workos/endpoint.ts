import { SecretManagerError } from '../model';

/** Where the SDK sends its requests, as its own `apiHostname`, `https` and `port` options. */
export interface WorkosEndpoint {
  readonly apiHostname: string;
  readonly https: boolean;
  readonly port?: number;
  /** For messages: the origin the requests go to. */
  readonly origin: string;
}

export const DEFAULT_WORKOS_ENDPOINT: WorkosEndpoint = { apiHostname: 'api.workos.com', https: true, origin: 'https://api.workos.com' };

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads an endpoint URL such as WORKOS_API_URL into the SDK's options. Plain http is allowed only on
 * the loopback interface, where the key never crosses a network; a path or query is refused, because
 * the SDK's options have no place for them and dropping them would send the key somewhere unintended.
 */
export function parseWorkosEndpoint(text: string | undefined, origin = 'WORKOS_API_URL'): WorkosEndpoint {
  if (text === undefined || text.trim() === '') return DEFAULT_WORKOS_ENDPOINT;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SecretManagerError('invalid-input', `${origin} is not a URL ("${text.slice(0, 80)}").`, 'Use a URL such as https://api.workos.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SecretManagerError('invalid-input', `${origin} must be an https URL, not ${url.protocol}.`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new SecretManagerError(
      'invalid-input',
      `${origin} uses plain http for ${url.hostname}: the WorkOS API key would cross the network unencrypted.`,
      'Use https, or http only on 127.0.0.1, [::1] or localhost.',
    );
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new SecretManagerError('invalid-input', `${origin} must be only a scheme, host and port, such as https://api.workos.com.`);
  }
  const https = url.protocol === 'https:';
  return {
    apiHostname: url.hostname,
    https,
    port: url.port === '' ? undefined : Number(url.port),
    origin: url.origin,
  };
}
