import type { ErrorCode, SecretManagerError } from './errors';

/**
 * Whether `error` is a SecretManagerError (with `code`, when given). It is recognised by its name and
 * code rather than `instanceof`, because each bundle (the library, the extension, every CLI command)
 * carries its own copy of the error classes. This module imports no zod, so the activation bundle can use it.
 */
export function isSecretManagerError(error: unknown, code?: ErrorCode): error is SecretManagerError {
  if (!(error instanceof Error) || error.name !== 'SecretManagerError') return false;
  const errorCode = (error as { code?: unknown }).code;
  return typeof errorCode === 'string' && (code === undefined || errorCode === code);
}
