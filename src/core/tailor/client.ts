import type { z } from 'zod';
import { SecretManagerError } from '../model';
import { printableText } from '../printable-text';
import { connectCodeForHttpStatus, LOGIN_HINT, mapConnectError, redactValues, TailorApiError, type ErrorContext } from './errors';
import { connectErrorSchema, isRetryableMethod, OPERATOR_SERVICE, type TailorMethod } from './protocol';

export interface TailorClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per attempt. Defaults to 15 s. */
  readonly timeoutMs?: number;
  /** Extra attempts for Get and List methods. Defaults to 3. */
  readonly retries?: number;
  /** The first backoff delay; each retry doubles it, with full jitter. Defaults to 250 ms. */
  readonly retryDelayMs?: number;
}

export interface CallOptions {
  /** What the call is about, for not-found and already-exists errors. */
  readonly subject?: string;
  /** Values in the request that must never come back in an error. */
  readonly sensitive?: readonly string[];
}

const MAXIMUM_RETRY_DELAY_MS = 5_000;
/** A server's error text is cut to this many characters, after its control characters are escaped. */
const SERVER_TEXT_LIMIT = 300;

/** A Connect-RPC JSON client for the Secret Manager methods of Tailor's Operator API. */
export class TailorClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly fetchFunction: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(options: TailorClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token.trim();
    // fetch would reject such a header with a message that quotes it, token and all.
    if (!/^[\x21-\x7e]+$/.test(this.token)) {
      throw new SecretManagerError(
        'unauthenticated',
        'The Tailor Platform access token is empty or holds characters a token cannot have.',
        LOGIN_HINT,
      );
    }
    this.fetchFunction = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 250;
  }

  async call<Reply>(
    method: TailorMethod,
    request: Record<string, unknown>,
    replySchema: z.ZodType<Reply, unknown>,
    options: CallOptions = {},
  ): Promise<Reply> {
    const attempts = isRetryableMethod(method) ? this.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.callOnce(method, request, replySchema, options);
      } catch (error) {
        if (attempt >= attempts || !isTransient(error)) throw error;
        await sleep(this.backoffDelay(attempt));
      }
    }
  }

  private backoffDelay(attempt: number): number {
    const ceiling = Math.min(MAXIMUM_RETRY_DELAY_MS, this.retryDelayMs * 2 ** (attempt - 1));
    return Math.random() * ceiling;
  }

  private async callOnce<Reply>(
    method: TailorMethod,
    request: Record<string, unknown>,
    replySchema: z.ZodType<Reply, unknown>,
    options: CallOptions,
  ): Promise<Reply> {
    const context: ErrorContext = { method, subject: options.subject };
    const sensitive = options.sensitive ?? [];
    const signal = AbortSignal.timeout(this.timeoutMs);
    let body: string;
    let response: Response;
    try {
      response = await this.fetchFunction(`${this.baseUrl}/${OPERATOR_SERVICE}/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Connect-Protocol-Version': '1',
          Authorization: `Bearer ${this.token}`,
        },
        body: JSON.stringify(request),
        // fetch drops the token on a cross-origin redirect but sends the body, value included, on.
        redirect: 'manual',
        signal,
      });
      body = await response.text();
    } catch (error) {
      throw this.transportError(method, error, signal);
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) throw redirectRefused(method, response.status);
    if (!response.ok) throw replyError(response.status, body, context, [this.token, ...sensitive]);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw malformedReply(method, 'the body is not JSON');
    }
    const parsed = replySchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`);
      throw malformedReply(method, printableText(problems.slice(0, 3).join('; '), SERVER_TEXT_LIMIT));
    }
    return parsed.data;
  }

  private transportError(method: TailorMethod, error: unknown, signal: AbortSignal): SecretManagerError {
    if (signal.aborted) {
      return new TailorApiError(
        'timeout',
        `Tailor Platform did not answer ${method} within ${formatDuration(this.timeoutMs)}.`,
        'Check your network, or try again later.',
        'deadline_exceeded',
        method,
      );
    }
    const reason = describeNetworkError(error);
    return new TailorApiError(
      'unavailable',
      `Could not reach Tailor Platform at ${this.baseUrl} (${method}): ${reason}.`,
      'Check your network and TAILOR_PLATFORM_URL.',
      'network',
      method,
    );
  }
}

function replyError(status: number, body: string, context: ErrorContext, sensitive: readonly string[]): SecretManagerError {
  let connectCode = connectCodeForHttpStatus(status);
  let message = '';
  try {
    const parsed = connectErrorSchema.safeParse(JSON.parse(body));
    if (parsed.success) {
      connectCode = parsed.data.code;
      message = parsed.data.message ?? '';
    }
  } catch {
    // Not a Connect error body (a proxy page, for instance): the HTTP status decides.
    message = `HTTP ${status}`;
  }
  return mapConnectError(connectCode, printableText(redactValues(message, sensitive), SERVER_TEXT_LIMIT), context);
}

function redirectRefused(method: TailorMethod, status: number): SecretManagerError {
  return new TailorApiError(
    'unavailable',
    `Tailor Platform answered ${method} with a redirect (HTTP ${status || 'redirect'}); requests are never sent on to another address.`,
    'Check that TAILOR_PLATFORM_URL is the API address itself, with https.',
    'redirect',
    method,
  );
}

function malformedReply(method: TailorMethod, problem: string): SecretManagerError {
  return new TailorApiError(
    'unavailable',
    `Tailor Platform sent a malformed reply to ${method}: ${problem}.`,
    'Check TAILOR_PLATFORM_URL points at the Tailor Platform API.',
    'malformed',
    method,
  );
}

/** A failure worth retrying for a method without side effects: the service was down or unreachable. */
function isTransient(error: unknown): boolean {
  return error instanceof TailorApiError && (error.connectCode === 'unavailable' || error.connectCode === 'network');
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function formatDuration(milliseconds: number): string {
  return milliseconds >= 1000 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
