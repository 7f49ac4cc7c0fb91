import { groupRange } from '../project-rule';
import { isCredential } from '../value-judgement';
import { mixesCaseAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62, wholeMatchIfRandomHex, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

/** DigitalOcean personal access (dop_v1_), OAuth (doo_v1_) and refresh (dor_v1_) tokens: 64 hex. */
export const digitalOceanTokenRule = formatRule({
  id: 'secret-manager/digitalocean-token',
  title: 'DigitalOcean token',
  requiredText: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  pattern: /\bdo[opr]_v1_[0-9a-f]{64}(?![0-9A-Za-z])/dg,
});

/** Supabase access tokens (sbp_ and 40 hex) and secret API keys (sb_secret_). */
export const supabaseKeyRule = formatRule({
  id: 'secret-manager/supabase-key',
  title: 'Supabase access token or secret key',
  requiredText: ['sbp_', 'sb_secret_'],
  pattern: /\b(?:sbp_(?:v0_)?[0-9a-f]{40}(?![0-9A-Za-z])|sb_secret_[A-Za-z0-9_-]{24,64}(?![\w-]))/dg,
});

/**
 * Terraform Cloud / Enterprise API tokens: 14 characters, ".atlasv1.", and 60 or more. Anchored
 * on ".atlasv1.", the 14 characters checked behind it.
 */
export const terraformCloudTokenRule = formatRule({
  id: 'secret-manager/terraform-cloud-token',
  title: 'Terraform Cloud API token',
  requiredText: ['.atlasv1.'],
  pattern: /\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![\w=-])/dg,
  accept: (match) => withPrefixBefore(match, 14, /^[A-Za-z0-9]{14}$/, /[\w.-]/),
});

/** Alibaba Cloud AccessKey ids: "LTAI" and 12–20 letters and digits. */
export const alibabaAccessKeyIdRule = formatRule({
  id: 'secret-manager/alibaba-access-key-id',
  title: 'Alibaba Cloud AccessKey id',
  requiredText: ['LTAI'],
  pattern: /(?<![\w-])LTAI([A-Za-z0-9]{12,20})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Tencent Cloud SecretIds: "AKID" and 32 base62 characters. */
export const tencentSecretIdRule = formatRule({
  id: 'secret-manager/tencent-secret-id',
  title: 'Tencent Cloud SecretId',
  requiredText: ['AKID'],
  pattern: /(?<![\w-])AKID([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Yandex Cloud API keys ("AQVN" and 35–38 characters) and IAM tokens ("t1.", a header, ".", 86 characters). */
export const yandexCloudKeyRule = formatRule({
  id: 'secret-manager/yandex-cloud-key',
  title: 'Yandex Cloud API key or IAM token',
  requiredText: ['AQVN', 't1.'],
  pattern: /(?<![\w.-])(?:AQVN([\w-]{35,38})|t1\.[\w-]{20,600}={0,2}\.([\w-]{86})={0,2})(?![\w=.-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/** OpenShift OAuth access tokens: `sha256~` and 43 base64url characters. */
export const openShiftTokenRule = formatRule({
  id: 'secret-manager/openshift-token',
  title: 'OpenShift access token',
  // Anchored on "~" (shared with the Entra secret rule, and rare in code), "sha256" checked
  // after: "sha256~" cost the literal scan a pass of its own (11 ms on the bench tree).
  requiredText: ['~'],
  pattern: /(?<=sha256)~[A-Za-z0-9_-]{43}(?![\w-])/dg,
  accept: (match) => withPrefixBefore(match, 6, /^sha256$/, /[\w~-]/),
});

/**
 * Amazon Bedrock API keys. Long-term ones: "ABSK" and the base64 of "BedrockAPIKey-…" (the key's id and
 * secret); short-term ones: "bedrock-api-key-" and the base64 of a presigned bedrock.amazonaws.com URL.
 */
export const bedrockApiKeyRule = formatRule({
  id: 'secret-manager/aws-bedrock-api-key',
  title: 'Amazon Bedrock API key',
  requiredText: ['ABSKQmVkcm9ja0FQSUtleS', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'],
  pattern: /(?<![\w+/-])(?:ABSKQmVkcm9ja0FQSUtleS([A-Za-z0-9+/]{80,300})|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t([A-Za-z0-9+/]{80,4000}))={0,2}(?![\w+/=-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/** Cloudflare Origin CA keys: "v1.0-", 24 hex, "-" and 146 hex. */
export const cloudflareOriginCaKeyRule = formatRule({
  id: 'secret-manager/cloudflare-origin-ca-key',
  title: 'Cloudflare Origin CA key',
  requiredText: ['v1.0-'],
  pattern: /(?<![\w.-])v1\.0-([0-9a-f]{24})-[0-9a-f]{146}(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** ClickHouse Cloud API key secrets: "4b1d" and 38 base62 characters. */
export const clickHouseKeyRule = formatRule({
  id: 'secret-manager/clickhouse-cloud-key',
  title: 'ClickHouse Cloud API key secret',
  requiredText: ['4b1d'],
  pattern: /(?<![\w-])4b1d([A-Za-z0-9]{38})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Blockchain node providers' keys inside their endpoints: Alchemy's (`…alchemy.com/v2/<key>`) and Infura's (`…infura.io/v3/<id>`). */
export const nodeProviderKeyRule = formatRule({
  id: 'secret-manager/node-provider-key',
  title: 'Alchemy or Infura key in an endpoint URL',
  requiredText: ['alchemy.com/v2/', 'alchemyapi.io/v2/', 'infura.io/v3/'],
  pattern: /(?:alchemy\.com|alchemyapi\.io)\/v2\/([\w-]{32})(?![\w-])|infura\.io\/v3\/([0-9a-f]{32})(?![\w-])/dg,
  accept(match) {
    const key = match[1] ?? match[2];
    const random = match[1] !== undefined ? mixesCaseAndDigits(key) : /[a-f]/.test(key) && /[0-9]/.test(key);
    return random && isCredential(key, 'format') ? groupRange(match, match[1] !== undefined ? 1 : 2) : undefined;
  },
});

/** Neon API keys: "napi_" and about 64 lower-case letters and digits. */
export const neonKeyRule = formatRule({
  id: 'secret-manager/neon-api-key',
  title: 'Neon API key',
  requiredText: ['napi_'],
  pattern: /(?<![\w-])napi_([a-z0-9]{60,72})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});
