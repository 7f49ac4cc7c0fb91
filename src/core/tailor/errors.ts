import { AlreadyExistsError, InvalidInputError, NotFoundError, SecretManagerError, type ErrorCode } from '../model';
import type { TailorMethod } from './protocol';

export const LOGIN_HINT = 'Run `tailor-sdk login` (or set TAILOR_PLATFORM_TOKEN), then try again.';

/**
 * An error the Tailor Platform API returned, already translated into the product's codes.
 * It keeps the Connect code so the store can recognise particular refusals.
 */
export class TailorApiError extends SecretManagerError {
  constructor(
    code: ErrorCode,
    message: string,
    hint: string | undefined,
    readonly connectCode: string,
    readonly method: TailorMethod,
  ) {
    super(code, message, hint);
  }
}

/** Connect's HTTP status for each code, used when a reply has no readable error body. */
const CODE_BY_HTTP_STATUS: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  429: 'resource_exhausted',
  499: 'canceled',
  501: 'unimplemented',
  503: 'unavailable',
  504: 'deadline_exceeded',
};

export function connectCodeForHttpStatus(status: number): string {
  return CODE_BY_HTTP_STATUS[status] ?? (status >= 500 ? 'internal' : 'unknown');
}

export interface ErrorContext {
  readonly method: TailorMethod;
  /** What the call was about, such as `Vault "api-keys"`; used for not-found and already-exists. */
  readonly subject?: string;
}

/** Translates a Connect error into the product's error. `serverMessage` must already be redacted. */
export function mapConnectError(connectCode: string, serverMessage: string, context: ErrorContext): SecretManagerError {
  const { method, subject } = context;
  const said = serverMessage ? `: ${serverMessage}` : '.';
  switch (connectCode) {
    case 'unauthenticated':
      return new TailorApiError(
        'unauthenticated',
        `Tailor Platform refused the access token (${method})${said}`,
        LOGIN_HINT,
        connectCode,
        method,
      );
    case 'permission_denied':
      return new TailorApiError(
        'permission-denied',
        `Tailor Platform denied ${method}${said}`,
        'Check that the workspace id is right and that your user may manage its Secret Manager.',
        connectCode,
        method,
      );
    case 'not_found':
      // The server says which part is missing (the vault or the secret); the subject names the whole.
      return withConnectCode(
        new NotFoundError(subject ?? `What ${method} asked for`, serverMessage ? `(Tailor Platform: ${serverMessage})` : undefined),
        connectCode,
        method,
      );
    case 'already_exists':
      return withConnectCode(new AlreadyExistsError(subject ?? `What ${method} tried to create`), connectCode, method);
    case 'invalid_argument':
    case 'out_of_range':
      return withConnectCode(
        new InvalidInputError(`Tailor Platform rejected ${method}${said}`),
        connectCode,
        method,
      );
    case 'failed_precondition':
      return new TailorApiError('conflict', `Tailor Platform refused ${method}${said}`, undefined, connectCode, method);
    case 'unavailable':
    case 'resource_exhausted':
      return new TailorApiError(
        'unavailable',
        `Tailor Platform is unavailable (${method})${said}`,
        'Try again in a moment.',
        connectCode,
        method,
      );
    case 'deadline_exceeded':
      return new TailorApiError('timeout', `Tailor Platform ran out of time for ${method}${said}`, undefined, connectCode, method);
    default:
      return new TailorApiError(
        'unavailable',
        `Tailor Platform failed ${method} (${connectCode})${said}`,
        undefined,
        connectCode,
        method,
      );
  }
}

function withConnectCode(error: SecretManagerError, connectCode: string, method: TailorMethod): SecretManagerError {
  return Object.assign(error, { connectCode, method });
}

export function connectCodeOf(error: unknown): string | undefined {
  if (error instanceof SecretManagerError && 'connectCode' in error && typeof error.connectCode === 'string') {
    return error.connectCode;
  }
  return undefined;
}

/** Removes every sent secret value from text that came back from the server. */
export function redactValues(text: string, values: readonly string[]): string {
  let redacted = text;
  for (const value of values) {
    if (value.length > 0) redacted = redacted.split(value).join('[redacted]');
  }
  return redacted;
}
