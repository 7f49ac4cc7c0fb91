import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createDetector, type DetectInput } from '../../../../src/core/detect/detector';
import type { Finding } from '../../../../src/core/detect/finding';
import { encodeJwtPart, fake, hex, randomText, signedJwt } from './fake-credentials';

const detector = createDetector();

async function detect(text: string, filePath = '/workspace/src/config.ts', extra: Partial<DetectInput> = {}): Promise<Finding[]> {
  return detector.detect({ text, filePath, ...extra });
}

/** The findings of `ruleId` whose range covers exactly `credential`. */
function findingsOf(findings: readonly Finding[], text: string, ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId).map((finding) => {
    assert.ok(finding.range[0] >= 0 && finding.range[1] <= text.length);
    return finding;
  });
}

async function assertFinds(text: string, ruleId: string, credential: string, filePath?: string, extra?: Partial<DetectInput>): Promise<Finding> {
  const findings = await detect(text, filePath, extra);
  const matching = findingsOf(findings, text, ruleId);
  assert.equal(matching.length, 1, `expected one ${ruleId} finding, got ${JSON.stringify(findings.map((finding) => finding.ruleId))}`);
  const [finding] = matching;
  assert.equal(text.slice(finding.range[0], finding.range[1]), credential, 'the range covers the credential');
  assert.ok(!finding.message.includes(credential), 'the message never holds the credential');
  return finding;
}

async function assertClean(text: string, filePath?: string, extra?: Partial<DetectInput>): Promise<void> {
  const findings = await detect(text, filePath, extra);
  assert.deepEqual(
    findings.map((finding) => `${finding.ruleId} ${JSON.stringify(text.slice(finding.range[0], finding.range[1]))}`),
    [],
  );
}

