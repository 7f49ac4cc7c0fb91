import { fake, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-ai', () => {
  it('finds xAI, Perplexity and LangSmith keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/xai-api-key', fake.xAiKey);
    await assertFoundInFiveContexts('secret-manager/perplexity-api-key', fake.perplexityKey);
    for (const kind of ['pt', 'sk']) await assertFoundInFiveContexts('secret-manager/langsmith-api-key', () => fake.langSmithKey(kind));
  });

  it('finds Pinecone keys and Replicate tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/pinecone-api-key', fake.pineconeKey);
    await assertFoundInFiveContexts('secret-manager/replicate-token', fake.replicateToken);
  });

  it('finds Anthropic Admin, OpenRouter and Hugging Face organization keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/anthropic-admin-key', fake.anthropicAdminKey);
    await assertFoundInFiveContexts('secret-manager/openrouter-api-key', fake.openRouterKey);
    await assertFoundInFiveContexts('secret-manager/huggingface-organization-token', fake.huggingFaceOrganizationToken);
  });

  it('finds the keys of OpenAI-compatible APIs (sk- and 32 hex or 48 base62) in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/openai-compatible-key', () => join('sk', '-', randomText(32, '0123456789abcdef')));
    await assertFoundInFiveContexts('secret-manager/openai-compatible-key', () => join('sk', '-', randomText(48)));
  });

  it('finds Tavily, Firecrawl, Langfuse, E2B, ElevenLabs, Cerebras and LlamaCloud keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/tavily-api-key', fake.tavilyKey);
    await assertFoundInFiveContexts('secret-manager/firecrawl-api-key', fake.firecrawlKey);
    await assertFoundInFiveContexts('secret-manager/langfuse-secret-key', fake.langfuseSecretKey);
    await assertFoundInFiveContexts('secret-manager/e2b-api-key', fake.e2bKey);
    await assertFoundInFiveContexts('secret-manager/elevenlabs-api-key', fake.elevenLabsKey);
    await assertFoundInFiveContexts('secret-manager/inference-cloud-key', fake.cerebrasKey);
    await assertFoundInFiveContexts('secret-manager/inference-cloud-key', fake.llamaCloudKey);
  });

  it("leaves their stand-ins and Langfuse's public key alone", async () => {
    await assertNothingFound(`const value = "${join('tv', 'ly-', 'x'.repeat(32))}"; const other = "${join('f', 'c-', '0'.repeat(32))}";\n`);
    await assertNothingFound(`const publicKey = "${join('pk', '-lf-', '1234abcd-aaaa-bbbb-cccc-1234567890ab')}"; const doc = "${join('tv', 'ly-', 'YOUR_API_KEY')}";\n`);
  });

  it('leaves near-misses alone', async () => {
    await assertNothingFound(`const value = "${join('sk', '-', 'x'.repeat(40))}"; const other = "${join('sk', '-', '1234567890abcdef1234567890abcdef')}";\n`);
    await assertNothingFound(`const tooShort = "${join('sk', '-', randomText(20))}"; const words = "${join('sk', '-', 'yourapikeygoeshereyourapikeygoeshere')}";\n`);
    // "r8_" is short: only exactly 37 base62 characters mixing case and digits count.
    await assertNothingFound(`const value = "${join('r', '8_', randomText(30))}"; const other = "${join('r', '8_', randomText(40))}";\n`);
    await assertNothingFound(`const register = "${join('r', '8_', 'abcdefghijklmnopqrstuvwxyzabcdefghijk')}";\n`);
    await assertNothingFound(`const value = "${join('xa', 'i-', 'your-api-key')}"; const model = "${join('xa', 'i-', 'grok-beta')}";\n`);
    await assertNothingFound(`const value = "${join('pp', 'lx-', 'X'.repeat(48))}";\n`);
    await assertNothingFound(`// LangSmith keys look like ${join('lsv2', '_pt_')}<hex>_<hex>.\n`);
    await assertNothingFound(`const value = "${join('sk-or-', 'v1-', '0'.repeat(64))}"; const key = "${join('sk-ant-', 'admin01-', 'your-admin-key')}";\n`);
    await assertNothingFound(`const value = "${join('api_', 'org_', 'abcdefghijklmnopqrstuvwxyzabcdefgh')}";\n`);
  });
});
