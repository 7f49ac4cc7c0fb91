import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound, detect } from './five-contexts';

describe('core/detect/rules/credential-fields', () => {
  it("finds a payment gateway's transaction key (Authorize.Net, Cybersource) under its name", async () => {
    const key = `${randomText(40)}aB7=`;
    await assertFinds(`CYBERSOURCE = {\n    'transaction_key': '${key}',\n}\n`, 'secret-manager/credential-field', key, '/workspace/settings/local.py');
    await assertFinds(`const gateway = { transactionKey: "${key}" };\n`, 'secret-manager/credential-field', key);
  });

  it("finds a token, a secret or a password a build ships to the browser (NEXT_PUBLIC_, VITE_); not a publishable key or Mapbox's public token", async () => {
    const token = `sk${randomText(178)}`;
    await assertFinds(`NEXT_PUBLIC_SANITY_TOKEN = ${token}\n`, 'secret-manager/credential-field', token, '/w/.env');
    const secret = randomText(32);
    await assertFinds(`VITE_API_SECRET=${secret}\n`, 'secret-manager/credential-field', secret, '/w/.env.production');
    await assertNothingFound(`NEXT_PUBLIC_SUPABASE_ANON_KEY=${randomText(40)}\nNEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_${randomText(24)}\nNEXT_PUBLIC_MAPBOX_TOKEN=pk.eyJ1IjoiZXhhbXBsZSJ9.${randomText(22)}\n`, '/w/.env');
  });

  it("finds Consul's and Nomad's ACL token by its SecretID and Vault AppRole's secret_id; not an AWS secret's name or ARN", async () => {
    const token = 'e4a19d23-8f5b-42c1-a7d3-6e0f1b2c4a5d';
    await assertFinds(`token := &ACLToken{\n\tAccessorID: "0b6a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c",\n\tSecretID:   "${token}",\n}\n`, 'secret-manager/credential-field', token, '/w/api/acl_test.go');
    const secretId = randomText(36, 'abcdef0123456789');
    await assertFinds(`VAULT_ROLE_ID=db02de05\nVAULT_SECRET_ID=${secretId}\n`, 'secret-manager/credential-field', secretId, '/w/.env');
    await assertNothingFound(`response = client.get_secret_value(SecretId='MyTestDatabaseSecret')\nsecret = client.describe_secret(SecretId="arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestDatabaseSecret-a1b2c3")\n`, '/w/app/secrets.py');
  });

  it('finds secrets kept by version under a name for secrets, on one line or the next; not a placeholder there', async () => {
    const secret = randomText(43);
    await assertFinds(`app.config['SECURITY_TOTP_SECRETS'] = {"1": "${secret}"}\n`, 'secret-manager/credential-field', secret, '/w/docs/two_factor.rst');
    await assertFinds(`    SECURITY_TOTP_SECRETS={\n        "1": "${secret}"\n    },\n`, 'secret-manager/credential-field', secret, '/w/examples/server/app.py');
    await assertFinds(`const signingSecrets = { 2: '${secret}' };\n`, 'secret-manager/credential-field', secret, '/w/src/config.ts');
    await assertNothingFound(`SECURITY_TOTP_SECRETS = {"1": "changeme"}\n`, '/w/app.py');
    await assertNothingFound(`const tokens = { 1: firstToken, 2: secondToken };\n`, '/w/src/config.ts');
  });

  it("finds a YAML key nested under a parent named for a password, a key-encryption key, and pytest-env's flagged entries", async () => {
    const secret = `${randomText(37)}aB7`;
    await assertFinds(`identity_validation:\n  reset_password:\n    jwt_secret: '${secret}'\n`, 'secret-manager/credential-field', secret, '/workspace/config.yml');
    await assertFinds(`password:\n  jwt_secret: ${secret}\n`, 'secret-manager/credential-field', secret, '/workspace/config.yml');
    await assertFinds(`services:\n  core:\n    environment:\n      SECRET_VAULT_KEK: ${secret}\n`, 'secret-manager/credential-field', secret, '/workspace/docker-compose.yml');
    await assertFinds(`[tool:pytest]\nenv =\n    D:SECRET_KEY=${secret}\n`, 'secret-manager/credential-field', secret, '/workspace/setup.cfg');
    await assertNothingFound(`spec:\n  secret:\n    - urn:k8s:secret:name:${secret}\n`, '/workspace/plugin.yml');
  });

  it("finds a key base by its name: Phoenix's and Rails' secret_key_base, a tokens' or a signing key base; not a prefix of a store's keys", async () => {
    for (const name of ['SECRET_KEY_BASE', 'TOKENS_KEY_BASE', 'signing_key_base']) {
      const value = randomText(48);
      await assertFinds(`      ${name}: "${value}"\n`, 'secret-manager/credential-field', value, '/w/scripts/compose/portal.yml');
    }
    // A prefix of a store's keys, named for what it prefixes.
    await assertNothingFound('const BackupApiKeyBase = "node-definition-backup:"\nconst BackupPolicyKeyBase = "node-policy-backup:"\n', '/w/gateway/rpc_backup_handlers.go');
  });

  it("leaves a Keycloak realm's public clients' generated secrets, Jasypt's ENC(…) values and a ciphertext under a password's name alone", async () => {
    const client = (clientId: string, secret: string, isPublic: boolean) =>
      `    {\n      "clientId" : "${clientId}",\n      "secret" : "${secret}",\n      "redirectUris" : [ "/admin/*" ],\n      "attributes" : { "pkce.code.challenge.method" : "S256" },\n      "publicClient" : ${isPublic}\n    }`;
    const confidential = randomText(32);
    const realm = `{\n  "realm" : "quarkus",\n  "clients" : [\n${client('admin-cli', randomText(32), true)},\n${client('backend-service', confidential, false)}\n  ]\n}\n`;
    const findings = await detect(realm, '/w/config/quarkus-realm.json');
    assert.deepEqual(findings.map((finding) => realm.slice(...finding.range)), [confidential]);
    await assertNothingFound(`greeting.secret = ENC(${randomText(32)})\ntimer.delay.secret = ENC(${randomText(22)}==)\n`, '/w/src/main/resources/application.properties');
    await assertNothingFound(`{ "SharedPassword": "${Buffer.from(randomText(420)).toString('base64')}" }\n`, '/w/docs/encryption.adoc');
    // A recorded JSON body in a YAML cassette: true, false, null and numbers are no strings.
    await assertNothingFound(`      string: '{"alwaysIncludeInToken":true,"_links":{"self":{"href":"https://test.okta.com/api/v1/x"}}}'\n    body: {"refreshToken":null,"issuedToken":12}\n`, '/w/tests/integration/cassettes/claims.yaml');
  });

  it("leaves a local setup's default alone, where the password is the user's or the access key id's own value, and a shell default inside a URL", async () => {
    await assertNothingFound('    environment:\n      CAP_AWS_ACCESS_KEY: capS3root\n      CAP_AWS_SECRET_KEY: capS3root\n      MINIO_ROOT_USER: capS3root\n      MINIO_ROOT_PASSWORD: capS3root\n', '/w/docker-compose.template.yml');
    await assertNothingFound('      DATABASE_URL: mysql://cap:${MYSQL_PASSWORD:-cap-local-pwd-123}@mysql:3306/cap\n', '/w/docker-compose.yml');
    const key = `${randomText(37)}aB7`;
    await assertFinds(`S3_ACCESS_KEY: ${randomText(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}\nS3_SECRET_KEY: ${key}\nMINIO_ROOT_USER: minio\n`, 'secret-manager/credential-field', key, '/w/deploy/env.yml');
  });

  it("finds Active Record encryption's keys and salt, not a model's primary key column", async () => {
    const key = `${randomText(29)}aB7`;
    for (const name of ['ENCRYPTION_PRIMARY_KEY', 'ENCRYPTION_DETERMINISTIC_KEY', 'ENCRYPTION_KEY_DERIVATION_SALT']) {
      await assertFinds(`    env:\n      ${name}: ${key}\n`, 'secret-manager/credential-field', key, '/workspace/.github/workflows/test.yml');
    }
    await assertNothingFound(`Order.init({ id: DataTypes.UUID }, { primaryKey: 'organization_id' });\nclass Account(Model):\n    primary_key = "account_uuid"\n`, '/workspace/models.ts');
  });

  it("finds the secrets given to Rack's cookie sessions, a keyword argument named in the plural", async () => {
    const secret = randomText(64, '0123456789abcdef');
    await assertFinds(`use Rack::Session::Cookie, secrets: "${secret}", same_site: true\n`, 'secret-manager/credential-field', secret, '/workspace/test/web_test.rb');
    await assertNothingFound('jobs:\n  call:\n    secrets: inherit\n', '/workspace/.github/workflows/ci.yml');
  });

  it("finds credentials in PHP's and Ruby's hashes ('password' => '…'), not JavaScript's arrow functions", async () => {
    const secret = `${randomText(29)}aB7`;
    await assertFinds(`<?php\nreturn [\n    'password' => '${secret}',\n];\n`, 'secret-manager/credential-field', secret, '/workspace/config/database.php');
    await assertFinds(`config = { :api_key => "${secret}" }\n`, 'secret-manager/credential-field', secret, '/workspace/config/initializers/client.rb');
    await assertNothingFound(`const tokens = items.map((token) => token.value);\nconst render = (password) => '${secret}';\n`, '/workspace/src/list.ts');
    await assertNothingFound(`return [\n    'secret' => 'bail|required|string',\n    'password' => 'required|notIn:["'.$user->email.'"]',\n];\n`, '/workspace/app/Http/Requests/EnableTwoFactorRequest.php');
  });

  it('leaves a stored hash of the word its comment names, a route\'s controller and a phpass hash alone', async () => {
    const md5 = createHash('md5').update('appwrite').digest('hex');
    const sha512 = createHash('sha512').update('appwrite').digest('base64');
    await assertNothingFound(`$users = [\n    'password' => '${md5}', // appwrite\n    'password' => '${sha512}', // appwrite\n    'password' => '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.',\n];\n`, '/workspace/tests/e2e/UsersBase.php');
    await assertNothingFound('post "/users/:user_id/update_location/:secret" => "web_requests#update_location"\n', '/workspace/config/routes.rb');
    const other = createHash('md5').update(randomText(12)).digest('hex');
    await assertFinds(`$users = ['password' => '${other}', // appwrite\n];\n`, 'secret-manager/credential-field', other, '/workspace/tests/e2e/UsersBase.php');
  });

  it("finds a cipher key (Apache Shiro's rememberMe key) in an INI file", async () => {
    const key = Buffer.from(randomText(16)).toString('base64');
    await assertFinds(`[main]\nsecurityManager.rememberMeManager.cipherKey = ${key}\n`, 'secret-manager/credential-field', key, '/workspace/WEB-INF/shiro.ini');
  });

  it("leaves a toString() builder's label and a Vue event binding alone", async () => {
    await assertNothingFound(`sb.append(", apiKey='").append(apiKey).append('\\'');\nsb.append(", password='").append(password).append('\\'');\n`, '/workspace/src/TenantJson.java');
    await assertNothingFound('<two-factor-dialog @password:confirm="regenerateBackupCode" @token:refresh="refreshSessionToken">\n', '/workspace/src/views/TwoFactorAuthPage.vue');
    const token = randomText(40, '0123456789abcdef');
    await assertFinds(`it 'sets oauth token' do\n  @client.access_token = '${token}'\nend\n`, 'secret-manager/credential-field', token, '/workspace/spec/client_spec.rb');
  });

  it("leaves a webhook's signature nonce and PayPal's checkout token alone, not a token beside other fields", async () => {
    const hex = (length: number) => randomText(length, '0123456789abcdef');
    const nonce = hex(50);
    await assertNothingFound(`/*\n{\n  "signature": {\n    "token": "${nonce}",\n    "timestamp": "1705376308",\n    "signature": "${hex(64)}"\n  },\n}\n*/\n`, '/workspace/app/Jobs/ProcessWebhook.php');
    await assertFinds(`{\n  "token": "${nonce}",\n  "timestamp": "1705376308"\n}\n`, 'secret-manager/credential-field', nonce, '/workspace/fixtures/session.json');
    await assertNothingFound(`payment:\n  details:\n    token: "EC-${randomText(19)}"\n`, '/workspace/tests/fixtures/payment_request.yaml');
  });

  it("ends a bare value at an escaped line break: source code kept in a recorded request's string", async () => {
    await assertNothingFound("      string: '{\"code\": \"import os\\n\\nAGENTOPS_API_KEY = os.environ[''AGENTOPS_API_KEY'']\\nhandler = Handler()\"}'\n", '/workspace/tests/cassettes/test_crew.yaml');
  });

  it('leaves the expiry times of tokens alone', async () => {
    await assertNothingFound('{\n  "access_token": "2022-08-25T09:26:05Z",\n  "refresh_token": "2022-08-25T10:26:05.123+02:00"\n}\n', '/workspace/oauth2/fixtures/session.json');
  });

  it('leaves HTML data- attributes and names that say mock alone', async () => {
    await assertNothingFound(`<blockquote data-secret="${randomText(10)}aB7" class="wp-embedded-content"></blockquote>\n`);
    await assertNothingFound(`MOCK_ACCESS_TOKEN = "${randomText(40)}aB7"\n`);
  });

  it('leaves a comment that shows what a value looks like alone, not a value in code beside such words', async () => {
    const token = `${randomText(37)}aB7`;
    await assertNothingFound(`# the authentication token answer should be like: {"token":"${token}"}\n`);
    await assertFinds(`const token = "${token}"; // should be like this one\n`, 'secret-manager/credential-field', token);
  });

  it("finds a credential in JSON escaped inside a string (a notebook's output), and a Google app password written in fours", async () => {
    const password = `${randomText(21)}aB7`;
    await assertFinds(`{"text": ["{\\"credentials\\":{\\"password\\":\\"${password}\\",\\"username\\":\\"admin\\"}}"]}\n`, 'secret-manager/credential-field', password, '/workspace/notebook.ipynb');
    const letters = 'bcdfghjklmnpqrstvwxz';
    const appPassword = Array.from({ length: 4 }, () => randomText(4, letters)).join(' ');
    await assertFinds(`os.environ["EMAIL_PASSWORD"] = "${appPassword}"\n`, 'secret-manager/credential-field', appPassword, '/workspace/agent.py');
    // The name is read without the escape: a page token stays a page token.
    await assertNothingFound(`{"text": ["  \\"nextPageToken\\": \\"${randomText(40)}\\"\\n"]}\n`, '/workspace/Models_REST.ipynb');
  });

  it("leaves an editor's completion keywords and a JWT without a signature behind its issuer's name alone", async () => {
    await assertNothingFound("const keywords = [{ token: 'domainType:', after: ' ' }];\n");
    const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const claims = Buffer.from('{"sub":"testId"}').toString('base64url');
    await assertNothingFound(`{ "accessToken": "workos:${header}.${claims}." }\n`, '/workspace/providers.json');
  });

  it('leaves a stored digest with its salt on a neighbouring line, and a token that says it is for testing, alone', async () => {
    const digest = Buffer.from(randomText(64)).toString('base64');
    await assertNothingFound(`{\n  "username": "admin",\n  "password": "${digest}",\n  "salt": "${randomText(16)}",\n  "iterations": 101\n}\n`, '/workspace/test/dynamic-security.json');
    await assertFinds(`{\n  "username": "admin",\n  "password": "${digest}"\n}\n`, 'secret-manager/credential-field', digest, '/workspace/test/dynamic-security.json');
    await assertNothingFound(`[\n    'password' => '${digest}',\n    'name' => 'Scrypt Modified User',\n    'passwordSalt' => '${randomText(14)}==',\n]\n`, '/workspace/tests/e2e/UsersBase.php');
    await assertFinds(`[\n    'password' => '${digest}',\n    'name' => 'basalt',\n]\n`, 'secret-manager/credential-field', digest, '/workspace/tests/e2e/UsersBase.php');
    await assertNothingFound(`validTestApiKey32 := "oe_test_testing${randomText(17)}"\n`, '/workspace/tariff/octopus_test.go');
  });

  it('finds a quoted value a formatter moved to the line after "=" in code, not the next entry of a .env file', async () => {
    const key = `${randomText(30)}aB7`;
    await assertFinds(`export const privateKey =\n  '${key}';\n`, 'secret-manager/credential-field', key, '/workspace/src/constants.ts');
    await assertNothingFound(`API_TOKEN=\n  "${key}"\n`, '/workspace/.env');
  });

  it("leaves a manifest's scoped packages and workspace versions, and a JWT header followed by a word, alone", async () => {
    await assertNothingFound(`{ "dependencies": { "@hcengineering/server-token": "workspace:^0.7.18", "auth-token": "workspace:*" } }\n`, '/workspace/package.json');
    await assertNothingFound("const result = { account: 'acc-uuid', token: 'eyJhbGciOiJIUzI1NiJ9.test' };\n", '/workspace/src/guard.test.ts');
  });

  it("leaves a token's digest alone when the comment above says so", async () => {
    const digest = randomText(64, '0123456789abcdef');
    await assertNothingFound(`-\n  id: 1\n  # sha256 of 'passwordresettesttoken'\n  token: '${digest}'\n`, '/w/pkg/db/fixtures/user_tokens.yml');
    await assertFinds(`-\n  id: 1\n  # the reset token\n  token: '${digest}'\n`, 'secret-manager/credential-field', digest, '/w/pkg/db/fixtures/user_tokens.yml');
  });

  it('finds a credential passed to a setter or a builder, not to a getter or a checker', async () => {
    const value = randomText(32);
    await assertFinds(`        config.setAccessKey("${value}");\n`, 'secret-manager/credential-argument', value, '/w/src/test/java/S3FileClientTest.java');
    await assertFinds(`OpenAiApi api = OpenAiApi.builder().apiKey("${value}").build();\n`, 'secret-manager/credential-argument', value, '/w/src/test/java/ChatTests.java');
    await assertFinds(`client.set_password('${value}')\n`, 'secret-manager/credential-argument', value, '/w/tests/test_client.py');
    await assertFinds(`\tc.SetToken("${value}")\n`, 'secret-manager/credential-argument', value, '/w/client_test.go');
    const guid = [randomText(8, '0123456789ABCDEF'), randomText(4, '0123456789ABCDEF'), randomText(4, '0123456789ABCDEF'), randomText(4, '0123456789ABCDEF'), randomText(12, '0123456789ABCDEF')].join('-');
    await assertFinds(`                ClientSecrets = { new Secret("${guid}".Sha256()) },\n`, 'secret-manager/credential-argument', guid, '/w/IdentityServerHost/Config.cs');
    await assertNothingFound(`var secret = new Secret(hashed);\nvar other = GetSecret("${value}");\nvar stored = new Secret("${value}");\n`, '/w/IdentityServerHost/Config.cs');
    await assertNothingFound(`String s = vault.getSecret("${value}");\nboolean ok = encoder.hashPassword("${value}");\nverifyToken("${value}");\n`, '/w/src/Main.java');
    await assertNothingFound('builder.withApiKey("YOUR_API_KEY");\ntemplate.setPassword("password123");\nform.password("Password");\n', '/w/src/Main.java');
    // keytar names the service first; a design system's tokens and a map's keys are looked up by name.
    await assertNothingFound(`material.setEncryptedPassword("${value}");\n`, '/w/src/test/java/CRGitMaterialTest.java');
    await assertNothingFound(`await keytar.setPassword('cody.e2e', name, token);\nconst fill = ink.token("${value}");\nconst entry = map.key("${value}");\nadminClient.setChannelToken('e2e-default-channel');\n`, '/w/src/setup.ts');
  });

  it('finds a credential written as the default of an environment lookup, in Python, Ruby, Elixir and Node', async () => {
    const value = randomText(40);
    await assertFinds(`SECRET_KEY = env.str('SECRET_KEY', default='${value}')\n`, 'secret-manager/credential-default', value, '/w/sandbox/settings.py');
    await assertFinds(`API_TOKEN = os.getenv("GITHUB_API_TOKEN", "${value}")\n`, 'secret-manager/credential-default', value, '/w/app/config.py');
    await assertFinds(`key = ENV.fetch("SECRET_KEY_BASE", "${value}")\n`, 'secret-manager/credential-default', value, '/w/config/application.rb');
    await assertFinds(`token = System.get_env("REACT_APP_POSTHOG_TOKEN", "${value}")\n`, 'secret-manager/credential-default', value, '/w/lib/app_web/controllers/page_controller.ex');
    await assertFinds(`const key = process.env.STRIPE_SECRET_KEY || "${value}";\n`, 'secret-manager/credential-fallback', value, '/w/src/stripe.js');
    await assertFinds(`const token = process.env["SLACK_TOKEN"] ?? '${value}';\n`, 'secret-manager/credential-fallback', value, '/w/src/slack.ts');
    await assertNothingFound(`DB_PASSWORD = os.environ.get('DB_PASSWORD', 'postgres')\nKEY = config('SECRET_KEY', default='django-insecure-change-me')\nNAME = os.getenv("DB_NAME", "${value}")\n`, '/w/app/settings.py');
    await assertNothingFound(`const url = process.env.API_URL || "${value}";\n`, '/w/src/api.js');
    // A settings reader's default, named with colons or doubled underscores.
    await assertFinds(`export const clientSecret = getValue('CLIENT__SECRET', '${value}');\n`, 'secret-manager/credential-default', value, '/w/tools/k6/shared.js');
    await assertFinds(`var secret = config.GetValue("config:client:secret", "${value}");\n`, 'secret-manager/credential-default', value, '/w/tools/TestSuite/ClientWrapper.cs');
    await assertNothingFound(`const theme = getValue('THEME', '${value}');\n`, '/w/src/theme.js');
  });

  it('finds a license key by its name, not a license name or a stand-in', async () => {
    const key = `${randomText(40)}aB7`;
    await assertFinds(`SUPERTOKENS_LICENSE_KEY=${key}\n`, 'secret-manager/credential-field', key, '/w/.env');
    await assertNothingFound(`const licenseKey = 'non-commercial-and-evaluation';\nlicense_key: "YOUR_LICENSE_KEY"\n`, '/w/src/grid.ts');
  });

  it('finds bare values in the shell, .env and YAML code blocks of Markdown and reST, not in prose or other blocks', async () => {
    const password = `${randomText(20)}aB7`;
    const token = `${randomText(30)}cD9`;
    const markdown = `# Setup\n\nSet password: ${password} in prose.\n\n\`\`\`bash\nexport DATABASE_PASSWORD=${password}\n\`\`\`\n\n\`\`\`python\napi_token = ${token}\n\`\`\`\n`;
    const findings = await detect(markdown, '/w/docs/setup.md');
    assert.deepEqual(findings.map((finding) => markdown.slice(...finding.range)), [password]);
    await assertFinds(`Configure it:\n\n  \`\`\`yaml\n  auth:\n    client_secret: ${token}\n  \`\`\`\n`, 'secret-manager/credential-field', token, '/w/docs/oidc.mdx');
    await assertFinds(`Run this:\n\n.. code-block:: console\n\n   $ export SECRET=${token}\n\nThen go on.\n`, 'secret-manager/credential-field', token, '/w/docs/getting_started.rst');
    await assertNothingFound(`Then go on.\n\nexport SECRET=${token}\n`, '/w/docs/getting_started.rst');
  });

  it("leaves a secret's name inside an ARN or after a backend's name, a password-named list of lines and a validator's public credentials alone", async () => {
    await assertNothingFound('my_aws_creds:  secret|arn:aws:secretsmanager:${AWS_REGION}:${ACCOUNT_ID}:secret:dev_db_credentials|connection_string\n', '/w/config_variables.yml');
    await assertNothingFound('pwd1 = "tag1\\ntag2"\n', '/w/config/config_test.go');
    await assertNothingFound('sinks:\n  splunk:\n    default_token: SECRET[splunk_secrets.token]\n', '/w/website/generated/example-configs/minimal.yaml');
    await assertNothingFound('      repo_secrets: |\n        RELYANCE_API_KEY=relyance:API_KEY\n', '/w/.github/workflows/relyance.yml');
    await assertNothingFound(`>>> validator = {'withdrawal_credentials': '0x00${randomText(62, '0123456789abcdef')}'}\n`, '/w/docs/web3.beacon.rst');
  });

  it('leaves a signing test vector alone: a private key beside the transactions it must sign to', async () => {
    const key = `0x${randomText(64, '0123456789abcdef')}`;
    const signed = `0x${randomText(120, '0123456789abcdef')}`;
    await assertNothingFound(`[\n  {\n    "name": "random-1",\n    "privateKey": "${key}",\n    "signatureLegacy": { "v": "0x1b" },\n    "signedLegacy": "${signed}"\n  }\n]\n`, '/w/test/fixtures/transactions.json');
    await assertFinds(`const account = {\n  privateKey: "${key}",\n  signedUrlExpires: 3600,\n};\n`, 'secret-manager/credential-field', key, '/w/src/account.ts');
  });

  it("reports a value that has not the format its name's provider gives, below the default threshold", async () => {
    const text = '{\n  "datadog_api_key": "2o86gyhufa2ugyf4"\n}\n';
    const findings = await detect(text, '/w/rfcs/log-namespacing.md');
    assert.deepEqual(findings.map((finding) => finding.confidence), []);
    const key = randomText(32, '0123456789abcdef');
    await assertFinds(text.replace('2o86gyhufa2ugyf4', key), 'secret-manager/datadog-key', key, '/w/rfcs/log-namespacing.md');
  });

  it("leaves a stored digest of a word the file or its path holds alone (a product's default password, hashed)", async () => {
    const hashed = createHash('md5').update('domoticz').digest('hex');
    await assertNothingFound(`r = session.post(url, data={'username': 'YWRtaW4=', 'password': '${hashed}'})\n`, '/w/domoticz/test/gherkin/conftest.py');
    await assertFinds(`r = session.post(url, data={'username': 'YWRtaW4=', 'password': '${hashed}'})\n`, 'secret-manager/credential-field', hashed, '/w/app/test/gherkin/conftest.py');
    // The same in base64, a Kubernetes Secret's way: the comment above shows how it was made.
    const encoded = Buffer.from(createHash('sha256').update('secret-key').digest('hex')).toString('base64');
    await assertNothingFound(`  # echo -n 'secret-key' | sha256sum | base64\n  secret-key: ${encoded}\n`, '/w/docs/install/k8s/15-secrets.yaml');
  });

  it("finds a key's seed by its name (an Ed25519 signing key's)", async () => {
    const seed = randomText(64, '0123456789abcdef');
    await assertFinds(`  DISCORD_TEST_SIGNING_KEY_SEED = "${seed}"\n`, 'secret-manager/credential-field', seed, '/w/spec/requests/discord_webhook_spec.rb');
  });
});

