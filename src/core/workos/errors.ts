import { AlreadyExistsError, InvalidInputError, NotFoundError, SecretManagerError } from '../model';
import { redactValues } from '../tailor/errors';

export const WORKOS_KEY_HINT = 'Set WORKOS_API_KEY, or run "Set WorkOS API Key…" (it keeps the key in the OS keychain), then try again.';

/** A redirect refused before the SDK could follow it with the key and the body. */
export class WorkosRedirectError extends Error {
  constructor(
    readonly status: number,
    readonly location: string,
  ) {
    super(`redirect ${status}`);
    this.name = 'WorkosRedirectError';
  }
}

/** No answer within the timeout; thrown by our fetch so that the SDK does not retry it. */
export class WorkosTimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'WorkosTimeoutError';
  }
}

export interface WorkosErrorContext {
  /** What was asked, such as "list objects" or "update api-keys/stripe". */
  readonly operation: string;
  /** The whole the call was about, such as `Secret api-keys/stripe`, for not-found and already-exists. */
  readonly subject?: string;
  /** Text that must never come back in an error: the API key and any value sent. */
  readonly sensitive: readonly string[];
  /** The origin requests go to, for network errors. */
  readonly origin: string;
  readonly timeoutMs: number;
}

/** Server text as the user may see it: one line, control characters escaped, secrets removed, short. */
export function cleanServerText(text: string, sensitive: readonly string[]): string {
  const redacted = redactValues(text, sensitive);
  return redacted
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .slice(0, 300);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The refusal or failure the SDK reported, or wrapped, behind "Unexpected error". */
function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && statusOf(current) === undefined && current.cause !== undefined; depth++) {
    current = current.cause;
  }
  return current;
}

/** Translates what the WorkOS SDK threw into the product's error, never quoting the key or a value. */
export function mapWorkosError(thrown: unknown, context: WorkosErrorContext): SecretManagerError {
  if (thrown instanceof SecretManagerError) return thrown;
  const error = innermost(thrown);
  const { operation, subject, sensitive } = context;
  if (error instanceof WorkosRedirectError) {
    const location = cleanServerText(error.location, sensitive);
    return new SecretManagerError(
      'unavailable',
      `WorkOS answered ${operation} with a redirect (${error.status}) to ${location || 'another address'}; it was not followed, so the key and the request body stayed here.`,
      'Check WORKOS_API_URL points at the WorkOS API itself.',
    );
  }
  const status = error instanceof WorkosTimeoutError ? 408 : statusOf(error);
  const serverText = error instanceof Error ? cleanServerText(error.message, sensitive) : '';
  const said = serverText ? `: ${serverText}` : '.';
  switch (status) {
    case undefined:
      return new SecretManagerError(
        'unavailable',
        `Could not reach WorkOS at ${context.origin} (${operation}): ${describeNetworkError(error, sensitive)}.`,
        'Check your network and WORKOS_API_URL.',
      );
    case 401:
      return new SecretManagerError('unauthenticated', `WorkOS refused the API key (${operation}).`, WORKOS_KEY_HINT);
    case 403:
      return new SecretManagerError('permission-denied', `WorkOS denied ${operation}${said}`, 'Check that the API key may use Vault.');
    case 404:
      return new NotFoundError(subject ?? `What ${operation} asked for`);
    case 408:
      return new SecretManagerError('timeout', `WorkOS did not answer ${operation} within ${formatDuration(context.timeoutMs)}.`, 'Check your network, or try again later.');
    case 409:
      return subject && operation.startsWith('create')
        ? new AlreadyExistsError(subject)
        : new SecretManagerError('conflict', `WorkOS refused ${operation}: someone else changed it${said}`, 'Refresh, check the latest version, and try again.');
    case 400:
    case 422:
      return new InvalidInputError(`WorkOS rejected ${operation}${said}`);
    case 429: {
      const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
      const wait = typeof retryAfter === 'number' && Number.isFinite(retryAfter) ? ` in ${retryAfter} s` : ' in a moment';
      return new SecretManagerError('unavailable', `WorkOS is limiting the request rate (${operation}).`, `Try again${wait}.`);
    }
    default:
      return new SecretManagerError('unavailable', `WorkOS failed ${operation} (HTTP ${status})${said}`, 'Try again in a moment.');
  }
}

function describeNetworkError(error: unknown, sensitive: readonly string[]): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cleanServerText(cause.code, sensitive);
  if (cause && typeof cause.message === 'string') return cleanServerText(cause.message, sensitive);
  return cleanServerText(error instanceof Error ? error.message : String(error), sensitive);
}

function formatDuration(milliseconds: number): string {
  return milliseconds >= 1000 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}
