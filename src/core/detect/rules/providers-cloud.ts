import type { ProjectRule } from '../project-rule';
import { mixesCaseAndDigits, mixesLettersAndDigits, wholeMatchIfCredential, withPrefixBefore } from './credential-match';

/** DigitalOcean personal access (dop_v1_), OAuth (doo_v1_) and refresh (dor_v1_) tokens: 64 hex. */
export const digitalOceanTokenRule: ProjectRule = {
  id: 'secret-manager/digitalocean-token',
  title: 'DigitalOcean token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  matchesStartInRequiredText: true,
  pattern: /\bdo[opr]_v1_[0-9a-f]{64}(?![0-9A-Za-z])/dg,
  accept: wholeMatchIfCredential,
};

/** Supabase access tokens (sbp_ and 40 hex) and secret API keys (sb_secret_). */
export const supabaseKeyRule: ProjectRule = {
  id: 'secret-manager/supabase-key',
  title: 'Supabase access token or secret key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['sbp_', 'sb_secret_'],
  matchesStartInRequiredText: true,
  pattern: /\b(?:sbp_(?:v0_)?[0-9a-f]{40}(?![0-9A-Za-z])|sb_secret_[A-Za-z0-9_-]{24,64}(?![\w-]))/dg,
  accept: wholeMatchIfCredential,
};

/**
 * Terraform Cloud / Enterprise API tokens: 14 characters, ".atlasv1.", and 60 or more. Anchored
 * on ".atlasv1.", the 14 characters checked behind it.
 */
export const terraformCloudTokenRule: ProjectRule = {
  id: 'secret-manager/terraform-cloud-token',
  title: 'Terraform Cloud API token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['.atlasv1.'],
  matchesStartInRequiredText: true,
  pattern: /\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![\w=-])/dg,
  accept: (match) => withPrefixBefore(match, 14, /^[A-Za-z0-9]{14}$/, /[\w.-]/),
};

/** Alibaba Cloud AccessKey ids: "LTAI" and 12–20 letters and digits. */
export const alibabaAccessKeyIdRule: ProjectRule = {
  id: 'secret-manager/alibaba-access-key-id',
  title: 'Alibaba Cloud AccessKey id',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['LTAI'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])LTAI([A-Za-z0-9]{12,20})(?![\w-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Tencent Cloud SecretIds: "AKID" and 32 base62 characters. */
export const tencentSecretIdRule: ProjectRule = {
  id: 'secret-manager/tencent-secret-id',
  title: 'Tencent Cloud SecretId',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['AKID'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])AKID([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Yandex Cloud API keys ("AQVN" and 35–38 characters) and IAM tokens ("t1.", a header, ".", 86 characters). */
export const yandexCloudKeyRule: ProjectRule = {
  id: 'secret-manager/yandex-cloud-key',
  title: 'Yandex Cloud API key or IAM token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['AQVN', 't1.'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w.-])(?:AQVN([\w-]{35,38})|t1\.[\w-]{20,600}={0,2}\.([\w-]{86})={0,2})(?![\w=.-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
};
