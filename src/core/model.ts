import * as z from 'zod';
import { SecretManagerError } from './errors';
import { lazySchema } from './lazy-schema';
import { escapeControlCharacters } from './printable-text';
import { didYouMean } from './references/suggest';

import { NAME_PATTERN, NAME_RULE } from './name-rule';

export { NAME_PATTERN, NAME_RULE };

/** "a", "a and b", "a, b and c". */
function joinWithAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Every way the name breaks the rule, so one correction fixes it: "contains uppercase letters and "_"". */
function describeNameProblem(value: string): string {
  const problems: string[] = [];
  if (value.length < 3) problems.push(`is too short (${value.length} characters)`);
  if (value.length > 63) problems.push(`is too long (${value.length} characters)`);
  const contained: string[] = [];
  if (/[A-Z]/.test(value)) contained.push('uppercase letters');
  const others = [...new Set(value.match(/[^a-zA-Z0-9-]/gu) ?? [])].slice(0, 3);
  contained.push(...others.map((character) => `"${escapeControlCharacters(character)}"`));
  if (contained.length > 0) problems.push(`contains ${joinWithAnd(contained)}`);
  if (/^-|-$/.test(value)) problems.push('starts or ends with "-"');
  return problems.length > 0 ? joinWithAnd(problems) : 'does not match the rule';
}

function nameSchema(kind: 'vault' | 'secret') {
  return z.string().superRefine((value, context) => {
    if (!NAME_PATTERN.test(value)) {
      context.addIssue({
        code: 'custom',
        message: `Invalid ${kind} name "${escapeControlCharacters(value.slice(0, 80))}": it ${describeNameProblem(value)}. Names must be ${NAME_RULE}.`,
      });
    }
  });
}

export const vaultNameSchema = lazySchema(() => nameSchema('vault'));
export const secretNameSchema = lazySchema(() => nameSchema('secret'));

export const secretReferenceSchema = lazySchema(() => z.object({ vault: vaultNameSchema, key: secretNameSchema }));
export type SecretReference = z.infer<typeof secretReferenceSchema>;

export const labelsSchema = lazySchema(() => z.record(z.string().min(1).max(63), z.string().max(256)));
export const descriptionSchema = lazySchema(() => z.string().max(1024));

/** A secret's value. It is never logged and never echoed in an error. */
export const MAX_VALUE_BYTES = 64 * 1024;

export const secretValueSchema = lazySchema(() =>
  z
    .string({ error: 'The secret value must be a string.' })
    .min(1, { error: 'The secret value is empty.' })
    // UTF-8 bytes, not characters; the length check first keeps a huge string from being encoded.
    .refine((value) => value.length <= MAX_VALUE_BYTES && new TextEncoder().encode(value).byteLength <= MAX_VALUE_BYTES, {
      error: 'The secret value is longer than 64 KiB.',
    }),
);

export const vaultMetadataSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** How many secrets the vault holds, when the store knows it cheaply. */
    secretCount: z.number().int().nonnegative().optional(),
  }),
);
export type VaultMetadata = z.infer<typeof vaultMetadataSchema>;

export const secretMetadataSchema = lazySchema(() =>
  z.object({
    vault: z.string(),
    name: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The current version number. Absent for stores without versions. */
    version: z.number().int().positive().optional(),
    description: z.string().optional(),
    labels: labelsSchema.optional(),
  }),
);
export type SecretMetadata = z.infer<typeof secretMetadataSchema>;

export const secretVersionSchema = lazySchema(() =>
  z.object({
    version: z.number().int().positive(),
    createdAt: z.string(),
    current: z.boolean(),
    /** Set when this version was made by rolling back to an earlier one. */
    rolledBackFrom: z.number().int().positive().optional(),
  }),
);
export type SecretVersion = z.infer<typeof secretVersionSchema>;

export const auditActionSchema = lazySchema(() =>
  z.enum([
    'vault.create',
    'vault.delete',
    'secret.create',
    'secret.update',
    'secret.rollback',
    'secret.reveal',
    'secret.resolve',
    'secret.copy',
    'secret.delete',
  ]),
);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One audit record. It names what happened, never the value. */
export const auditRecordSchema = lazySchema(() =>
  z.object({
    time: z.string(),
    actor: z.string(),
    action: auditActionSchema,
    store: z.string(),
    vault: z.string(),
    key: z.string().optional(),
    version: z.number().int().positive().optional(),
  }),
);
export type AuditRecord = z.infer<typeof auditRecordSchema>;

// Strict: a misspelled field (say `expectedVerison`) must fail, not be dropped with its meaning.
export const createSecretInputSchema = lazySchema(() =>
  z.strictObject({
    vault: vaultNameSchema,
    key: secretNameSchema,
    value: secretValueSchema,
    description: descriptionSchema.optional(),
    labels: labelsSchema.optional(),
  }),
);
export type CreateSecretInput = z.infer<typeof createSecretInputSchema>;

export const updateSecretInputSchema = lazySchema(() =>
  z.strictObject({
    vault: vaultNameSchema,
    key: secretNameSchema,
    value: secretValueSchema,
    expectedVersion: z.number().int().positive().optional(),
      description: descriptionSchema.optional(),
  }),
);
export type UpdateSecretInput = z.infer<typeof updateSecretInputSchema>;

/** Parses untrusted input with a schema and turns failures into an InvalidInputError. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return issue.code === 'custom' ? issue.message : `${where}${issue.message}`;
  });
  throw new InvalidInputError(messages.join(' '));
}

export function formatReference(reference: SecretReference): string {
  return `${reference.vault}/${reference.key}`;
}

export { SecretManagerError, type ErrorCode } from './errors';

export class InvalidInputError extends SecretManagerError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

export class NotFoundError extends SecretManagerError {
  /** The closest existing name, when the store knows one ("did you mean"). */
  readonly suggestion?: string;

  constructor(what: string, hint?: string, suggestion?: string) {
    super('not-found', `${what} was not found.`, suggestion === undefined ? hint : didYouMean(suggestion).trim());
    if (suggestion !== undefined) this.suggestion = suggestion;
  }
}

export class AlreadyExistsError extends SecretManagerError {
  constructor(what: string, hint = 'Choose another name, or update the existing one.') {
    super('already-exists', `${what} already exists.`, hint);
  }
}

export class ConflictError extends SecretManagerError {
  constructor(reference: SecretReference, expected: number, actual: number) {
    super(
      'conflict',
      `Secret ${formatReference(reference)} is at version ${actual}, not the expected version ${expected}: someone else changed it.`,
      'Refresh, check the latest version, and try again.',
    );
  }
}

export class VaultNotEmptyError extends SecretManagerError {
  constructor(vault: string, secretCount: number) {
    super(
      'vault-not-empty',
      `Vault "${vault}" still holds ${secretCount} secret${secretCount === 1 ? '' : 's'}.`,
      'Delete or move its secrets first.',
    );
  }
}

export class UnsupportedError extends SecretManagerError {
  constructor(operation: string, storeLabel: string, reason: string) {
    super('unsupported', `${storeLabel} cannot ${operation}: ${reason}`);
  }
}

export { isSecretManagerError } from './error-shape';
