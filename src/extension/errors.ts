import type { ErrorCode } from '../core/model';

/**
 * A SecretManagerError, recognised by shape rather than `instanceof`: the stores run from the
 * library bundle (dist/library.js), whose error classes are not this bundle's.
 */
export function asSecretManagerError(error: unknown, code?: ErrorCode): (Error & { code: ErrorCode }) | undefined {
  if (!(error instanceof Error) || error.name !== 'SecretManagerError') return undefined;
  const errorCode = (error as { code?: unknown }).code;
  if (typeof errorCode !== 'string') return undefined;
  return code === undefined || errorCode === code ? (error as Error & { code: ErrorCode }) : undefined;
}
