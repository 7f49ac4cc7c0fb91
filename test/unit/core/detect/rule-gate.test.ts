import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createDetector } from '../../../../src/core/detect/detector';
import type { Finding } from '../../../../src/core/detect/finding';
import { fake, randomText } from './fake-credentials';

// The differential test of preset-rule gating: the gated engine (each preset rule only on files
// that hold its triggers, AWS on the lines that hold a key id) must report exactly what the
// ungated one (the whole preset on every file) reports.

const join = (...parts: string[]): string => parts.join('');
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const hex = (length: number): string => randomText(length, '0123456789abcdef');
const upper = (length: number): string => randomText(length, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');

/** One credential of every format a preset rule (or a project rule) reports, as a line of code or config. */
const CREDENTIAL_LINES: readonly (() => string)[] = [
  () => `const stripe = "${fake.stripeLive()}";`,
  () => `const github = '${fake.githubToken()}';`,
  () => `const awsId = "${fake.awsAccessKeyId()}"; // with ${join('AS', 'IA')}${upper(16)} beside it`,
  () => `AWS_SECRET_ACCESS_KEY = "${randomText(40, `${ALPHANUMERIC}/+`)}"`,
  () => `  "aws_account_id":\n    "${randomText(4, '0123456789')}-${randomText(4, '0123456789')}-${randomText(4, '0123456789')}"`,
  () => `const slack = "${fake.slackBotToken()}";`,
  () => `const hook = "${join('HTTPS://HOOKS.', 'SLACK.COM/services/T', upper(8), '/B', upper(8), '/', randomText(24))}";`,
  () => `const twilio = "${fake.twilioAccountSid()}";`,
  () => `const jwt = "${fake.jsonWebToken()}";`,
  () => `const google = "${fake.googleApiKey()}";`,
  () => `const azure = "DefaultEndpointsProtocol=https;AccountName=store;${join('Account', 'Key=')}${fake.azureAccountKey()};EndpointSuffix=core.windows.net";`,
  () => `const sendgrid = "${fake.sendGridKeyWithDash()}";`,
  () => `const sendgridPlain = "${join('S', 'G.', randomText(22), '.', randomText(43))}";`,
  () => `const mailgun = "${fake.mailgunKey()}";`,
  () => `const telegram = "${fake.telegramBotToken()}";`,
  () => `const discord = "${fake.discordWebhook()}";`,
  () => `const datadog_api_key = "${fake.datadogApiKey()}";`,
  () => `const password = "${fake.password()}";`,
  () => fake.pem('RSA ', 'MIIE'),
  () => fake.pem('EC ', 'MHcC'),
  () => `const npmToken = "${join('np', 'm_', randomText(36))}";`,
  () => `const basic = "${join('https://', 'deploy', ':', randomText(12), '@', 'registry.internal.io')}";`,
  () => `const shopify = "${join('sh', 'pat_', hex(32))}";`,
  () => `const gitlab = "${join('gl', 'pat-', randomText(20))}";`,
  () => `const grafana = "${join('gl', 'sa_', randomText(32), '_', hex(8))}";`,
  () => `const grafanaCloud = "${join('gl', 'c_', randomText(40))}";`,
  () => `const openai = "${join('sk', '-', randomText(20), 'T3Blbk', 'FJ', randomText(20))}";`,
  () => `const anthropic = "${join('sk-', 'ant-', 'api03-', randomText(93, `${ALPHANUMERIC}_-`), 'AA')}";`,
  () => `const groq = "${join('gs', 'k_', randomText(52))}";`,
  () => `const huggingface = "${join('h', 'f_', randomText(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'))}";`,
  () => `const linear = "${join('lin', '_api_', randomText(40))}";`,
  () => `const notion = "${join('nt', 'n_', randomText(11, '0123456789'), randomText(35))}";`,
  () => `const onePassword = "${join('op', 's_', Buffer.from(JSON.stringify({ signInAddress: 'my.1password.com', secret: randomText(120) })).toString('base64url'))}";`,
  () => `const mongo = "${join('MongoDB+srv', '://', 'app', ':', randomText(14), '@cluster0.example.net/db')}";`,
  () => `const postgres = "${join('postgresql', '://', 'app', ':', randomText(14), '@db.internal:5432/app')}";`,
  () => `const vault = "${join('hv', 's.', randomText(95))}";`,
  () => `const vercel = "${join('vc', 'p_', randomText(30))}";`,
  () => `const databricks = "${join('da', 'pi', hex(32))}";`,
  () => `const docker = "${join('dckr', '_pat_', randomText(27))}";`,
  () => `const figma = "${join('fi', 'gd_', randomText(44))}";`,
  () => `const cloudflare = "${join('cf', 'k_', randomText(40), hex(8))}";`,
  () => `const tailscale = "${join('tskey', '-auth-', randomText(12), '-', randomText(30))}";`,
  () => `const cache = "${join('redis://', 'default:', randomText(16), '@cache.internal:6379')}";`,
  () => `const sentry = "${fake.sentryUserToken()}"; const sentryOrg = "${fake.sentryOrgToken()}";`,
  () => `new NewRelic("${fake.newRelicUserKey()}", "${fake.newRelicLicenseKey()}", "${fake.newRelicBrowserKey()}");`,
  () => `new Client("${fake.digitalOceanToken()}", "${fake.supabaseToken()}", "${fake.terraformToken()}");`,
  () => `new Client("${fake.squareAccessToken()}", "${fake.plaidAccessToken()}", "${fake.braintreeToken()}");`,
  () => `new Client("${fake.hubSpotToken()}", "${fake.salesforceAccessToken()}", "${fake.notionLegacyToken()}", "${fake.mandrillKey()}");`,
  () => `const postmark = "${fake.postmarkServerToken()}"; const sparkpost = "${fake.sparkPostKey()}"; const zendesk = "${fake.zendeskToken()}";`,
  () => `post("${fake.teamsWebhook()}"); post("${fake.teamsLegacyWebhook()}"); post("${fake.logicAppTriggerUrl()}");`,
  () => `const azure = { secret: "${fake.entraClientSecret()}", storage: "${fake.azureStorageKey()}", openai: "${fake.azureOpenAiKey()}" };`,
  () => `const headers = { Authorization: "Basic ${fake.basicCredential()}", Other: \`Basic \${btoa("${fake.userAndPassword()}")}\` };`,
  () => `const telegram = "https://api.telegram.org/bot${fake.telegramBotToken()}/sendMessage";`,
  () => `new Registry("${fake.pypiToken()}", "${fake.rubyGemsKey()}", "${fake.clojarsToken()}", "${fake.jfrogApiKey()}", "${fake.jfrogReferenceToken()}");`,
  () => `new Tools("${fake.postmanKey()}", "${fake.readMeKey()}", "${fake.sourcegraphToken()}", "${fake.gitLabToken('glrt-')}", "${fake.gitLabTriggerToken()}");`,
  () => `new Atlassian("${fake.atlassianToken()}", "${fake.bitbucketAppPassword()}", "${fake.pulumiToken()}", "${fake.prefectKey()}", "${fake.infracostKey()}");`,
  () => `new Doppler("${fake.dopplerToken('st.production')}", "${fake.dynatraceToken()}", "${fake.herokuKey()}", "${fake.flyToken()}", "${fake.renderKey()}");`,
  () => `new Hosting("${fake.netlifyToken()}", "${fake.scalingoToken()}", "${fake.planetScaleToken('pw')}", "${fake.alibabaAccessKeyId()}", "${fake.tencentSecretId()}");`,
  () => `new Cloud("${fake.yandexApiKey()}", "${fake.yandexIamToken()}", "${fake.xAiKey()}", "${fake.perplexityKey()}", "${fake.langSmithKey()}");`,
  () => `new Ai("${fake.pineconeKey()}", "${fake.replicateToken()}", "${fake.webhookSigningSecret()}", "${fake.shippoToken()}", "${fake.flutterwaveSecretKey()}");`,
  () => `new Payments("${fake.duffelToken()}", "${fake.easyPostKey()}", "${fake.brevoKey()}", "${fake.mailchimpKey()}", "${fake.resendKey()}");`,
  () => `new Business("${fake.typeformToken()}", "${fake.airtableToken()}", "${fake.contentfulToken()}", "${fake.asanaToken(2)}", "${fake.intercomToken()}");`,
  () => `new Keys("${fake.launchDarklyKey('sdk')}", "${fake.adobeClientSecret()}", "${fake.frameIoToken()}", "${fake.googleOauthClientSecret()}", "${fake.googleRefreshToken()}");`,
  () => `new Google("${fake.googleAccessToken()}", "${fake.firebaseServerKey()}", "${fake.twitterBearerToken()}", "${fake.facebookAccessToken()}");`,
  () => `new Social("${fake.dropboxAccessToken()}", "${fake.mapboxSecretToken()}", "${fake.ageSecretKey()}");`,
];

/** Ordinary code, including text that looks like a trigger but is not a credential (negative controls). */
const ORDINARY_LINES: readonly (() => string)[] = [
  () => `export const requestId = "${crypto.randomUUID()}";`,
  () => `  integrity: "sha512-${randomBytes(64).toString('base64')}",`,
  () => `  const commit = '${hex(40)}';`,
  () => `  expect(snapshot).toMatchInlineSnapshot(\`${randomBytes(48).toString('base64')}\`);`,
  () => `function handle(request: Request, token: CancellationToken): Promise<Response> {`,
  () => `  if (user.password !== undefined) throw new Error("Enter your password");`,
  () => `  return fetch(\`https://api.example.com/v1/items/\${id}\`, { headers: { Accept: "application/json" } });`,
  () => `// The account page links to https://hooks.example.com and mentions sk_live_ keys and AKIA ids.`,
  () => `  const accountId = user.accountId; const secretAccess = policy.secretAccess;`,
  () => `const placeholder = "${join('sk_', 'live_', 'YOUR_KEY_HERE')}";`,
  () => `const example = "${join('AKIA', 'IOSFODNN7EXAMPLE')}";`,
  () => `const url = "postgres://localhost:5432/app";`,
  () => `  const image = "data:image/png;base64,${randomBytes(30).toString('base64')}";`,
  () => `  const path = "${join('sec', 'ret_', 'key_of_the_staging_environment_for_the_app')}"; // "md-button" "Basic auth"`,
  () => `  <div class="${join('col-', 'md-', 'offset-3')}">${join('00', 'D', randomText(12))} ${join('NR', 'AL')} ${join('app.', 'atlas', 'v1.', 'x')}</div>`,
  () => `  const icon = "ico-arrow"; const locale = "en-us"; const date = "2024/1/15"; const header = "api-version"; const path = require("path");`,
  () => `}`,
];

const SUPPRESSIONS: readonly ((line: string) => string)[] = [
  (line) => `${line} // secretlint-disable-line`,
  (line) => `// secretlint-disable-next-line\n${line}`,
  (line) => `/* secretlint-disable */\n${line}\n/* secretlint-enable */`,
  (line) => `${line} // secret-manager-ignore`,
];

function pick<T>(items: readonly T[]): T {
  return items[randomBytes(2).readUInt16BE(0) % items.length];
}

/** A document of ordinary lines with credentials (some suppressed) here and there. */
function document(lineCount: number, credentialEvery: number, newline: string): string {
  const lines: string[] = [];
  for (let index = 0; index < lineCount; index += 1) {
    if (credentialEvery > 0 && index % credentialEvery === credentialEvery - 1) {
      const line = pick(CREDENTIAL_LINES)();
      lines.push(index % (credentialEvery * 5) === credentialEvery - 1 ? pick(SUPPRESSIONS)(line) : line);
    } else {
      lines.push(pick(ORDINARY_LINES)());
    }
  }
  return lines.join(newline);
}

const gated = createDetector({ workspaceRoot: '/workspace' });
const ungated = createDetector({ workspaceRoot: '/workspace' }, { gatePresetRules: false });

async function assertSameFindings(text: string, filePath: string, isExecutorFile = false): Promise<Finding[]> {
  const expected = await ungated.detect({ text, filePath, isExecutorFile });
  const actual = await gated.detect({ text, filePath, isExecutorFile });
  assert.deepEqual(actual, expected, `gating changed the findings of a ${text.length}-character ${filePath}`);
  return expected;
}

describe('core/detect/rule-gate', () => {
  it('finds exactly what the ungated engine finds, credential by credential', async () => {
    const ruleIds = new Set<string>();
    for (const make of CREDENTIAL_LINES) {
      for (const filePath of ['/workspace/src/settings.ts', '/workspace/.env', '/workspace/config/app.yaml']) {
        for (const found of await assertSameFindings(`${pick(ORDINARY_LINES)()}\n${make()}\n${pick(ORDINARY_LINES)()}\n`, filePath)) ruleIds.add(found.ruleId);
      }
    }
    // Not a vacuous comparison: the corpus makes most preset rules report.
    const presetRules = [...ruleIds].filter((id) => id.startsWith('@secretlint/'));
    assert.ok(presetRules.length >= 24, `only ${presetRules.length} preset rules reported: ${presetRules.join(', ')}`);
  });

  it('finds exactly what the ungated engine finds in mixed documents, with LF, CRLF, a BOM and no final newline', async () => {
    let total = 0;
    for (let round = 0; round < 40; round += 1) {
      const newline = round % 3 === 0 ? '\r\n' : '\n';
      let text = document(60 + (round % 7) * 20, 4 + (round % 5), newline);
      if (round % 4 === 1) text = `\uFEFF${text}`;
      if (round % 2 === 0) text += newline;
      total += (await assertSameFindings(text, round % 5 === 0 ? '/workspace/.env' : `/workspace/src/module-${round}.ts`, round % 6 === 0)).length;
    }
    assert.ok(total > 100, `the documents gave only ${total} findings`);
  });

  it('finds exactly what the ungated engine finds in the benchmark generator output', async () => {
    // A plain JavaScript module without types: named by a variable so the type checker leaves it be.
    const fixtures: string = '../../../../bench/detect-fixtures.mjs';
    const { generateTypeScript } = (await import(fixtures)) as { generateTypeScript: (lines: number, every: number, seed: number) => string };
    let total = 0;
    for (let seed = 0; seed < 16; seed += 1) total += (await assertSameFindings(generateTypeScript(400, 40, seed * 7), `/workspace/src/generated-${seed}.ts`)).length;
    assert.ok(total > 50, `the generated files gave only ${total} findings`);
  });

  it('runs AWS on whole files when a secret-access name may reach across lines, and drops account ids in both engines', async () => {
    // Ending in a letter or digit: secretlint's pattern ends in \b, so it misses a key ending in "/" or "+".
    const secretKey = `${randomText(39, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+')}${randomText(1)}`;
    const acrossLines = `const ids = [\n  "${fake.awsAccessKeyId()}",\n];\nconst aws_account_id =\n  "1234-5678-9012";\nconst aws_secret_access_key =\n  "${secretKey}";\n`;
    const findings = await assertSameFindings(acrossLines, '/workspace/src/aws.ts');
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === '@secretlint/secretlint-rule-aws').map((finding) => finding.line),
      [2, 7],
    );
  });

  it('finds exactly what the ungated engine finds when the allowlist turns preset rules off', async () => {
    const options = { workspaceRoot: '/workspace', allowlist: { rules: ['github', 'filter-comments', 'aws'] } };
    const gatedWithout = createDetector(options);
    const ungatedWithout = createDetector(options, { gatePresetRules: false });
    let total = 0;
    for (let round = 0; round < 10; round += 1) {
      const text = document(80, 3, '\n');
      const expected = await ungatedWithout.detect({ text, filePath: `/workspace/src/off-${round}.ts` });
      assert.deepEqual(await gatedWithout.detect({ text, filePath: `/workspace/src/off-${round}.ts` }), expected);
      assert.ok(!expected.some((finding) => /secretlint-rule-(github|aws)$/.test(finding.ruleId)));
      total += expected.length;
    }
    assert.ok(total > 50, `only ${total} findings`);
  });

  it('gives nothing in both engines for ordinary code (negative controls)', async () => {
    for (let round = 0; round < 10; round += 1) {
      const findings = await assertSameFindings(document(200, 0, '\n'), `/workspace/src/plain-${round}.ts`);
      assert.deepEqual(findings, []);
    }
  });

  it('keeps findings of a gcp service-account JSON file, which it runs on by extension', async () => {
    const key = fake.pem('', 'MIIE').replace(/\n/g, '\\n');
    const text = JSON.stringify({ type: 'service_account', private_key_id: hex(40), private_key: key, client_email: 'robot@example.iam.gserviceaccount.com' });
    const findings = await assertSameFindings(text, '/workspace/credentials/service-account.json');
    assert.ok(findings.some((finding) => finding.ruleId === '@secretlint/secretlint-rule-gcp'));
  });
});