describe('core/detect/detector', () => {
  it("keeps a JWT that the file's own key signs below the threshold, whichever rule finds it, and reports one signed elsewhere", async () => {
    const sign = signedJwt;
    // A fixed key: about one random 12-character value in a thousand reads as words or a name.
    const key = 'k-Qw7Zr2Lm9Xv4';
    const claims = { sub: randomText(8), exp: 4102444800 };
    const test = (token: string) => `app.use(jwt({ secret: '${key}', alg: 'HS256' }));\nconst accessToken = '${token}';\nconst header = \`Bearer ${token}\`;\n`;
    const tokensFound = async (text: string, engine = detector) =>
      (await engine.detect({ text, filePath: '/w/src/middleware/jwt-setup.ts' })).filter((finding) => text.slice(finding.range[0], finding.range[1]).startsWith('eyJ'));
    const beside = test(sign(key, claims));
    assert.deepEqual(await tokensFound(beside), []);
    // The key itself, random enough, is still reported.
    assert.ok((await detector.detect({ text: beside, filePath: '/w/src/middleware/jwt-setup.ts' })).some((finding) => beside.slice(finding.range[0], finding.range[1]) === key));
    const lowered = await tokensFound(beside, createDetector({ minimumConfidence: 0.5 }));
    assert.ok(lowered.length >= 2 && lowered.every((finding) => finding.confidence === 0.6), JSON.stringify(lowered.map((finding) => [finding.ruleId, finding.confidence])));
    const elsewhere = await tokensFound(test(sign(randomText(32), claims)));
    assert.ok(elsewhere.some((finding) => finding.ruleId === 'secret-manager/jwt'), 'signed with a key the file does not hold');
  });

  it("keeps a JWT below the threshold when the file gives its HMAC key in hex, and reports one another key signs", async () => {
    const key = hex(32);
    const claims = { sub: randomText(8), exp: 4102444800 };
    const test = (token: string) => `const key = await crypto.subtle.importKey('raw', Buffer.from('${key}', 'hex'), alg, false, ['sign']);\nexpect(await sign(payload, key)).toBe('${token}');\n`;
    const tokensFound = async (text: string) => (await detector.detect({ text, filePath: '/w/src/utils/jwt/jwt.ts' })).filter((finding) => text.slice(finding.range[0], finding.range[1]).startsWith('eyJ'));
    assert.deepEqual(await tokensFound(test(signedJwt(Buffer.from(key, 'hex'), claims))), []);
    assert.equal((await tokensFound(test(signedJwt(Buffer.from(hex(32), 'hex'), claims)))).length, 1);
  });

  it('keeps an RS256 or ES256 JWT that a public key of the same file verifies below the threshold, and reports one it does not', async () => {
    const lowered = createDetector({ minimumConfidence: 0.5 });
    const signWith = (algorithm: 'RS256' | 'ES256', privateKey: KeyObject) => {
      const unsigned = `${encodeJwtPart({ alg: algorithm, typ: 'JWT' })}.${encodeJwtPart({ iss: 'https://tokens-test.auth0.com/', sub: 'auth0|123456789', exp: 1587765361 })}`;
      const signature = sign('sha256', Buffer.from(unsigned), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${unsigned}.${signature.toString('base64url')}`;
    };
    const quoted = (pem: string) => ['"""', pem, '"""'].join('');
    for (const [algorithm, pair] of [['RS256', generateKeyPairSync('rsa', { modulusLength: 2048 })], ['ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' })]] as const) {
      const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const token = signWith(algorithm, pair.privateKey);
      const text = `RSA_PUB_KEY_1_PEM = ${quoted(publicPem)}\n\ntoken = "${token}"\n`;
      const jwts = async (engine: typeof detector) => (await engine.detect({ text, filePath: '/w/tests/authentication/test_token_verifier.py' })).filter((finding) => text.slice(...finding.range).startsWith('eyJ'));
      assert.deepEqual(await jwts(detector), [], algorithm);
      assert.ok((await jwts(lowered)).every((finding) => finding.confidence === 0.6), algorithm);
      const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const elsewhere = `PUB = ${quoted(other)}\ntoken = "${token}"\n`;
      assert.equal((await detector.detect({ text: elsewhere, filePath: '/w/tests/test_token_verifier.py' })).filter((finding) => elsewhere.slice(...finding.range).startsWith('eyJ')).length, 1, `${algorithm} signed by a key the file does not hold`);
    }
  });

  it("keeps an ES256 JWT that a JSON Web Key of the same document verifies below the threshold, as a specification's worked example", async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const unsigned = `${encodeJwtPart({ typ: 'JWT', alg: 'ES256', kid: 'PYYO:TEWU' })}.${encodeJwtPart({ iss: 'auth.docker.com', sub: 'jlhawn', exp: 1415387315 })}`;
    const token = `${unsigned}.${sign('sha256', Buffer.from(unsigned), { key: pair.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    const jwk = JSON.stringify(pair.privateKey.export({ format: 'jwk' }), null, 4);
    const jwtsIn = async (text: string) => (await detector.detect({ text, filePath: '/w/docs/spec/auth/jwt.md' })).filter((finding) => text.slice(...finding.range).startsWith('eyJ'));
    assert.deepEqual(await jwtsIn(`This example signature will use the following ECDSA key:\n\n\`\`\`\n${jwk}\n\`\`\`\n\nThe resulting JWT:\n\n\`\`\`\n${token}\n\`\`\`\n`), []);
    const otherKey = JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }));
    assert.equal((await jwtsIn(`key: ${otherKey}\n\ntoken: ${token}\n`)).length, 1, 'a key that does not verify it');
  });

  it("keeps jwt.io's example token, and tokens signed with the key its page shows, below the threshold", async () => {
    const lowered = createDetector({ minimumConfidence: 0.5 });
    const jwtsIn = async (token: string, engine = detector) =>
      (await engine.detect({ text: `const header = "Bearer ${token}";\nconst token = "${token}";\n`, filePath: '/w/src/auth/client.spec.ts' })).filter((finding) => finding.ruleId.endsWith('jwt') || finding.ruleId.endsWith('bearer-token'));
    const samples = [
      signedJwt('your-256-bit-secret', { sub: '1234567890', name: 'John Doe', iat: 1516239022 }),
      signedJwt(randomText(32), { sub: '1234567890' }),
      signedJwt('your-256-bit-secret', { sub: 'admin' }),
    ];
    for (const sample of samples) {
      assert.deepEqual(await jwtsIn(sample), [], sample);
      assert.ok((await jwtsIn(sample, lowered)).every((finding) => finding.confidence === 0.6));
    }
    assert.ok((await jwtsIn(signedJwt(randomText(32), { sub: randomText(12), iat: 1700000000 }))).length >= 1, 'a token of its own');
  });

  it("keeps a JWT in a test's file that expires decades from now below the threshold, and reports others", async () => {
    const engine = createDetector({ workspaceRoot: '/w' });
    const jwtsIn = async (token: string, filePath: string) =>
      (await engine.detect({ text: `const authorization = "Bearer ${token}";\n`, filePath })).filter((finding) => finding.ruleId.endsWith('jwt') || finding.ruleId.endsWith('bearer-token'));
    const fixtureToken = signedJwt(randomText(32), { id: randomText(15), type: 'auth', exp: 2524604461 });
    assert.deepEqual(await jwtsIn(fixtureToken, '/w/apis/backup_test.go'), [], "a test's own token, valid until 2050");
    assert.deepEqual(await jwtsIn(fixtureToken, '/w/tests/fixtures/session.json'), []);
    assert.equal((await jwtsIn(fixtureToken, '/w/apis/backup.go')).length, 1, 'the same token outside tests');
    const now = Math.floor(Date.now() / 1000);
    const tenYearKey = signedJwt(randomText(32), { iss: 'supabase', role: 'service_role', iat: now - 86_400, exp: now - 86_400 + 10 * 365 * 86_400 });
    assert.equal((await jwtsIn(tenYearKey, '/w/tests/setup.ts')).length, 1, 'a key issued for ten years');
    const recorded = signedJwt(randomText(32), { session_id: randomText(36), exp: now - 86_400 * 300 });
    assert.equal((await jwtsIn(recorded, '/w/tests/cassettes/test_session.yaml')).length, 1, 'a real session recorded in a test');
    // The workspace's own location does not make every file a test's.
    const underTestFolder = createDetector({ workspaceRoot: '/home/me/test/app' });
    assert.equal((await underTestFolder.detect({ text: `const authorization = "Bearer ${fixtureToken}";\n`, filePath: '/home/me/test/app/src/client.ts' })).length, 1);
  });

  describe('the recommended preset, through the engine', () => {
    const cases: [string, () => string, string][] = [
      ['Stripe live secret key', fake.stripeLive, '@secretlint/secretlint-rule-stripe'],
      ['GitHub token', fake.githubToken, '@secretlint/secretlint-rule-github'],
      ['AWS access key id (ID scanning on)', fake.awsAccessKeyId, '@secretlint/secretlint-rule-aws'],
      ['Slack bot token', fake.slackBotToken, '@secretlint/secretlint-rule-slack'],
    ];
    for (const [name, make, ruleId] of cases) {
      it(`finds a ${name} as a certain error`, async () => {
        const credential = make();
        const finding = await assertFinds(`export const value = "${credential}";\n`, ruleId, credential);
        assert.equal(finding.severity, 'error');
        assert.equal(finding.certainty, 'certain');
        assert.equal(finding.line, 1);
        assert.equal(finding.column, 'export const value = "'.length + 1);
      });
    }

    it('does not report the AWS documentation example key', async () => {
      await assertClean('const id = "AKIAIOSFODNN7EXAMPLE";\n');
    });

    it('reports an AWS secret access key at the key itself (secretlint spans the name), and not the documentation key', async () => {
      // Ending in a letter or digit: secretlint's pattern ends in \b, so it misses a key ending in "/" or "+".
      const key = `${randomText(39, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+')}${randomText(1)}`;
      const finding = await assertFinds(`{\n  "secretAccessKey": "${key}",\n}\n`, '@secretlint/secretlint-rule-aws', key, '/w/credentials.json');
      assert.equal(finding.column, '  "secretAccessKey": "'.length + 1);
      await assertClean(`{\n  "secretAccessKey": "${['wJalrXUtnFEMI/', 'K7MDENG+', 'bPxRfiCY'].join('')}EXAMPLEKEY",\n}\n`, '/w/fixture.json');
    });

    it('does not report AWS account ids, which AWS documents as not secret', async () => {
      await assertClean('{ "account": "619812345678", "aws_account_id": "1234-5678-9012" }\n', '/w/response.json');
      await assertClean('const awsAccountId = "619812345678";\n');
    });
  });

  describe('project rules', () => {
    it("Twilio API key SIDs, not account SIDs (an account's name)", async () => {
      const credential = fake.twilioApiKeySid();
      const finding = await assertFinds(`const sid = '${credential}';`, 'secret-manager/twilio-sid', credential);
      assert.equal(finding.severity, 'error');
      await assertClean(`const accountSid = '${fake.twilioAccountSid()}';`);
      await assertClean(`const hash = 'SK${'0'.repeat(31)}';`);
    });

    it('no Azure OpenAI key or Twilio token under a hash\'s name, in JSON or escaped JSON', async () => {
      const digest = fake.twilioAuthToken();
      await assertClean(`{"info":{"name":"openai","summary":"Azure OpenAI client"},"urls":[{"digests":{"md5":"${digest}"},"md5_digest":"${digest}"}]}\n`, '/w/tests/cassettes/pypi.yaml');
      await assertClean(`body: "{\\"twilio\\":{\\"md5\\":\\"${digest}\\"}}"\n`, '/w/tests/cassettes/twilio.yaml');
      await assertFinds(`AZURE_OPENAI_API_KEY = "${digest}"\n`, 'secret-manager/azure-openai-key', digest, '/w/settings.py');
    });

    it('gives lines as an editor counts them in a file whose lines end in a carriage return alone', async () => {
      const key = fake.stripeLive();
      const findings = await createDetector().detect({ text: `<html>\r<body>\r<script>\rconst stripe = "${key}";\r</script>\r`, filePath: '/w/saved/page.html' });
      assert.deepEqual(
        findings.map((finding) => [finding.line, finding.column]),
        [[4, 17]],
      );
    });

    it('a Twilio auth token only in context', async () => {
      const token = fake.twilioAuthToken();
      const finding = await assertFinds(`TWILIO_AUTH_TOKEN=${token}\n`, 'secret-manager/twilio-auth-token', token, '/w/.env');
      assert.equal(finding.certainty, 'heuristic');
      await assertClean(`const checksum = "${token}";\n`);
      // An id with its kind in front (dotenvx's rotation references), beside a token option.
      await assertClean(`dotenvx-ops get dotenvx://rot_${token} --token "$DOTENVX_OPS_TOKEN"\n`, '/w/.github/workflows/ci.yml');
      // An id tagged onto an e-mail address, in a recorded exchange that speaks of an auth token.
      await assertClean(`{"auth_token": null, "email": "drop+${token}+d0@example.com"}\n`, '/w/testdata/example.har');
      // An MD5 further along a line that names an auth token (Evernote's resource URLs).
      await assertClean(`<source-url>en-cache://tokenKey%3D%22AuthToken%3AUser%3A75937676%22+${[hex(8), hex(4), hex(4), hex(4), hex(12)].join('-')}+${token}+https://www.evernote.com/shard/s1/res/1</source-url>\n`, '/w/tests/note.enex');
      await assertFinds(`curl -H "X-Auth-Token: ${token}" https://$HOST/api/v1/actions\n`, 'secret-manager/twilio-auth-token', token, '/w/docs/api.yaml');
      await assertFinds(`{\n  "twilio": {\n    "accountSid": "x",\n    "authToken": "${token}"\n  }\n}\n`, 'secret-manager/twilio-auth-token', token, '/w/config/default.json');
    });

    it('JSON Web Tokens, not a lone header', async () => {
      const token = fake.jsonWebToken();
      await assertFinds(`fetch(url, { headers: { cookie: "session=${token}" } });`, 'secret-manager/jwt', token);
      await assertClean(`const header = "eyJhbGciOiJIUzI1NiJ9";`);
    });

    it('JSON Web Tokens made to be published (Supabase anon and local-demo keys) are not reported; a service-role key is', async () => {
      const segment = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
      const token = (claims: object) => [segment({ alg: 'HS256', typ: 'JWT' }), segment(claims), randomText(43, `${'abcdefghijklmnopqrstuvwxyz'}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-`)].join('.');
      await assertClean(`NEXT_PUBLIC_SUPABASE_ANON_KEY="${token({ iss: 'supabase', ref: randomText(20), role: 'anon', iat: 1700000000 })}"\n`, '/w/.env.local');
      await assertClean(`SUPABASE_SERVICE_ROLE_KEY="${token({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })}"\n`, '/w/.env.local');
      const serviceRole = token({ iss: 'supabase', ref: randomText(20), role: 'service_role', iat: 1700000000 });
      await assertFinds(`SUPABASE_SERVICE_ROLE_KEY="${serviceRole}"\n`, 'secret-manager/jwt', serviceRole, '/w/.env.local');
    });

    it('a JSON Web Token that only signs data (no subject, scope or expiry) is not reported; one with a user in it is', async () => {
      const segment = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
      const token = (claims: object) => [segment({ alg: 'HS256' }), segment(claims), randomText(43, `${'abcdefghijklmnopqrstuvwxyz'}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-`)].join('.');
      const shippingRate = token({ title: 'UPS Ground', code: '3', source: 'ups', price: '12.25', currency: 'USD', group_id: null });
      await assertClean(`{"shipping_line": {"handle": "${shippingRate}", "price": "12.25"}}\n`, '/w/fixtures/order.json');
      await assertClean(`"shipping_line" => {"title" => "UPS Ground", "handle" => "${shippingRate}"}\n`, '/w/test/rest/draft_order_test.rb');
      for (const claims of [{ user_id: 42, title: 'x' }, { exp: 1983812996 }, { 'cognito:groups': ['a'] }, { orgId: 'acme' }]) {
        const session = token(claims);
        await assertFinds(`{"handle": "${session}"}\n`, 'secret-manager/jwt', session, '/w/fixtures/order.json');
      }
      // Alone or under a credential's name, a detector's test token, whatever it signs.
      const message = token({ msg: 'hello' });
      await assertFinds(`input: \`\n    ${message}\n\``, 'secret-manager/jwt', message, '/w/pkg/detectors/jwt/jwt_test.go');
      await assertFinds(`curl -H "Authorization:${message}" https://api.local\n`, 'secret-manager/jwt', message, '/w/rules/curl.go');
      await assertFinds(`{"access_token": "${message}"}\n`, 'secret-manager/jwt', message, '/w/fixtures/token.json');
    });

    it('Google API keys', async () => {
      const key = fake.googleApiKey();
      await assertFinds(`const maps = { key: "${key}" };`, 'secret-manager/google-api-key', key);
      await assertClean(`const prefix = "AIza";`);
    });

    it('Azure storage connection strings (the key part), not the public Azurite key', async () => {
      const key = fake.azureAccountKey();
      const text = `const connection = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${key};EndpointSuffix=core.windows.net";`;
      const finding = await assertFinds(text, 'secret-manager/azure-connection-string', key);
      assert.equal(finding.severity, 'error');
      const azurite = ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', '/K1SZFPTOtr/KBHBeksoGMGw=='].join('');
      await assertClean(`const local = "AccountName=devstoreaccount1;AccountKey=${azurite}";`);
    });

    it('SEC1 EC and PKCS#8 Ed25519 private keys the preset misses; not a header with no body', async () => {
      for (const [label, bodyStart] of [
        ['EC ', 'MHcCAQEE'],
        ['', 'MC4CAQAwBQYDK2VwBCIEI'],
      ]) {
        const pem = fake.pem(label, bodyStart);
        await assertFinds(`${pem}\n`, 'secret-manager/private-key', pem, '/w/key.pem');
      }
      // OpenSSH keys: the preset reports them, and the project rule then stays out of the way.
      const openSsh = fake.pem('OPENSSH ', 'b3BlbnNzaC1rZXktdjEAAAAA');
      assert.deepEqual((await detect(openSsh, '/w/id_ed25519')).map((finding) => finding.ruleId), ['@secretlint/secretlint-rule-privatekey']);
      await assertClean('const marker = "-----BEGIN EC PRIVATE KEY-----";\nconst end = "-----END EC PRIVATE KEY-----";\n');
    });

    it('a PEM key commented out line by line, in a YAML fixture or a script', async () => {
      const pem = fake.pem('RSA ', 'MIIEowIBAAKCAQEA');
      const commented = pem.split('\n').map((line) => `#    ${line}`).join('\n');
      const findings = await detect(`spec:\n  tls:\n${commented}\n`, '/w/fixtures/ingress.yml');
      assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/private-key']);
      assert.equal(findings[0].line, 3);
      await assertClean(`# -----BEGIN RSA PRIVATE KEY-----\n# (paste your key here)\n# -----END RSA PRIVATE KEY-----\n`, '/w/README.md');
    });

    it('a PEM key written with \\n escapes inside a string', async () => {
      const pem = fake.pem('EC ', 'MHcCAQEE').replace(/\n/g, '\\n');
      await assertFinds(`const key = "${pem}";`, 'secret-manager/private-key', pem);
    });

    it('SendGrid keys containing "-"', async () => {
      const key = fake.sendGridKeyWithDash();
      await assertFinds(`SENDGRID=${key}\n`, 'secret-manager/sendgrid-api-key', key, '/w/.env');
    });

    it('Mailgun keys', async () => {
      const key = fake.mailgunKey();
      await assertFinds(`const mailgun = "${key}";`, 'secret-manager/mailgun-api-key', key);
      await assertClean(`const css = "monkey-patch key-value";`);
      // A Notion page's slug ends in its id, after words joined by dashes.
      await assertClean(`[How to generate an API key](https://acme.notion.site/How-do-I-generate-an-API-${key})\n`, '/w/docs/acme.mdx');
    });

    it('Telegram bot tokens', async () => {
      const token = fake.telegramBotToken();
      await assertFinds(`bot: '${token}',`, 'secret-manager/telegram-bot-token', token);
    });

    it('Discord webhooks', async () => {
      const url = fake.discordWebhook();
      await assertFinds(`const hook = "${url}";`, 'secret-manager/discord-webhook', url);
      await assertClean(`const docs = "https://discord.com/developers/docs";`);
    });

    it('Datadog keys in context, not a bare hex string', async () => {
      const apiKey = fake.datadogApiKey();
      const applicationKey = fake.datadogApplicationKey();
      await assertFinds(`DD_API_KEY=${apiKey}\n`, 'secret-manager/datadog-key', apiKey, '/w/.env');
      await assertFinds(`const datadog = { appKey: "${applicationKey}" };`, 'secret-manager/datadog-key', applicationKey);
      await assertClean(`const commit = "${applicationKey}";`);
      await assertClean(`      - uses: DataDog/synthetics-ci-github-action@${applicationKey} # v1.4.0\n`, '/w/.github/workflows/datadog.yml');
      await assertClean(`See [the README](https://github.com/helm/charts/blob/${applicationKey}/datadog/datadog/README.md).\n`, '/w/charts/datadog/README.md');
    });

    it('passwords in database and broker URLs', async () => {
      for (const scheme of ['redis', 'amqp', 'mariadb', 'rediss', 'mqtt', 'ldaps', 'smtp', 'nats']) {
        const password = randomText(16);
        await assertFinds(`const url = "${scheme}://app:${password}@broker.internal:5672/";`, 'secret-manager/database-url-password', password);
      }
      const password = randomText(16);
      const text = `DATABASE_URL=postgres://app:${password}@db.internal:5432/app\n`;
      const findings = await detect(text, '/w/.env');
      assert.equal(findings.length, 1);
      assert.ok(text.slice(findings[0].range[0], findings[0].range[1]).includes(password));
      assert.ok(!findings[0].message.includes(password));
    });

    it('database URLs with placeholder or development passwords are clean', async () => {
      await assertClean('const a = "postgres://postgres:postgres@localhost:5432/app";');
      await assertClean('const b = "redis://user:${REDIS_PASSWORD}@cache:6379";');
      await assertClean('const c = "amqp://guest:guest@localhost:5672";');
      await assertClean('const d = "mysql://root:<password>@db/app";');
    });
  });

  describe('credentials assigned to well-named fields', () => {
    const shapes: [string, (value: string) => string, string?][] = [
      ['a const', (value) => `const password = "${value}";`],
      ['an object property', (value) => `const config = { clientSecret: '${value}' };`],
      ['an assignment', (value) => `settings.accessToken = \`${value}\`;`],
      ['a typed variable', (value) => `let apiKey: string = "${value}";`],
      ['a .env line', (value) => `DB_PASSWORD=${value}\n`, '/w/.env.local'],
      ['a YAML key', (value) => `database:\n  password: ${value}\n`, '/w/config.yaml'],
      ['a JSON key', (value) => `{ "api_key": "${value}" }`, '/w/settings.json'],
      ['a private_key field', (value) => `private_key = "${value}"`, '/w/config.toml'],
    ];
    for (const [name, write, filePath] of shapes) {
      it(`in ${name}: a heuristic warning`, async () => {
        const value = fake.password();
        const finding = await assertFinds(write(value), 'secret-manager/credential-field', value, filePath);
        assert.equal(finding.severity, 'warning');
        assert.equal(finding.certainty, 'heuristic');
      });
    }

    const placeholders = ['YOUR_API_KEY', '<your-token>', 'xxxxxxxxxxxx', 'REPLACE_ME', 'changeme', '${API_TOKEN}', 'your_password_here', '************', 'hunter22', 'aaaaaaaaaaaaaa', 'STRIPE_SECRET_KEY', 'sk_test_123', 'pk_test_4242'];
    for (const placeholder of placeholders) {
      it(`not for the placeholder ${placeholder}`, async () => {
        await assertClean(`const password = "${placeholder}";\nAPI_KEY=${placeholder}\n`, '/w/.env');
        await assertClean(`const apiKey = "${placeholder}";`);
      });
    }

    it('not in translation files, where credential-named fields hold words; provider formats still are', async () => {
      await assertClean('[auth]\npassword=Passwort123Feld\nold_password=AltesPasswort9\n', '/w/conf/locale/locale_de-DE.ini');
      await assertClean(`en:\n  new_api_key: "Create API key ${randomText(6)}"\n  token: TokenLabel${randomText(8)}\n`, '/w/config/locales/en.yml');
      const token = fake.githubToken();
      await assertFinds(`en:\n  pasted: "${token}"\n`, '@secretlint/secretlint-rule-github', token, '/w/config/locales/en.yml');
    });

    it('not for a credential word inside a colon-joined name such as a URN; a scoped name still counts', async () => {
      await assertClean('spec:\n  secret:\n    - urn:k8s:secret:name:key1\n', '/w/plugin.yml');
      const value = fake.password();
      await assertFinds(`Config::TOKEN = "${value}"\n`, 'secret-manager/credential-field', value, '/w/config.rb');
    });

    it('hides a short value of few kinds of character (0.6) by default, not a short password in a connection string', async () => {
      const short = 'kq7zm2xw';
      await assertClean(`const password = "${short}";\n`);
      const lowered = await createDetector({ minimumConfidence: 0.5 }).detect({ text: `const password = "${short}";\n`, filePath: '/w/src/settings.ts' });
      assert.deepEqual(lowered.map((finding) => [finding.ruleId, finding.confidence]), [['secret-manager/credential-field', 0.6]]);
      const url = `postgres://app:${short}@db.internal:5432/app`;
      const findings = await detect(`DATABASE_URL=${url}\n`, '/w/.env');
      assert.equal(findings.length, 1);
      assert.ok(findings[0].confidence >= 0.7, String(findings[0].confidence));
    });

    it('not under a comment that says to replace the values, nor in an OpenAPI document written in JSON', async () => {
      const value = randomText(36);
      await assertClean(`## Replace with your own key from Resend.\n## If it is set, users must confirm their e-mail.\n#RESEND_API_KEY="${value}"\n`, '/w/.env.example');
      await assertFinds(`    # A dummy access token\n    ACCESS_TOKEN = "${value}"\n`, 'secret-manager/credential-field', value, '/w/tests/test_mail.py');
      await assertClean(`# Instructions: https://certbot-dns-acme.example\n# Replace with your values\ndns_acme_client_id = 42\ndns_acme_api_token = ${value}\n`, '/w/dns-conf/acme.ini');
      await assertFinds(`# a dummy value\nPORT=3000\n\nRESEND_API_KEY="${value}"\n`, 'secret-manager/credential-field', value, '/w/.env');
      await assertFinds(`## Resend, for the e-mails.\nRESEND_API_KEY="${value}"\n`, 'secret-manager/credential-field', value, '/w/.env.example');
      // Commented-out values under `# Examples:` in a configuration template show a form; a live value under it is still read.
      await assertClean(`# SECRET_KEY_BASE - String (default: none)\n#\n# Examples:\n#\n#   SECRET_KEY_BASE: '${value}'\n`, '/w/config/general.yml-example');
      await assertFinds(`# Examples:\nSECRET_KEY_BASE: '${value}'\n`, 'secret-manager/credential-field', value, '/w/config/general.yml');
      await assertClean(`{\n  "openapi": "3.0.3",\n  "paths": { "/token": { "example": { "access_token": "${value}" } } }\n}\n`, '/w/swagger/swagger.json');
    });

    it('in a recorded HTTP exchange, where a header lists its value on the next line', async () => {
      const value = randomText(36);
      await assertFinds(`    headers:\n      X-Agentops-Api-Key:\n      - ${value}\n`, 'secret-manager/credential-field', value, '/w/tests/cassettes/crew.yaml');
      await assertClean(`      Content-Type:\n      - application/json\n`, '/w/tests/cassettes/crew.yaml');
    });

    it("not for Supabase's shared local-development keys under a key's name", async () => {
      const encode = encodeJwtPart;
      const token = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })}.${randomText(43)}`;
      await assertClean(`curl -sf http://localhost:8000/rest/v1/ -H "apikey: ${token}"\n`, '/w/.github/workflows/supabase.yml');
    });

    it('not for a digest stored as a password beside its salt', async () => {
      const digest = randomText(40, '0123456789abcdef');
      await assertClean(`<users user_id="506" username="correct" password="${digest}" salt="${randomText(40, '0123456789abcdef')}" />\n`, '/w/test/resources/users.xml');
      await assertFinds(`<users user_id="506" username="correct" password="${digest}" />\n`, 'secret-manager/credential-field', digest, '/w/test/resources/users.xml');
    });

    it('not for pagination tokens, nor a lookup in os.environ', async () => {
      const value = randomText(40, 'abcdefghijklmnopqrstuvwxyz0123456789');
      await assertClean(`{"meta":{"next_token":"${value}","previous_token":"${value}"}}\n`, '/w/cassettes/timeline.json');
      await assertClean(`{"LockToken": "${value}", "nextForwardToken": "${value}", "PolicyUpdateToken": "${value}"}\n`, '/w/examples/logs.rst');
      await assertClean(`{"ClientToken": "${value}", "nextSequenceToken": "${value}", "ChangeToken": "${value}"}\n`, '/w/examples/ec2.rst');
      await assertFinds(`{"client_token": "${value}"}\n`, 'secret-manager/credential-field', value, '/w/fixtures/vault-login.json');
      await assertClean(`python -c 'print({"password": os.environ["PASSWORD"], "api_key": os.environ["API_KEY"]})'\n`, '/w/scripts/seed.sh');
    });

    it('in Rust constants, Go variables with their type, and keys in brackets', async () => {
      const value = fake.password();
      await assertFinds(`pub const NOT_ADMIN_TEST_PASSWORD: &str = "${value}";\n`, 'secret-manager/credential-field', value, '/w/src/lib.rs');
      await assertFinds(`static UNIVERSAL_PW: &'static str = "${value}";\n`, 'secret-manager/credential-field', value, '/w/src/lib.rs');
      await assertFinds(`var apiToken string = "${value}"\n`, 'secret-manager/credential-field', value, '/w/config.go');
      await assertFinds(`os.environ["API_TOKEN"] = "${value}"\n`, 'secret-manager/credential-field', value, '/w/conftest.py');
      await assertClean(`var tokenizer string = "${value}"\nos.environ["TOKEN_URL"] = "${value}"\n`, '/w/config.go');
    });

    it('in a chained assignment, where the first name takes another name', async () => {
      const value = fake.password();
      await assertFinds(`client.client_secret = secret = '${value}'\n`, 'secret-manager/credential-field', value, '/w/spec/client_spec.rb');
    });

    it('not for a URI whose scheme reads like a credential name; a value of 3,000 characters is still one', async () => {
      await assertClean('apn:\n  keyId: secret://apn.keyId\n', '/w/config/sample.yml');
      const value = randomText(3000);
      await assertFinds(`zkConfig-libsignal-0.42.serverSecret: ${value}\n`, 'secret-manager/credential-field', value, '/w/config/secrets.yml');
    });

    it("not in an OpenAPI document's examples, nor under Ruff's noqa for a hard-coded password", async () => {
      const value = fake.password();
      await assertClean(`openapi: 3.0.3\ninfo:\n  title: OAuth\ncomponents:\n  examples:\n    token:\n      value:\n        mfa_token: ${value}\n`, '/w/oas-spec/oauth.yaml');
      const preamble = '# A Swagger 2.0 definition of the Engine API.\n#\n'.repeat(12);
      await assertClean(`${preamble}swagger: "2.0"\ndefinitions:\n  JoinTokens:\n    example:\n      Worker: x\n      JoinToken: ${value}\n`, '/w/api/swagger.yaml');
      await assertFinds(`service: oauth\nauth:\n  mfa_token: ${value}\n`, 'secret-manager/credential-field', value, '/w/config/oauth.yaml');
      await assertClean(`user = create_user(password="${value}")  # noqa: S106\n`, '/w/users/tests/test_managers.py');
    });

    it('not for a YAML tag such as !env_var; a Rails or Phoenix secret_key_base is one', async () => {
      await assertClean('api_key: !env_var SONARR_API_KEY\n', '/w/recyclarr.yml');
      const value = randomText(64);
      await assertFinds(`SECRET_KEY_BASE=${value}\n`, 'secret-manager/credential-field', value, '/w/.env');
      await assertFinds(`      SECRET_KEY_BASE: \${SECRET_KEY_BASE:-${value}}\n`, 'secret-manager/credential-field', value, '/w/compose.example.yml');
    });

    it('not under a name that says the value is not a real one', async () => {
      const value = fake.password();
      await assertClean(`const FAKE_API_KEY = "${value}";\nconst dummyPassword = "${value}";\n@bogus_token = "${value}"\n`);
      await assertClean(`EXAMPLE_PASSWORD=${value}\n`, '/w/.env');
      await assertFinds(`const API_KEY = "${value}";\n`, 'secret-manager/credential-field', value);
    });

    it('not for the search-only key of Algolia DocSearch, beside its appId and indexName', async () => {
      const key = hex(32);
      await assertClean(`search: { provider: 'algolia', options: { appId: '2EQKL1O1UU', apiKey: '${key}', indexName: 'docs' } },\n`, '/w/docs/.vitepress/config.mts');
      await assertFinds(`const client = { appId: 'A1B2C3', apiKey: '${key}' };\n`, 'secret-manager/credential-field', key);
      // DocSearch's own settings, in a built page and in GitBook's book.json.
      await assertClean(`var search = docsearch({\n  apiKey: '${key}',\n  indexName: 'textlint',\n  inputSelector: '#search_input_react'\n});\n`, '/w/docs/help.html');
      await assertClean(`{ "docSearch": { "apiKey": "${key}", "index": "primer" } }\n`, '/w/book.json');
      await assertFinds(`{ "search": { "apiKey": "${key}", "index": "primer" } }\n`, 'secret-manager/credential-field', key, '/w/book.json');
    });

    it("not for a token that names a cart, a checkout, a page, a form or a device, nor a resource's id in a URL path", async () => {
      const value = randomText(32, 'abcdefghijklmnopqrstuvwxyz0123456789');
      await assertClean(`{"cart_token": "${value}", "checkout_token": "${value}", "unique_token": "${value}"}\n`, '/w/fixtures/order.json');
      // A payment gateway's references to a stored card, a customer or a gateway, and its object ids under any name.
      await assertClean(`{ "paymentToken": "${value}", "credit_card_token": "${value}", "customer_token": "${value}", "gateway_token": "${value}" }\n`, '/w/test/unit/gateways/priority_test.rb');
      await assertClean(`token = 'cus_${randomText(14)}'\n@token = 'card_${randomText(24)}'\n`, '/w/test/unit/gateways/pin_test.rb');
      await assertFinds(`{ "access_token": "${value}" }\n`, 'secret-manager/credential-field', value, '/w/test/unit/gateways/priority_test.rb');
      // Square's optimistic-concurrency token names a version of a record.
      await assertClean(`{ version_token: "${value}", concurrencyToken: "${value}" }\n`, '/w/src/handAuthored/square.ts');
      // AWS's idempotency token, and a DNS TXT record's verification token (AWS SES, a custom domain's).
      await assertClean(`{ "CreationToken": "${value}", "VerificationToken": "${value}" }\n`, '/w/moto/ses/models.py');
      await assertClean(`const page = { nextPageToken: "${value}" };\nrequest.cookies = {'csrf_token': '${value}'}\ncheckout.token = "${value}";\n`);
      await assertClean(`const installation = { deviceToken: '${value}' };\nconst push = { fcm_token: "${value}" };\n`, '/w/spec/installation.spec.js');
      await assertClean(`{ "headers": { "Postman-Token": "${value}" } }\n`, '/w/test/resources/event.json');
      const digest = randomText(64, '0123456789abcdef');
      await assertClean(`{"secret": "${digest}", "context": "FROM python:3.9.7-alpine@sha256:${digest}"}\n`, '/w/unittests/scans/report.json');
      const commit = randomText(40, '0123456789abcdef');
      await assertClean(`{"diff": "+        commit_w_secret = '${commit}'", "printDiff": "secret = '${commit}'"}\n`, '/w/unittests/scans/trufflehog.json');
      const record = `{"checkout": {"id": 450789469, "token": "${value}", "web_url": "https://shop.local/548380009/checkouts/${value}/thank_you"}}`;
      await assertClean(`queueMockResponse(JSON.stringify(${record}));\nawait Checkout.find({ token: "${value}" });\n`, '/w/rest/__tests__/checkout.test.ts');
      await assertFinds(`{"token": "${value}", "callback": "https://hooks.local/callback?token=${value}"}\n`, 'secret-manager/credential-field', value, '/w/fixtures/order.json');
      await assertFinds(`{"access_token": "${value}", "web_url": "https://shop.local/checkouts/${randomText(32, 'abcdef0123456789')}"}\n`, 'secret-manager/credential-field', value, '/w/fixtures/order.json');
      await assertFinds(`const session = { accessToken: "${value}" };\n`, 'secret-manager/credential-field', value);
      await assertClean(`{"cart": {"id": "${value}", "token": "${value}"}}\n#   "RequestToken": "${value}",\n`, '/w/webhook-sources/shopify.json');
    });

    it("not for a Kubernetes annotation's checksum of a secret", async () => {
      const digest = randomText(64, '0123456789abcdef');
      await assertClean(`      annotations:\n        checksum/secret: ${digest}\n`, '/w/examples/rendered/deployment.yaml');
      await assertFinds(`      stringData:\n        secret: ${digest}\n`, 'secret-manager/credential-field', digest, '/w/examples/rendered/secret.yaml');
    });

    it("in PowerShell's $env: assignments, not in a colon-joined name", async () => {
      const value = fake.password();
      await assertFinds(`> $env:FLASK_SECRET_KEY = "${value}"\n`, 'secret-manager/credential-field', value, '/w/docs/config.rst');
      await assertClean(`ref: urn:k8s:secret:name:token: "${value}"\n`, '/w/docs/config.rst');
    });

    it('in an option list, only up to the next ",name="', async () => {
      const value = fake.password().replace(/[,;&]/g, '');
      await assertFinds(`; session: network=tcp,addr=:6379,password=${value},db=0,pool_size=100\n`, 'secret-manager/credential-field', value, '/w/conf/app.ini');
    });

    it('in a form or query string, only up to the next "&name="', async () => {
      const value = fake.password().replace(/&/g, '');
      const finding = await assertFinds(`body: grant_type=refresh_token&refresh_token=${value}&scope=openid+profile+email\n`, 'secret-manager/credential-field', value, '/w/cassette.yaml');
      assert.equal(finding.severity, 'warning');
      await assertClean('body: grant_type=refresh_token&refresh_token=refresh&scope=openid+profile+email+offline_access\n', '/w/cassette.yaml');
    });

    it('not for names that merely contain a credential word, nor for code expressions', async () => {
      const value = fake.password();
      await assertClean(`const passwordLabel = "${value}";\nconst tokenizer = "${value}";\nconst secretName = "${value}";`);
      await assertClean('const password = process.env.DB_PASSWORD;\nconst token = getToken();\nif (password === "x") {}');
      await assertClean('interface Login { password: string; token?: Token }');
      await assertClean(`const apiKey = process.env.API_KEY ?? "";\nconst passwordPrompt = "Enter your password";`);
      // Secret references name secrets: `secretKey` holds a name there, not a credential.
      await assertClean('clientSecret: { vaultName: "auth-secrets", secretKey: "google-client-secret" },');
      await assertClean('const token = "accessToken";\nconst password_field = "user_password";');
    });
  });

  describe('literals in executor webhook headers', () => {
    const executor = (headers: string) =>
      `export default createExecutor({\n  operation: {\n    kind: "webhook",\n    headers: { ${headers} },\n  },\n});\n`;

    it('reports Authorization, *-API-Key and *-Token literals in executor files', async () => {
      const bearer = randomText(24);
      const apiKey = randomText(20);
      const token = randomText(20);
      const text = executor(`Authorization: "Bearer ${bearer}", "X-API-Key": '${apiKey}', "X-Auth-Token": \`${token}\``);
      const findings = await detect(text, '/w/executors/notify.ts', { isExecutorFile: true });
      const headerFindings = findings.filter((finding) => finding.ruleId === 'secret-manager/executor-header-literal');
      assert.deepEqual(
        headerFindings.map((finding) => text.slice(finding.range[0], finding.range[1])),
        [bearer, apiKey, token],
      );
      assert.ok(headerFindings.every((finding) => finding.severity === 'warning' && finding.certainty === 'heuristic'));
    });

    it('is off outside executor files', async () => {
      const text = executor(`Authorization: "Bearer ${randomText(24)}"`);
      const findings = await detect(text, '/w/src/client.ts', { isExecutorFile: false });
      assert.equal(findings.filter((finding) => finding.ruleId === 'secret-manager/executor-header-literal').length, 0);
    });

    it('accepts references and placeholders', async () => {
      const text = executor(
        'Authorization: { vault: "api-keys", key: "slack-token" }, "X-API-Key": "${process.env.KEY}", "X-Request-Token": "<token>", Accept: "application/json"',
      );
      await assertClean(text, '/w/executors/notify.ts', { isExecutorFile: true });
      await assertClean(executor('Authorization: `Bearer ${token}`'), '/w/executors/a.ts', { isExecutorFile: true });
    });

    it('accepts {{secret.vault.key}} templates, the form of Tailor\'s Shopify guide, in any credential header', async () => {
      const text = executor(
        [
          '"X-Shopify-Access-Token": "{{secret.shopify-vault.shopify-key}}"',
          'Authorization: "Bearer {{ secret.api-keys.stripe-secret-key }}"',
          '"X-API-Key": `{{secret.api-keys.partner-api-key}}`',
          '"X-Auth-Token": \'{{secret.api-keys.x-auth-token}}\'',
        ].join(', '),
      );
      await assertClean(text, '/w/executors/shopify-sync.ts', { isExecutorFile: true });
      // The same headers with a literal in place of one template are reported: the rule is on for this file.
      const leaked = text.replace('{{secret.shopify-vault.shopify-key}}', randomText(40));
      assert.ok((await detect(leaked, '/w/executors/shopify-sync.ts', { isExecutorFile: true })).length > 0);
      // Nor do the credential-field rules take one for a password in any file.
      await assertClean('const apiKey = "{{secret.api-keys.partner-api-key}}";\nexport const db = { password: "{{ secret.database.password }}" };\n', '/w/src/settings.ts');
    });
  });

  describe('findings', () => {
    it('in a file that starts with a byte-order mark: ranges into the text given, lines and columns as an editor shows them', async () => {
      const token = fake.githubToken();
      const password = fake.password();
      const text = `\ufeffconst token = "${token}";\nconst password = "${password}";\n`;
      const findings = await detect(text, '/w/src/settings.ts');
      assert.deepEqual(findings.map((finding) => text.slice(...finding.range)), [token, password]);
      assert.deepEqual(findings.map((finding) => [finding.line, finding.column]), [[1, 16], [2, 19]]);
    });

    it('never carry the credential: a canary stays out of every message and field', async () => {
      const canary = `CANARY${randomText(20)}`;
      const text = [
        `const password = "${canary}";`,
        `const url = "redis://app:${canary}@cache:6379";`,
        `DB_PASSWORD=${canary}`,
      ].join('\n');
      const findings = await detect(text, '/w/.env');
      assert.ok(findings.length >= 2);
      const serialized = JSON.stringify(findings);
      assert.ok(!serialized.includes(canary), serialized);
      assert.ok(!serialized.includes(canary.slice(0, 12)));
    });

    it('give 1-based line and column and a masked preview of the length', async () => {
      const credential = fake.githubToken();
      const text = `// header\n\n  token("${credential}")\n`;
      const [finding] = await detect(text);
      assert.equal(finding.line, 3);
      assert.equal(finding.column, '  token("'.length + 1);
      assert.match(finding.message, new RegExp(`${credential.slice(0, 4)}… \\(${credential.length} characters\\)`));
    });

    it('report one finding per stretch of text: the certain rule over the heuristic one', async () => {
      const key = fake.stripeLive();
      const findings = await detect(`const apiKey = "${key}";`);
      assert.deepEqual(
        findings.map((finding) => finding.ruleId),
        ['@secretlint/secretlint-rule-stripe'],
      );
    });

    it('are empty for ordinary code (UUIDs, hashes, base64 snapshots, data URIs)', async () => {
      const text = [
        'export const id = "3f2b8c1e-9a4d-4e7b-8c6a-1d2e3f4a5b6c";',
        'const integrity = "sha512-' + Buffer.alloc(64, 7).toString('base64') + '";',
        'const commit = "' + 'a1b2c3d4e5'.repeat(4) + '";',
        'expect(tree).toMatchInlineSnapshot(`' + Buffer.from(randomText(60)).toString('base64') + '`);',
        'const image = "data:image/png;base64,' + Buffer.from(randomText(60)).toString('base64') + '";',
        'function handle(token: CancellationToken) { return token.isCancellationRequested; }',
      ].join('\n');
      await assertClean(text);
    });
  });
});
