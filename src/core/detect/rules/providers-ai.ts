import { mixesLettersAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62, wholeMatchIfRandomHex } from './credential-match';
import { formatRule } from './format-rule';

/** xAI (Grok) API keys: "xai-" and 80 base62 characters. */
export const xAiKeyRule = formatRule({
  id: 'secret-manager/xai-api-key',
  title: 'xAI API key',
  requiredText: ['xai-'],
  pattern: /(?<![\w-])xai-([A-Za-z0-9]{80})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * Keys of the APIs that copy OpenAI's ("OpenAI-compatible": DeepSeek, Moonshot, DashScope, SiliconFlow,
 * Baichuan, and the relays that resell them): "sk-" and 32 to 64 letters and digits, hex or base62.
 * OpenAI's own keys carry "T3BlbkFJ", which the recommended preset looks for.
 */
export const openAiCompatibleKeyRule = formatRule({
  id: 'secret-manager/openai-compatible-key',
  title: 'OpenAI-compatible API key',
  requiredText: ['sk-'],
  pattern: /(?<![\w-])sk-([A-Za-z0-9]{32,64})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Perplexity API keys: "pplx-" and 48 letters and digits. */
export const perplexityKeyRule = formatRule({
  id: 'secret-manager/perplexity-api-key',
  title: 'Perplexity API key',
  requiredText: ['pplx-'],
  pattern: /(?<![\w-])pplx-([A-Za-z0-9]{48})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** LangSmith personal access tokens (lsv2_pt_) and service keys (lsv2_sk_): 32 hex, "_", 10 hex. */
export const langSmithKeyRule = formatRule({
  id: 'secret-manager/langsmith-api-key',
  title: 'LangSmith API key',
  requiredText: ['lsv2_pt_', 'lsv2_sk_'],
  pattern: /(?<![\w-])lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}(?![\w-])/dg,
});

/** Pinecone API keys: "pcsk_", a short key id, "_", and the secret. */
export const pineconeKeyRule = formatRule({
  id: 'secret-manager/pinecone-api-key',
  title: 'Pinecone API key',
  requiredText: ['pcsk_'],
  pattern: /(?<![\w-])pcsk_[A-Za-z0-9]{4,8}_([A-Za-z0-9]{50,80})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Replicate API tokens: "r8_" and exactly 37 base62 characters (a short prefix: the length and mix decide). */
export const replicateTokenRule = formatRule({
  id: 'secret-manager/replicate-token',
  title: 'Replicate API token',
  requiredText: ['r8_'],
  pattern: /(?<![\w-])r8_([A-Za-z0-9]{37})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Anthropic Admin API keys: "sk-ant-admin01-", 93 URL-safe characters and "AA" (the preset knows only "sk-ant-api03-"). */
export const anthropicAdminKeyRule = formatRule({
  id: 'secret-manager/anthropic-admin-key',
  title: 'Anthropic Admin API key',
  requiredText: ['sk-ant-admin01-'],
  pattern: /(?<![\w-])sk-ant-admin01-([\w-]{93})AA(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** OpenRouter API keys: "sk-or-v1-" and 64 hex. */
export const openRouterKeyRule = formatRule({
  id: 'secret-manager/openrouter-api-key',
  title: 'OpenRouter API key',
  requiredText: ['sk-or-v1-'],
  pattern: /(?<![\w-])sk-or-v1-([0-9a-f]{64})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Hugging Face organization API tokens: "api_org_" and 34 letters of both cases (user tokens, "hf_", are the preset's). */
export const huggingFaceOrganizationTokenRule = formatRule({
  id: 'secret-manager/huggingface-organization-token',
  title: 'Hugging Face organization API token',
  requiredText: ['api_org_'],
  pattern: /(?<![\w-])api_org_([A-Za-z]{34})(?![\w-])/dg,
  accept: (match) => (/[A-Z]/.test(match[1]) && /[a-z]/.test(match[1]) ? wholeMatchIfCredential(match) : undefined),
});

/** Tavily API keys: "tvly-", perhaps "dev-" or "prod-", and 32 letters and digits. */
export const tavilyKeyRule = formatRule({
  id: 'secret-manager/tavily-api-key',
  title: 'Tavily API key',
  requiredText: ['tvly-'],
  pattern: /(?<![\w-])tvly-(?:dev-|prod-)?([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Firecrawl API keys: "fc-" and 32 hex. */
export const firecrawlKeyRule = formatRule({
  id: 'secret-manager/firecrawl-api-key',
  title: 'Firecrawl API key',
  requiredText: ['fc-'],
  pattern: /(?<![\w-])fc-([0-9a-f]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Langfuse secret keys: "sk-lf-" and a UUID (the public key, "pk-lf-", is not secret). */
export const langfuseSecretKeyRule = formatRule({
  id: 'secret-manager/langfuse-secret-key',
  title: 'Langfuse secret key',
  requiredText: ['sk-lf-'],
  pattern: /(?<![\w-])sk-lf-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** E2B API keys: "e2b_" and 40 hex. */
export const e2bKeyRule = formatRule({
  id: 'secret-manager/e2b-api-key',
  title: 'E2B API key',
  requiredText: ['e2b_'],
  pattern: /(?<![\w-])e2b_([0-9a-f]{40})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** ElevenLabs API keys: "sk_" and 48 hex. */
export const elevenLabsKeyRule = formatRule({
  id: 'secret-manager/elevenlabs-api-key',
  title: 'ElevenLabs API key',
  requiredText: ['sk_'],
  pattern: /(?<![\w-])sk_([0-9a-f]{48})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Cerebras API keys ("csk-" and about 48 lower-case letters and digits) and LlamaCloud's ("llx-" and about 48 letters and digits). */
export const inferenceCloudKeyRule = formatRule({
  id: 'secret-manager/inference-cloud-key',
  title: 'Cerebras or LlamaCloud API key',
  requiredText: ['csk-', 'llx-'],
  pattern: /(?<![\w-])(?:csk-([a-z0-9]{40,60})|llx-([A-Za-z0-9]{40,60}))(?![\w-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});
