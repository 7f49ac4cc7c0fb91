import * as z from 'zod';

/** The Connect-RPC service that holds the Secret Manager methods. */
export const OPERATOR_SERVICE = 'tailor.v1.OperatorService';

export const DEFAULT_TAILOR_BASE_URL = 'https://api.tailor.tech';

export const TAILOR_METHODS = [
  'CreateSecretManagerVault',
  'GetSecretManagerVault',
  'DeleteSecretManagerVault',
  'ListSecretManagerVaults',
  'CreateSecretManagerSecret',
  'UpdateSecretManagerSecret',
  'GetSecretManagerSecret',
  'DeleteSecretManagerSecret',
  'ListSecretManagerSecrets',
] as const;
export type TailorMethod = (typeof TAILOR_METHODS)[number];

/** Get and List are declared free of side effects, so only they may be retried. */
export function isRetryableMethod(method: TailorMethod): boolean {
  return method.startsWith('Get') || method.startsWith('List');
}

export type PageDirection = 'PAGE_DIRECTION_ASC' | 'PAGE_DIRECTION_DESC';

/**
 * A vault or a secret as the API returns it. Proto3 JSON leaves out fields that hold their
 * default value, so the timestamps may be absent.
 */
export const tailorResourceSchema = z.object({
  name: z.string().min(1),
  createTime: z.string().optional(),
  updateTime: z.string().optional(),
});
export type TailorResource = z.infer<typeof tailorResourceSchema>;

/** int64 arrives as a string in Connect JSON, but a number is valid JSON for it too. */
const int64Schema = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);

export const vaultReplySchema = z.object({ vault: tailorResourceSchema });
export const secretReplySchema = z.object({ secret: tailorResourceSchema });
export const emptyReplySchema = z.object({});

export const vaultPageSchema = z.object({
  vaults: z.array(tailorResourceSchema).optional().default([]),
  nextPageToken: z.string().optional().default(''),
  totalCount: int64Schema.optional(),
});

export const secretPageSchema = z.object({
  secrets: z.array(tailorResourceSchema).optional().default([]),
  nextPageToken: z.string().optional().default(''),
  totalCount: int64Schema.optional(),
});

/** The body of a Connect error reply. */
export const connectErrorSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
});
