import path from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import { lazyBundleLocation } from '../bundle-location';
import { SecretManagerError } from '../model';
import type { WorkosEndpoint } from './endpoint';
import { WORKOS_KEY_HINT, WorkosRedirectError, WorkosTimeoutError } from './errors';
import type * as WorkosSdk from './sdk-entry';

export interface WorkosClientOptions {
  readonly apiKey: string;
  readonly endpoint: WorkosEndpoint;
  /** Per attempt. Defaults to 15 s. */
  readonly timeoutMs: number;
  /** Extra attempts for reads; writes are never retried. */
  readonly retries: number;
  readonly fetch?: typeof fetch;
}

/** Two SDK clients over one key: reads retry transient failures (as the SDK does), writes never do. */
export interface WorkosClients {
  readonly reads: WorkOS;
  readonly writes: WorkOS;
}

/**
 * A fetch that never follows a redirect (fetch would send the key's header and the body, a value, to
 * wherever the Location points) and gives up after `timeoutMs`. The SDK sees both as errors it does not
 * retry: its own timeout is retried like a 408, which would make a dead server cost four timeouts.
 */
export function guardedFetch(base: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    // Until the headers arrive; the SDK's own, later timeout still covers the body through its signal.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason), { once: true });
    let response: Response;
    try {
      response = await base(input, { ...init, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      if (timedOut) throw new WorkosTimeoutError();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new WorkosRedirectError(response.status, response.headers.get('location') ?? '');
    }
    return response;
  };
}

/** The SDK bundle, required by a computed path so that esbuild keeps it out of the caller's bundle. */
function loadWorkosSdk(): typeof WorkosSdk {
  return require(lazyBundleLocation(__dirname, 'workos-sdk.js', path.join(__dirname, 'sdk-entry.ts'))) as typeof WorkosSdk;
}

/** Loads the SDK only when a WorkOS store opens: every other command and store is spared its 10–20 ms. */
export async function createWorkosClients(options: WorkosClientOptions): Promise<WorkosClients> {
  const apiKey = options.apiKey.trim();
  // fetch would reject such a header with a message that quotes it, key and all.
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new SecretManagerError('unauthenticated', 'The WorkOS API key is empty or holds characters a key cannot have.', WORKOS_KEY_HINT);
  }
  const fetchFn = guardedFetch(options.fetch ?? fetch, options.timeoutMs);
  const { WorkOS } = loadWorkosSdk();
  const make = (maxRetries: number) =>
    new WorkOS({
      apiKey,
      apiHostname: options.endpoint.apiHostname,
      https: options.endpoint.https,
      port: options.endpoint.port,
      // A backstop only: guardedFetch gives up first.
      timeout: options.timeoutMs + 5_000,
      maxRetries,
      fetchFn,
    });
  return { reads: make(options.retries), writes: make(0) };
}
