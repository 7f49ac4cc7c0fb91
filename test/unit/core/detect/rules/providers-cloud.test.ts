import assert from 'node:assert/strict';
import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound, detect } from './five-contexts';

describe('core/detect/rules/providers-cloud', () => {
  it('finds DigitalOcean personal, OAuth and refresh tokens in the five contexts', async () => {
    for (const kind of ['p', 'o', 'r'] as const) await assertFoundInFiveContexts('secret-manager/digitalocean-token', () => fake.digitalOceanToken(kind));
  });

  it('finds Supabase access tokens and secret keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/supabase-key', fake.supabaseToken);
    await assertFoundInFiveContexts('secret-manager/supabase-key', fake.supabaseSecretKey);
  });

  it('finds Terraform Cloud tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/terraform-cloud-token', fake.terraformToken);
  });

  it('finds Amazon Bedrock API keys, Cloudflare Origin CA keys and ClickHouse Cloud key secrets in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/aws-bedrock-api-key', fake.bedrockLongTermKey);
    await assertFoundInFiveContexts('secret-manager/aws-bedrock-api-key', fake.bedrockShortTermKey);
    await assertFoundInFiveContexts('secret-manager/cloudflare-origin-ca-key', fake.cloudflareOriginCaKey);
    await assertFoundInFiveContexts('secret-manager/clickhouse-cloud-key', fake.clickHouseKey);
  });

  it("finds Alchemy's and Infura's keys inside their endpoint URLs in the five contexts", async () => {
    const keyOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
    await assertFoundInFiveContexts('secret-manager/node-provider-key', fake.alchemyEndpoint, undefined, keyOf);
    await assertFoundInFiveContexts('secret-manager/node-provider-key', fake.infuraEndpoint, undefined, keyOf);
    await assertNothingFound(`const rpc = "${join('https://eth-mainnet.g.', 'alchemy.com/v2/', 'your-api-key')}"; const ws = "${join('wss://mainnet.', 'infura.io/v3/', 'YOUR_PROJECT_ID')}";\n`);
  });

  it('leaves public Ethereum addresses and Solana program ids alone', async () => {
    await assertNothingFound(`let token = "0x${hex(40)}"; // USDC\n`, '/workspace/tests/cli/erc20.rs');
    await assertNothingFound(`[programs.localnet]\nspl_token = "${randomText(44, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz')}"\n`, '/workspace/tests/custom-coder/Anchor.toml');
  });

  it('leaves near-misses alone', async () => {
    await assertNothingFound(`const value = "${join('do', 'p_v1_', hex(40))}";\n`);
    await assertNothingFound(`const value = "${join('do', 'x_v1_', hex(64))}";\n`);
    await assertNothingFound(`const value = "${join('sb', 'p_', randomText(40, 'ghijklmnopqrstuvwxyz'))}";\n`);
    await assertNothingFound(`const value = "${join('sb_', 'secret_', 'your_key_here_please')}";\n`);
    // The 14 characters before ".atlasv1." are part of the format; a dotted name is not a token.
    await assertNothingFound(`const value = "${join('app.', 'atlas', 'v1.', randomText(67))}";\n`);
    await assertNothingFound(`const value = "${join(randomText(20), '.atlas', 'v1.', randomText(67))}";\n`);
    await assertNothingFound(`const value = "${join(randomText(14), '.atlas', 'v1.', 'short')}";\n`);
  });

  it('reports a GCP service-account key written as one-line JSON with \\n escapes (through the preset)', async () => {
    const json = fake.gcpServiceAccountJson();
    const inJsonFile = await detect(json, '/workspace/credentials/service-account.json');
    assert.ok(inJsonFile.some((finding) => finding.ruleId === '@secretlint/secretlint-rule-gcp'));
    for (const [text, filePath] of [
      [`const credentials = '${json}';\n`, '/workspace/src/google.ts'],
      [`GOOGLE_CREDENTIALS=${json}\n`, '/workspace/.env'],
      [`credentials: '${json}'\n`, '/workspace/config/app.yaml'],
    ]) {
      const findings = await detect(text, filePath);
      assert.ok(findings.some((finding) => finding.ruleId === '@secretlint/secretlint-rule-privatekey'), `${filePath}: ${JSON.stringify(findings)}`);
    }
  });

  it('finds Alibaba, Tencent and Yandex Cloud keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/alibaba-access-key-id', fake.alibabaAccessKeyId);
    await assertFoundInFiveContexts('secret-manager/tencent-secret-id', fake.tencentSecretId);
    await assertFoundInFiveContexts('secret-manager/yandex-cloud-key', fake.yandexApiKey);
    await assertFoundInFiveContexts('secret-manager/yandex-cloud-key', fake.yandexIamToken);
  });

  it('leaves near-misses of the Asian and Russian cloud formats alone', async () => {
    await assertNothingFound(`const value = "${join('LT', 'AI', 'LOREMIPSUMDOLOR')}"; const id = "${join('AK', 'ID', randomText(10))}";\n`);
    await assertNothingFound(`const version = "${join('t', '1.', 'small')}.${randomText(86)}x"; // ${join('AQ', 'VN')} keys\n`);
  });

  it('finds OpenShift access tokens in the five contexts, and not a shorter sha256~ string', async () => {
    await assertFoundInFiveContexts('secret-manager/openshift-token', fake.openShiftToken);
    await assertNothingFound(`const value = "${join('sha256', '~', randomText(20))}";\n`);
    // A hex digest holding "4b1d" is no ClickHouse key: the secret mixes case.
    await assertNothingFound(`const digest = "${join('4b', '1d', hex(38))}";\nconst value = "${join('v1', '.0-', 'x'.repeat(24), '-', hex(146))}";\n`);
    await assertNothingFound(`const value = "${join('AB', 'SK', Buffer.from('not a bedrock key at all, just some text that is long enough to look like one').toString('base64'))}";\n`);
  });

  it('finds Neon API keys in the five contexts, not N-API function names', async () => {
    await assertFoundInFiveContexts('secret-manager/neon-api-key', fake.neonKey);
    await assertNothingFound('napi_status status = napi_create_function(env, NULL, 0, method, NULL, &fn);\n', '/w/src/binding.c');
  });
});
