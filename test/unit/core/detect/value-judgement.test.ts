import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_MINIMUM_CONFIDENCE, judgeUrlPassword, judgeValue, type ValueClass } from '../../../../src/core/detect/value-judgement';
import { URL_SAFE, encodeJwtPart, fake, randomText, signedJwt } from './fake-credentials';

const hex = (length: number) => randomText(length, '0123456789abcdef');
const uuid = () => [hex(8), hex(4), `4${hex(3)}`, `a${hex(3)}`, hex(12)].join('-');

describe('core/detect/value-judgement', () => {
  const cases: [ValueClass, string, string?][] = [
    ['hash', hex(40), 'hashed_secret'],
    ['hash', hex(64), 'password_sha256'],
    ['hash', `$2y$10$${randomText(53, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./')}`, 'password'],
    ['hash', `{SHA}${Buffer.from(randomText(20)).toString('base64')}`, 'password'],
    ['hash', `$apr1$${randomText(8)}$${randomText(22)}`, 'password'],
    ['hash', `pbkdf2_sha256$260000$${randomText(22)}$${randomText(43)}`, 'password'],
    ['template', '--api-key="{sl_token}"', 'api_key'],
    ['template', '{uuid.uuid4()}', 'secret'],
    ['template', '%(password)s', 'password'],
    ['template', '$SASL_USER_PASSWORD', 'password'],
    ['template', '$(mktemp)', 'password'],
    ['template', '{{ .Values.auth.password }}', 'password'],
    ['template', '.password | default ""', 'password'],
    ['template', 'prefix-%s-suffix', 'token'],
    ['expression', 'get_secret_value(name)', 'db_password'],
    ['expression', 'config.apiKey', 'apiKey'],
    ['expression', 'os.environ["PASSWORD"]', 'password'],
    ['shortened', 'eyJhbGc...', 'token'],
    ['shortened', 'eyJz93a...k4laUWw', 'token'],
    ['shortened', `sk_live_${randomText(6)}…`, 'token'],
    ['dictionary-word', 'mypassword', 'LDAP_PASSWORD'],
    ['dictionary-word', 'MYSECRETACCESSKEY', 'secret'],
    ['dictionary-word', 'ahotproject', 'password'],
    ['secret-name', 'grafana.local-tls', 'tlsSecret'],
    ['secret-name', 'custom-CA', 'secret'],
    ['secret-name', 'stripe-secret-key', 'secretKey'],
    ['secret-name', 'my-app-credentials', 'existingSecret'],
    ['secret-name', 'github-actions', 'claude-api-key'],
    ['placeholder', 'a-fake-api-key', 'cl_api_key'],
    ['not-credential-shaped', 'A,.:-¨@*¿?!', 'LETTER_SECRET'],
    ['not-credential-shaped', 'mysql+pymysql://rfamro@mysql-rfam-public.ebi.ac.uk:4497/Rfam', 'credentials'],
    ['not-credential-shaped', 'mssql+pyodbc://u:p@localhost/db', 'credentials'],
    ['not-credential-shaped', 'meltano.core.state_store.s3.settings:AWS_SECRET_ACCESS_KEY', 's3_aws_secret_access_key'],
    ['not-credential-shaped', 'ConvertTo-SecureString', 'pwd'],
    ['not-credential-shaped', '_storage/test_quack.duckdb', 'credentials'],
    ['not-credential-shaped', 'required|string|max:255', 'password'],
    ['not-credential-shaped', 'isSubmittingOAuth', 'OAuthCredentials'],
    ['not-credential-shaped', '_10xh0c29', 'errorToken'],
    ['expression', '.\\Config::get(', 'APP_KEY'],
    ['weak-password', 'Jacqueline@OHRM123', 'password'],
    ['weak-password', 'CRM_User2_2026', 'new_password'],
    ['weak-password', 'ReallyStrongPwd1234%^&*', 'MSSQL_SA_PASSWORD'],
    ['weak-password', 'AppFlowy123@', 'password'],
    ['version', '4.0.23(@types/node@20.11.5)', '@inquirer/password'],
    ['version', 'v1.22.3-rc.1', 'token'],
    ['version', '2.0.0-beta.1', 'secret'],
    ['placeholder', 'YOUR_API_KEY', 'apiKey'],
    ['template', '<your-token>', 'token'],
    ['dictionary-word', 'WillAlsoBeIgnored', 'API_KEY'],
    ['dictionary-word', 'testtoken123', 'token'],
    ['not-credential-shaped', '1234567890abcdef1234', 'secret'],
    ['not-credential-shaped', 'abcdefg12345-._~+/=', 'token'],
    ['not-credential-shaped', '!@#$%^&*()', 'password'],
    ['not-credential-shaped', `urn:uuid:${uuid()}`, 'Lock-Token'],
    ['dictionary-word', 'deadbeefcafebabe', 'token'],
    ['dictionary-word', 'd3adb33f', 'password'],
    ['dictionary-word', Buffer.from('redis\n').toString('base64'), 'redis-password'],
    ['placeholder', Buffer.from('longer-encoded-secret-test').toString('base64').replace(/=+$/, ''), 'encoded-secret'],
    ['expression', '+generatedToken+', 'token'],
    ['expression', '+fmt.Sprintf(', 'bot_token4'],
    ['dictionary-word', Buffer.from('postgres').toString('base64'), 'postgresql-password'],
    ['weak-password', 'Summer2019!', 'password'],
    ['weak-password', 'chimichangas4life', 'password'],
    ['weak-password', 'P@ssw0rd!', 'password'],
    ['weak-password', 'Admin@2024', 'password'],
    ['dictionary-word', 'admin1234', 'password'],
    ['secret-name', 'awsimdsv2sessiontoken', 'AWS_IMDSV2_SESSION_TOKEN'],
    ['secret-name', 'TLSClientCertificatePassword', 'EXTRA_OUTPUT_TLS_CLIENT_CERTIFICATE_PASSWORD'],
    ['placeholder', 'cfcd2084', 'AccessToken'],
    ['placeholder', 'I1NiIsInR5', 'Password'],
    ['placeholder', '8f742231b10e8888abcd99yyyzzz85a5', 'signing_secret'],
    ['placeholder', 'xoxb-111', 'bot_token'],
    ['placeholder', 'xapp-A111-222-xyz', 'app_token'],
    ['placeholder', 'xoxb-chat_stream_test_token1', 'token'],
    ['placeholder', 'your-encryption-key-min-32-chars', 'NEXT_PRIVATE_ENCRYPTION_KEY'],
    ['placeholder', 'this_is_a_secret_abc123abc123abc', 'hmac_secret'],
    ['placeholder', '2YotnFZFEjr1zCsicMWpAA', 'access_token'],
    ['placeholder', 'e3b0c44298fc1c149afbf4c8996fb', 'AccessToken'],
    ['placeholder', 'JBSWY3DPEHPK3PXP', 'secret'],
    ['template', '[password]', 'password'],
    ['not-credential-shaped', 'rsa.1024.pem', 'private-key'],
    ['placeholder', 'xoxb-conversations_list_pagination2', 'token'],
    ['placeholder', 'dd34asd13as', 'private_token'],
    ['placeholder', 'sfgasfasdasdasd', 'secret'],
    ['secret-name', 'db-value', 'Password'],
    ['dictionary-word', 'client_secret$development$integration_client_secret', 'client_secret'],
    ['dictionary-word', 'access_token$development$integration_merchant_id$fb27c79dd', 'access_token'],
    ['placeholder', 'sk-qVxxxxG', 'dashscope_api_key'],
    ['template', 'creditcard%s', 'token'],
    ['not-credential-shaped', 'featureNewUI', 'secretKey'],
    ['dictionary-word', 'tagvalue2', 'expectedSecret'],
    ['not-credential-shaped', 'expectedValue', 'secret'],
    ['placeholder', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.signature', 'mockJWTToken'],
    ['expression', 's\\.([A-Za-z0-9]+)', 'client_token'],
    ['not-credential-shaped', 'HOST:PORT:DATABASE:PASSWORD', 'password'],
    ['weak-password', 'testTEST1234+-*/', 'password'],
    ['placeholder', ':censored:6:57a71b6062:', 'password'],
    ['placeholder', 'REPLACE-THIS-VALUE-WITH-APOLLO-API-KEY', 'apiKey'],
    ['placeholder', 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20ifQ', 'access_token'],
    ['dictionary-word', 'rt_1234567890abcdef_secure_refresh_token_with_long_expiry_2024_01_15', 'refresh_token'],
    ['not-credential-shaped', Buffer.from('test:data').toString('base64'), 'testDockerAuthToken'],
    ['not-credential-shaped', 'debug:4001:1', 'token'],
    ['template', '$kms_keys:autokeys/default', 'encryption_key'],
    ['not-credential-shaped', 'projects/project-id/locations/europe-west8/keyRings/my-keyring/cryptoKeys/my-key', 'encryption_key'],
    ['encrypted', 'CiQAsd7WY==', 'mysql_password'],
    ['not-credential-shaped', 'github_app_id', 'secretKey'],
    ['placeholder', 'SW2YcwTIb9zpOOhoPsMm', 'secret_key'],
    ['weak-password', 'p05tgr35', 'DB_PASSWORD'],
    ['not-credential-shaped', 'STSVaultSecretConnectionCreatable', 'STS_VAULT_SECRET'],
    ['not-credential-shaped', 'AZURE-CONTENT-UNDERSTANDING-KEY', 'AZURE_CONTENT_UNDERSTANDING_API_KEY'],
    ['not-credential-shaped', 'github.com/jcmturner/gokrb5/v8/ctxCredentials', 'ctxCredentials'],
    ['template', '.signup-password{}\\n.signup-password-input{}', 'Password'],
    ['weak-password', 'mykey123', 'apikey'],
    ['placeholder', 'v1.1f699f1069f60xxx', 'access_token'],
    ['placeholder', 'sk_live_key_123', 'secret_key'],
    ['placeholder', 'FwoGZXIvYXdzSESSIONTOKENABCDEFGHIJKLMNOPQRS', 'aws_session_token'],
    ['hash', `$12$${randomText(53, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./')}`, 'Password'],
    ['not-credential-shaped', 'security@authelia.com', 'signingkey'],
    ['secret-name', 'my-api-key', 'password'],
    ['weak-password', 'Twitch_token', 'access_token'],
    ['not-credential-shaped', 'abc-._~+/==', 'client_notification_token'],
    ['not-credential-shaped', 'string-2', 'token'],
    ['expression', '`+nosurfx.FakeCSRFToken+`', 'csrf_token'],
    ['not-credential-shaped', 'APIKeyFromPartnersDashboard', 'apiKey'],
    ['placeholder', 'shprt_def456', 'refreshToken'],
    ['weak-password', 'N3verSt0red!', 'password'],
    ['placeholder', 'ya29.a0ARW5m7hQ_some_oauth_token', 'plainToken'],
    ['not-credential-shaped', 'p%40ss+word+%281%29', 'expectedClientSecret'],
    ['not-credential-shaped', 'enhjdg==|MTIzNA==', '_oauth_request_token'],
    ['hash', '*EE0D72C1085C46C5278932678FBE2C6A782821B4', 'password'],
    ['hash', `md5${hex(32)}`, 'Password'],
    ['hash', `SCRAM-SHA-256$4096:${Buffer.from(randomText(16)).toString('base64')}$${randomText(44)}:${randomText(44)}`, 'Password'],
    ['not-credential-shaped', 'ext:/scripts/auth1.sh', 'credentials'],
    ['not-credential-shaped', 'A-SECRET-WITH-THE-RUNNER-PRIVATE-KEY-AND-URN', 'runnerIdentitySecret'],
    ['weak-password', 'K8s_admin', 'vsphere_password'],
    ['weak-password', 'Not-So-Secure!', 'password'],
    ['weak-password', 'Ex@mp!e1', 'password'],
    ['placeholder', 'Hfd6fds^dfA8Ga', 'login_password'],
    ['placeholder', `cfat_${'abcdefghijklmnopqrst'.replace(/[a-t]/g, (letter) => letter + letter.toUpperCase())}03fa099b`, 'CLOUDFLARE_API_TOKEN'],
    ['placeholder', `${randomText(4)}9${randomText(4)}3${randomText(3)}_HARDcoded`, 'apikey'],
    ['not-credential-shaped', '783063101477752989', 'discord_api_token'],
    ['not-credential-shaped', 'UA-2184335-18', 'token'],
    ['weak-password', 'r3alP4ssw0rd', 'password'],
    ['placeholder', 'H@Sh1CoR3!', 'administrator_login_password'],
    ['weak-password', 'Observe-Me1!', 'password'],
    ['placeholder', 'tr_dev_1234', 'apiKey'],
    ['placeholder', 'a1B2c3D4e5F6g7H8i9J0-_K1L2M3N4O5P6', 'secret'],
    ['placeholder', '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', 'token'],
    ['placeholder', 'https://hooks.slack.com/services/T00/B00/XXX', 'webhookUrl'],
    ['not-credential-shaped', 'registry-1.docker.io', 'authKey'],
    ['not-credential-shaped', 'file:/does/not/exist', 'Token'],
    ['encrypted', 'ENC[AES256_GCM,data:bO8vY9Oo,iv:zyTBtocanf47wtTlMO1KvAQ6aBkgZ2Qe1qYYu4UsrEA=,tag:abc,type:str', 'DB_PASSWORD'],
    ['placeholder', 'ASIAKBASDADA09090', 'access_key'],
    ['placeholder', 'MWYyZDFlMmU2N2Rm', 'password'],
    ['weak-password', 'Backup-User1!', 'password'],
    ['placeholder', 'session-token-cm8z6bn2q000008l34h8g7k9m', 'sessionToken'],
    ['placeholder', 'sk-super-secret-key-12345', 'secretKey'],
    ['placeholder', 'tr_prod_abc123', 'TRIGGER_SECRET_KEY'],
    ['weak-password', 'MyC0mpl3x!P@ssw0rd#2024$%^&*()', 'complexPassword'],
    ['not-credential-shaped', '__BEDROCK_DEFAULT_CREDENTIALS__', 'secretKey'],
    ['template', '%env(OPENSTATUS_API_KEY)%', '$apiKey'],
    ['not-credential-shaped', '--color-aiPrompts', 'token'],
    ['placeholder', 'whsec_c2VjcmV0LWtleS1ieXRlcw==', 'secret'],
    ['placeholder', 'LKHTREDSAWCVGHBNJUYTREWSDFLOIUYG', 'ClientSecret'],
    ['placeholder', 'aaaaabbbbbccccdddddfffffrrrrrttttttyyyyssssssssssdddddllllloooooooooowerty', 'Password'],
    ['placeholder', 'ECrDNoq1VYzzzzzzzzzyAK7TwZNtPnkqatqZZZZ', 'client_secret'],
    ['placeholder', '48E92789-57A3-466A-9959-1A1A1A1A1A1A', 'deepl_api_key'],
    ['placeholder', 'badc0deb-adc0-deba-dc0d-ebadc0debadc', 'ReplicationToken'],
    ['placeholder', `someheader.${Buffer.from(JSON.stringify({ aud: 'x', oid: 'y' })).toString('base64url')}.somesignature`, 'secret'],
    ['weak-password', 'user1-123', 'password'],
    ['not-credential-shaped', `${uuid()}-b2c_1_signin.${uuid()}-login.microsoftonline.com`, 'expectedAccountKey'],
    ['placeholder', 'asdfqwer1234asdf', 'password'],
    ['not-credential-shaped', 'pg/text@1', 'token'],
    ['placeholder', Buffer.from('(sensitive value 9520ae23a7108fe1)').toString('base64'), 'PASSWORD'],
    ['placeholder', 'sk-ant-oat01-staging', 'access_token'],
    ['placeholder', 'sk-tracing-123', 'api_key'],
    ['placeholder', 'stt_opaque_123', 'sessionTransferToken'],
    ['placeholder', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEFUCDlEKEY', 'aws_secret_access_key'],
  ];
  for (const [verdict, value, name] of cases) {
    it(`${verdict}: ${value.slice(0, 24)} under ${name}`, () => {
      const judgement = judgeValue(value, 'name', { name });
      assert.equal(judgement.verdict, verdict);
      assert.ok(judgement.confidence < DEFAULT_MINIMUM_CONFIDENCE);
    });
  }

  const credentials: [string, string, string][] = [
    ['a strong password', fake.password(), 'password'],
    ['lower-case letters and digits', randomText(24, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'ALGOLIA_ADMIN_KEY'],
    ['hex under a key name', hex(40), 'DATADOG_APP_KEY'],
    ['a UUID under a key name', uuid(), 'heroku_api_key'],
    ['base64 under an account key', Buffer.from(randomText(64)).toString('base64'), 'storageAccountKey'],
    ['random lower-case letters', randomText(20, 'bcdfghjklmnpqrstvwxz'), 'token'],
    ['thirty-two digits under a token name', randomText(32, '0123456789'), 'discord_api_token'],
    ["a provider's client secret, its prefix in words", `src_client_secret_${randomText(24)}`, 'client_secret'],
    ['a provider prefix and a long random part', `sk-ant-api03-${randomText(40)}`, 'api_key'],
    ['a percent-encoded random password', encodeURIComponent(`${randomText(12)}@${randomText(12)}`), 'password'],
    ['a password with "%" and two hex digits in it', '%5a&12ed/', 'password'],
    // With a digit, as Google's are (without one, 1 in 1,500 reads as a property path `ya29.AbcDef…`).
    ['a random token with a dotted prefix', `ya29.${randomText(37, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-')}a0-`, 'access_token'],
  ];
  for (const [what, value, name] of credentials) {
    it(`keeps ${what} as a credential`, () => {
      const judgement = judgeValue(value, 'name', { name });
      assert.equal(judgement.verdict, 'credential', value);
      assert.ok(judgement.confidence >= DEFAULT_MINIMUM_CONFIDENCE && judgement.confidence <= 1);
    });
  }

  it("dates and times are no credential, an Azure SAS token is judged by its signature, and a short token is below the threshold", () => {
    for (const value of ['2022-08-25T09:26:05Z', '2022-08-25T09:26:05.123+02:00', '2024-01-01']) assert.equal(judgeValue(value, 'name', { name: 'access_token' }).verdict, 'not-credential-shaped', value);
    assert.equal(judgeValue('?sv=2023-01-01&sig=x', 'name', { name: 'SasToken' }).confidence, 0);
    const signature = encodeURIComponent(Buffer.from(randomText(32)).toString('base64'));
    assert.equal(judgeValue(`sv=2023-01-01&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=${signature}`, 'name', { name: 'SasToken' }).verdict, 'credential');
    // Fixed values: about one random nine-character value in 200 is too little varied, or runs in sequence, to judge.
    const short = 'Xq8vRkmP7';
    assert.ok(judgeValue(short, 'name', { name: 'SUBJECT_TOKEN' }).confidence < DEFAULT_MINIMUM_CONFIDENCE, 'a nine-character token');
    assert.ok(judgeValue(short, 'name', { name: 'db_password' }).confidence >= DEFAULT_MINIMUM_CONFIDENCE, 'a nine-character password');
    assert.ok(judgeValue('Xq8vRkmP7wYt', 'name', { name: 'SUBJECT_TOKEN' }).confidence >= DEFAULT_MINIMUM_CONFIDENCE, 'a twelve-character token');
    assert.ok(judgeValue(Buffer.from('appsword').toString('base64'), 'name', { name: 'DB_PASSWORD' }).confidence < DEFAULT_MINIMUM_CONFIDENCE, 'base64 of a word is as sure as the word');
    for (const label of ['AccessToken', 'IDToken', 'RefreshToken']) assert.equal(judgeValue(`${label}.${randomText(30)}`, 'name', { name: label }).verdict, 'placeholder', label);
    for (const [value, verdict] of [
      ['JWT_SPOT_REFRESH_SECRET:.global.jwtSpotRefreshSecret', 'secret-name'],
      ['.global.s3.accessKey', 'secret-name'],
      ['auth-domain:update', 'not-credential-shaped'],
      ['o2oi_regression_ghsa_wffq_g8qf_ccmv', 'not-credential-shaped'],
    ] as const) {
      assert.equal(judgeValue(value, 'name', { name: 'token' }).verdict, verdict, value);
    }
    const sha1 = (word: string) => createHash('sha1').update(word).digest('hex');
    assert.equal(judgeValue(sha1('hello'), 'name', { name: 'valid_token' }).verdict, 'hash', 'the sha1 of "hello"');
    assert.equal(judgeValue(createHash('md5').update('1').digest('hex'), 'name', { name: 'ADMIN_USER_TOKEN' }).verdict, 'hash', 'the md5 of "1"');
    assert.equal(judgeUrlPassword('bar%25bar').verdict, 'placeholder', 'one word twice, a sign between');
    assert.equal(judgeValue(`liquibase.structure.core.PrimaryKey#${hex(7)}`, 'name', { name: 'primaryKey' }).verdict, 'not-credential-shaped', "an object's class and id");
    assert.equal(judgeValue(`#jbcrypt:$2a$10$${randomText(53)}`, 'name', { name: 'password' }).verdict, 'hash', "Jenkins' tagged bcrypt");
    assert.equal(judgeValue('#RELATIVE_TO_CHANGELOG_FILE#', 'name', { name: 'relativeToken' }).verdict, 'template');
    assert.equal(judgeValue('kv/data/flyway/flywayConfig1,kv/flyway/flywayConfig2', 'name', { name: 'vaultSecrets' }).verdict, 'secret-name', 'a list of paths to secrets');
    assert.equal(judgeValue('sp=r&st=2021-01-01T00:00:00Z&se=2021-12-31T00:00:00Z&spr=https&sr=c', 'name', { name: 'AZURE_SAS_TOKEN' }).verdict, 'not-credential-shaped', 'no signature');
    assert.equal(judgeValue('(?i)(^cosmosdb:\\/\\/.+?):(.*?)@(.*)', 'name', { name: 'FILTER_ACCOUNT_KEY' }).verdict, 'expression');
    assert.equal(judgeValue(['278d', '425b', 'df16', '0c73', '9803'].join(''), 'name', { name: 'auth_key' }).verdict, 'placeholder', "Pusher's documented example");
    assert.equal(judgeValue(sha1(randomText(12)), 'name', { name: 'valid_token' }).verdict, 'credential', 'the sha1 of random text');
    for (const lookup of ['os.environ["POLAR_AWS_SECRET_ACCESS_KEY', "ENV['API_KEY"]) assert.equal(judgeValue(lookup, 'name', { name: 'aws_secret_access_key' }).verdict, 'expression', lookup);
    assert.ok(judgeValue(Buffer.from(`${randomText(13)}aB7`).toString('base64'), 'name', { name: 'DB_PASSWORD' }).confidence >= DEFAULT_MINIMUM_CONFIDENCE, 'base64 of a random password');
  });

  it("judges a key behind its name (MinIO's KMS key) as the key; names an access key's id, a Secret's name and a rate limit; sees encrypted JSON and code between literals", () => {
    const key = randomBytes(32).toString('base64');
    assert.equal(judgeValue(`my-minio-key:${key}`, 'name', { name: 'MINIO_KMS_SECRET_KEY' }).verdict, 'credential');
    assert.equal(judgeValue(`my-minio-key:${Buffer.from('some words make this thirty two.').toString('base64')}`, 'name', { name: 'MINIO_KMS_SECRET_KEY' }).verdict, 'dictionary-word');
    // Fixed values here: about one random value in 5,000 reads as words or hexspeak.
    const minioAccessKey = 'Rq7vK2mXw9LpT4zN8bYc';
    assert.equal(judgeValue(minioAccessKey, 'name', { name: 'accessKey' }).verdict, 'not-credential-shaped');
    assert.equal(judgeValue(minioAccessKey, 'name', { name: 'secretKey' }).verdict, 'credential');
    for (const name of ['root-ca5', 'root-ca0', 'grafana-tls']) assert.equal(judgeValue(name, 'name', { name: 'secret' }).verdict, 'secret-name', name);
    assert.equal(judgeValue('5/m/user', 'name', { name: 'change_password' }).verdict, 'not-credential-shaped');
    assert.equal(judgeValue(`{"iv":"${hex(24)}","t":"${hex(32)}","d":"${hex(64)}"}`, 'name', { name: 'encPrivateKey' }).verdict, 'encrypted');
    assert.equal(judgeValue(')[1]?.split(', 'name', { name: 'github_access_token' }).verdict, 'expression');
    assert.equal(judgeValue('+GpgGoodKeyID, ', 'name', { name: 'signingkey' }).verdict, 'expression');
    assert.equal(judgeValue('[]ObjectReference{', 'name', { name: 'repeatedStringForSecrets' }).verdict, 'expression');
    assert.equal(judgeValue(`LA_kwDO${randomText(12)}`, 'name', { name: 'Secret' }).verdict, 'not-credential-shaped');
    // DigitalOcean's format with a wrong length: a validator's test; numbers counted past ten after a prefix.
    assert.equal(judgeValue(`dop_v1_${hex(64)}sdsd`, 'name', { name: 'token' }).verdict, 'placeholder');
    assert.equal(judgeValue(['dop_v1_', '8c1e9a474d6eb5f07c81d2e4a9b33f2b', '51d07e2c9f4a8b36e1c05d97a3f26b84'].join(''), 'name', { name: 'token' }).verdict, 'credential');
    assert.equal(judgeValue('nvsk.12345667891011121314151617181920212223', 'name', { name: 'apiKey' }).verdict, 'placeholder');
    // A keyboard's row typed into a provider's format, whatever the case.
    assert.equal(judgeValue(`glc${'bt'}-64_QwERTyuiOp-AsD${randomText(8)}`, 'format').verdict, 'placeholder');
    // A block typed three times (Microsoft's documented function key); random text holds none.
    assert.equal(judgeValue(`K6P2VxK6P2VxK6P2Vx${randomText(30)}==`, 'name', { name: 'masterKey' }).verdict, 'placeholder');
    assert.equal(judgeValue(`Eby8vdM02xNOcqFlqUwJPL${'lmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq'}`, 'name', { name: 'azuriteAccountKey' }).verdict, 'placeholder');
    // A JWT's header and words; a Docker build secret's mount; a value masked by hand; an Unleash token's words and its random secret.
    assert.equal(judgeValue(`${encodeJwtPart({ alg: 'HS256' })}.test.signature`, 'name', { name: 'access_token' }).verdict, 'placeholder');
    assert.equal(judgeValue('id=github_private_cloud_token,env=GH_TOKEN', 'name', { name: 'secret' }).verdict, 'secret-name');
    assert.equal(judgeValue('Qu**dfUUU**', 'name', { name: 'Password' }).verdict, 'placeholder');
    assert.equal(judgeValue('t8_)kj3v!au0!_i56#gre**mkg0&z1df%3bw(#5^#^5e_64!$_', 'name', { name: 'SECRET_KEY' }).verdict, 'credential', "a Django key with one '**'");
    assert.equal(judgeValue('*:*.some-random-string', 'name', { name: 'secret' }).verdict, 'secret-name');
    assert.equal(judgeValue(`default:development.${hex(64)}`, 'name', { name: 'secret' }).verdict, 'credential');
    // Parts masked by hand (a Slack webhook in a guide).
    assert.equal(judgeValue(`https://hooks.slack.com/services/T01XXXXRKMJ/B04XXXXGY67/1UgUXXXX${randomText(16)}`, 'format').verdict, 'placeholder');
    // A version-1 UUID is a time and a machine's address; a random (version-4) one may be a key.
    assert.equal(judgeValue(`${hex(8)}-e31f-11e4-a${hex(3)}-${hex(12)}`, 'name', { name: 'secret' }).verdict, 'not-credential-shaped');
    assert.equal(judgeValue('3f2b8c1e-9a47-4d6e-b5f0-7c81d2e4a9b3', 'name', { name: 'secret' }).verdict, 'credential');
    // Akamai's documented EdgeGrid credentials, spelled in leetspeak, and the ends tests give them; Phoenix's documented key base.
    for (const example of [`akab-acc35t0k3n${'odujqunph3w7hzp7'}-request`, `C113nt53KR3T${'N6N90yVuAgICxIRwsObLi0E67'}/N8eRN=`, `kjoy3o1zeidquwy1398${'juxzldjlksahdk3'}`]) assert.equal(judgeValue(example, 'name', { name: 'clientSecret' }).verdict, 'placeholder', example);
  });

  it('the same hex is a hash under a hash name and a credential under a key name', () => {
    const value = hex(40);
    assert.equal(judgeValue(value, 'name', { name: 'hashed_secret' }).verdict, 'hash');
    assert.equal(judgeValue(value, 'name', { name: 'secret' }).verdict, 'credential');
  });

  it('a provider format is only dropped as a placeholder, template or shortened example', () => {
    assert.equal(judgeValue(fake.stripeLive(), 'format').verdict, 'credential');
    assert.equal(judgeValue('sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'format').confidence, 0);
    assert.equal(judgeValue('sk_live_${STRIPE}', 'format').confidence, 0);
    assert.equal(judgeValue('123456789012', 'format').verdict, 'placeholder');
    assert.equal(judgeValue('xoxb-1-test', 'format').verdict, 'placeholder');
    assert.equal(judgeValue('xo' + 'xb-xoxb-my-bot-token', 'format').verdict, 'placeholder');
    // Words typed after a GitLab prefix, where the random part goes; random parts stay credentials.
    for (const words of ['hellOworld380_testin', 'my-tokens_are-correctAB38', 'Need5_T00-bee-longer-than-50_chars-or-else-failING']) {
      assert.equal(judgeValue(`gl${'pat'}-${words}`, 'format').verdict, 'placeholder', words);
    }
    // About 3 in 100,000 random bodies read as words or hold an `xxx` filler: allow one in a thousand.
    const randomTokens = Array.from({ length: 1000 }, () => `gl${'pat'}-${randomText(20, URL_SAFE)}`);
    const droppedRandomTokens = randomTokens.filter((token) => judgeValue(token, 'format').verdict !== 'credential');
    assert.ok(droppedRandomTokens.length <= 1, droppedRandomTokens.join(' '));
    assert.equal(judgeValue('xo' + 'xp-1234-' + '#'.repeat(20), 'format').confidence, 0);
    assert.equal(judgeValue('111122223333', 'format').verdict, 'placeholder');
    assert.equal(judgeValue('380192743856', 'format').verdict, 'credential');
  });

  it('a provider format whose random part is the alphabet typed in order is a placeholder', () => {
    assert.equal(judgeValue('AI' + 'zaSyabcdefghijklmnopqrstuvwxyz1234567', 'format').verdict, 'placeholder');
    assert.equal(judgeValue('sk-ant-' + 'api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde', 'format').verdict, 'placeholder');
    assert.equal(judgeValue('xo' + 'xe.xoxp-1-RANDOMSTRINGHERE', 'format').verdict, 'placeholder');
    assert.equal(judgeValue('xo' + 'xe.xoxp-1-SlackAppConfigurationAccessTokenHere', 'format').verdict, 'placeholder');
    // Seven in a row is still random enough; and a thousand random tokens never hold more.
    assert.equal(judgeValue('AI' + 'zaSyabcdefgXk29Qp7LmZr4Tn8Wv1Yb6Hc3Jd5Fe0', 'format').verdict, 'credential');
    // (Not those with `xxx` in them, about one in thirty thousand: an `x` filler typed into the random part.)
    for (let round = 0; round < 1000; round += 1) {
      const key = fake.googleApiKey();
      if (!/xxx/i.test(key)) assert.equal(judgeValue(key, 'format').verdict, 'credential', key);
    }
  });

  it('a provider format whose random part is base64 of words is a placeholder; of random bytes, a credential', () => {
    const encoded = (text: string) => Buffer.from(text).toString('base64');
    assert.equal(judgeValue(`whsec_${encoded('ilikesupabaseverymuchandihope')}`, 'format').verdict, 'placeholder');
    for (let round = 0; round < 200; round += 1) assert.equal(judgeValue(`whsec_${encoded(randomText(24))}`, 'format').verdict, 'credential');
    // Random letters that happen to read: their capitals fall anywhere, not at words' starts.
    assert.equal(judgeValue(`whsec_${encoded('AcNiCOuLkavvasSYsMyVEArb')}`, 'format').verdict, 'credential');
  });

  it('a Slack prefix with short numbers or a test name after it is a stand-in, in any rule; a real Slack token is not', () => {
    for (const value of ['xo' + 'xb-1234-1243', 'xo' + 'xe.xoxp-1-initial', 'xw' + 'fp-123-abc']) {
      assert.equal(judgeValue(value, 'format').verdict, 'placeholder', value);
      assert.equal(judgeValue(value, 'name', { name: 'token' }).verdict, 'placeholder', value);
    }
    assert.equal(judgeValue('xo' + 'xp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d', 'format').verdict, 'placeholder');
    for (let round = 0; round < 100; round += 1) assert.equal(judgeValue(fake.slackBotToken(), 'format').verdict, 'credential');
    // secretlint reports an app token's first 32 characters: its app id and number, no random part yet.
    assert.equal(judgeValue('xa' + 'pp-1-A052FGTS2DL-5171572773297', 'format').verdict, 'credential');
  });

  it("the Online JWT Builder's sample is a placeholder under any rule; another JWT is not", () => {
    const encode = encodeJwtPart;
    const jwt = (claims: object) => [encode({ typ: 'JWT', alg: 'HS256' }), encode(claims), randomText(43)].join('.');
    const sample = jwt({ iss: 'Online JWT Builder', iat: 1719396899, sub: 'jrocket@example.com' });
    assert.equal(judgeValue(sample, 'format').verdict, 'placeholder');
    assert.equal(judgeValue(sample, 'name', { name: 'BearerToken' }).verdict, 'placeholder');
    assert.equal(judgeValue(jwt({ iss: 'https://auth.acme.dev', sub: randomText(12) }), 'name', { name: 'BearerToken' }).verdict, 'credential');
  });

  it('base32 of a home-row mash is a stand-in; base32 of random bytes (a real TOTP secret) is not', () => {
    assert.equal(judgeValue('ONTGOYLTMZQXGZDBONSGC43EMFZWMZ3BONTWMYLTMRQXGZBSGMYTEMZRMFYXGZDBONSA', 'name', { name: 'secret' }).confidence, 0);
    const base32 = (length: number) => randomText(length, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
    // About one random value in 100,000 reads as capitalised words (`…FORPESONTS…`): at most one of 200 may.
    const dropped = Array.from({ length: 200 }, () => base32(32)).filter((value) => judgeValue(value, 'name', { name: 'totp_secret' }).verdict !== 'credential');
    assert.ok(dropped.length <= 1, dropped.join(' '));
  });

  it('a JWT signed with a key tests use, or with its signature cut short, is a stand-in; one signed with a random key is not', () => {
    const signedWith = (key: string, claims: object = { name: 'test' }) => signedJwt(key, claims);
    for (const key of ['test', 'test-secret']) assert.equal(judgeValue(signedWith(key), 'format').verdict, 'placeholder', key);
    assert.equal(judgeValue(signedWith(randomText(32)), 'format').verdict, 'credential');
    // Tutorials' keys: tokens signed with them stay findings, as people label them.
    for (const key of ['secret', 'your-256-bit-secret']) assert.equal(judgeValue(signedWith(key, { sub: '1234567890', name: 'John Doe' }), 'format').verdict, 'credential', key);
    assert.equal(judgeValue(signedWith(randomText(32)).slice(0, -21), 'name', { name: 'token' }).verdict, 'placeholder');
  });

  it('a UUID with letters past f is a stand-in; a real one under a key name is not', () => {
    assert.equal(judgeValue('12345678-25fg-4b05-9ced-35e7dd5093ae', 'name', { name: 'clientSecret' }).verdict, 'placeholder');
    assert.equal(judgeValue(uuid(), 'name', { name: 'clientSecret' }).verdict, 'credential');
  });

  it('digits are an id under a token name, and still a (weak) credential under a password name', () => {
    assert.equal(judgeValue('8302917465', 'name', { name: 'pin_password' }).verdict, 'credential');
    assert.equal(judgeValue('8302917465', 'name', { name: 'api_token' }).verdict, 'not-credential-shaped');
    assert.equal(judgeValue('97654867496t0877648659765854', 'name', { name: 'DUCKDNSTOKEN' }).verdict, 'placeholder', 'one letter typed among digits');
    assert.equal(judgeValue('TestAddresourcetoConfluentaccountreturnsOKresponse1688395120', 'name', { name: 'api_key' }).verdict, 'placeholder', "a generated test's name and time");
    assert.equal(judgeValue('TestingRh2nx664kUy5dIApvM54T4AtO', 'name', { name: 'client_secret' }).verdict, 'placeholder', 'a secret that starts by saying it is a test');
    assert.equal(judgeValue('Rh2nx664kUy5dIApvM54T4AtOq8Lw', 'name', { name: 'client_secret' }).verdict, 'credential');
    assert.equal(judgeValue('k3v9q0x7m2t8z1w5r6y4p0n8c2j7', 'name', { name: 'DUCKDNSTOKEN' }).verdict, 'credential');
  });

  it("a provider token that says at its end it is a stand-in, or the documented examples' keys, are placeholders", () => {
    assert.equal(judgeValue(`ghp_${randomText(32)}HARDcoded`, 'format').verdict, 'placeholder');
    assert.equal(judgeValue(['sk_test_', 'BQokikJOvBiI2HlWgH4olfQ2'].join(''), 'format').verdict, 'placeholder');
    assert.equal(judgeValue(['AKIA', 'IOSFODNN7', 'EAXMPLE'].join(''), 'format').verdict, 'placeholder');
    assert.equal(judgeValue(`ghp_${randomText(36)}`, 'format').verdict, 'credential');
  });

  it('a provider token whose random part is one block typed twice is a placeholder', () => {
    const block = hex(32);
    assert.equal(judgeValue(`do${'p'}_v1_${block}${block}`, 'format').verdict, 'placeholder');
    assert.equal(judgeValue(`do${'p'}_v1_${hex(64)}`, 'format').verdict, 'credential');
  });

  it('a provider token stays a finding even when its random part is a test dummy', () => {
    // secretlint reports these fixtures too, and users label them true findings: they have the format.
    assert.equal(judgeValue('AK' + 'IA' + 'Z'.repeat(16), 'format').verdict, 'credential');
  });

  it("an API reference's example token, zeros padding out its middle, is a placeholder", () => {
    assert.equal(judgeValue(['GOC', 'SPX-2k8gsR', '0'.repeat(16), 'VNahJj'].join(''), 'format').verdict, 'placeholder');
    assert.equal(judgeValue(['GOC', 'SPX-', randomText(28)].join(''), 'format').verdict, 'credential');
  });

  it('a URL password is judged as a password, from four characters', () => {
    assert.equal(judgeUrlPassword('q7Zk2x').verdict, 'credential');
    assert.equal(judgeUrlPassword('D1fficultP@ssw0rd').confidence < DEFAULT_MINIMUM_CONFIDENCE, true);
    assert.equal(judgeUrlPassword('whalesarecool').verdict, 'dictionary-word');
    assert.equal(judgeUrlPassword('P%40ssw0rd!').verdict, 'weak-password');
    assert.equal(judgeUrlPassword('mypass').verdict, 'weak-password');
    assert.equal(judgeUrlPassword('abc').verdict, 'not-credential-shaped');
    // A parser's test cases: parts split at a colon, and a "%" that escapes nothing.
    assert.equal(judgeUrlPassword('supersecret:secretpart').confidence, 0);
    assert.equal(judgeUrlPassword('sec:ret').confidence, 0);
    assert.equal(judgeUrlPassword('sec%zzret').confidence, 0);
    assert.equal(judgeUrlPassword('Zp4W:Tq8mLx2RvK9nBc7aB7').verdict, 'credential');
    // Keys along a keyboard row, then digits in order.
    for (const typed of ['asd123', 'qwe1234', 'zxcvb12', 'asdf1234']) assert.equal(judgeUrlPassword(typed).confidence < DEFAULT_MINIMUM_CONFIDENCE, true, typed);
    assert.equal(judgeUrlPassword('P@88w0rd').confidence < DEFAULT_MINIMUM_CONFIDENCE, true);
  });

  it("template slots of CUE, Swift and Vector's secret backends, a phrase in camelCase ending in a product's short name and a condition on a setting are not credentials", () => {
    assert.equal(judgeValue('SECRET[aws_creds.s3_secret_key]', 'name', { name: 'secret_access_key' }).verdict, 'template');
    assert.equal(judgeValue('\\(gcp)/docs/authentication/api-keys', 'name', { name: 'api_key' }).verdict, 'template');
    assert.equal(judgeValue('TheSecretKeyObtainedFromR2', 'name', { name: 'AWS_SECRET_ACCESS_KEY' }).verdict, 'dictionary-word');
    assert.equal(judgeValue('Xq7vLm2PzT9bKw4RnY8dR2', 'name', { name: 'AWS_SECRET_ACCESS_KEY' }).verdict, 'credential');
    assert.equal(judgeValue('sms_provider=ovh', 'name', { name: 'sms_ovh_application_key' }).verdict, 'expression');
    assert.equal(judgeValue('dd05f1c54d63749eda95f9fa6d49v442a', 'name', { name: 'signatureSecret' }).verdict, 'credential', "a product's default secret, hex with a letter changed");
    assert.equal(judgeValue('nix:x:999:30000:Nix', 'name', { name: 'passwd' }).confidence, 0, 'an /etc/passwd entry');
    assert.equal(judgeValue('1064250311907.3617402018.afce3599', 'name', { name: 'action_token' }).confidence, 0, "Slack's event ids");
    // Provider formats filled in by hand: runs of one letter in each random part, Slack's ids alone, a key ending in "test".
    assert.equal(judgeValue(['tskey-api-', 'A'.repeat(12), '-', 'B'.repeat(24)].join(''), 'format').confidence, 0);
    assert.equal(judgeValue(['xo', 'xa-23984754863-2348975623111'].join(''), 'format').confidence, 0);
    assert.equal(judgeValue(['sk-', 'sUeBP9asw6GiYHXqtg70T3BlbkFJJuLwJFco90bOpU0N', 'test'].join(''), 'format').confidence, 0);
    assert.equal(judgeValue(['AKIA', 'Z'.repeat(16)].join(''), 'format').verdict, 'credential', 'one run alone stays a finding');
    assert.equal(judgeValue('IAM_ROLE_ARN=deploy:packager-iam-role', 'name', { name: 'repo_secrets' }).confidence, 0, "a vault action's mapping");
    assert.ok(judgeValue('CollidePw12345!', 'name', { name: 'password' }).confidence < DEFAULT_MINIMUM_CONFIDENCE, 'letters, then 12345');
    assert.ok(judgeValue('Aa1234567-New-Edit', 'name', { name: 'new_password' }).confidence < DEFAULT_MINIMUM_CONFIDENCE, 'two letters, a count, then words');
    assert.ok(judgeValue('Pass@1234', 'name', { name: 'password' }).confidence < DEFAULT_MINIMUM_CONFIDENCE, 'a word, a sign, then 1234');
    assert.equal(judgeValue('40HexadecimalCharacters', 'name', { name: 'license_key' }).confidence, 0, 'a count, then words');
    assert.equal(judgeValue(Buffer.from('--BEGIN `PRIVATE ').toString('base64'), 'name', { name: 'ELASTICSEARCH_PASSWORD' }).confidence, 0, 'a PEM header cut short, in base64');
    assert.equal(judgeValue('thisShouldProbablyBeInASecretInstead', 'name', { name: 'dbpassword' }).confidence, 0, 'a sentence in camelCase with "A" in it');
    const basic = (password: string) => Buffer.from(`${randomUUID()}:${password}`).toString('base64');
    assert.equal(judgeValue(basic('secret'), 'name', { name: 'BasicToken' }).confidence, 0, "Basic credentials whose password is the word secret");
    assert.equal(judgeValue(basic('K7pXm2QvLz9TbR4wNc8YaB7'), 'name', { name: 'BasicToken' }).verdict, 'credential');
    assert.equal(judgeValue('sms_provider=Hq3ZmW8rTk2VnP5xLc9aB7', 'name', { name: 'sms_ovh_application_key' }).verdict, 'credential');
  });

  it('values encrypted to be committed, publishable keys, translated words and descending digits are not credentials', () => {
    const base64 = (bytes: number) => Buffer.from(randomText(bytes)).toString('base64');
    assert.equal(judgeValue(`EJ[1:${base64(32)}:${base64(24)}:${base64(30)}]`, 'name', { name: 'aws_secret_access_key' }).verdict, 'encrypted');
    assert.equal(judgeValue(`ENC[AES256_GCM,data:${base64(20)},iv:${base64(32)},tag:${base64(16)},type:str]`, 'name', { name: 'password' }).verdict, 'encrypted');
    assert.equal(judgeValue(`{cipher}${base64(48)}`, 'name', { name: 'password' }).verdict, 'encrypted');
    assert.equal(judgeValue(`pk_${randomText(64)}`, 'name', { name: 'apiKey' }).verdict, 'public');
    assert.equal(judgeValue('Contraseña', 'name', { name: 'password' }).verdict, 'prose');
    assert.equal(judgeValue('新しいAPIキー', 'name', { name: 'new_api_key' }).confidence, 0);
    assert.equal(judgeValue('\\u1353\\u120b\\u12cd', 'name', { name: 'PW' }).verdict, 'prose', 'Amharic, escaped in JSON');
    assert.equal(judgeValue('87654321', 'name', { name: 'PASSWORD' }).confidence, 0);
    assert.equal(judgeValue(hex(40), 'name', { name: 'encrypted_password' }).verdict, 'hash');
    assert.equal(judgeValue(`encrypted:${base64(96)}`, 'name', { name: 'HELLO' }).verdict, 'encrypted', "dotenvx's encrypted values");
    assert.equal(judgeValue(`secret:${base64(128)}`, 'name', { name: 'url' }).verdict, 'encrypted', "Codecov's encrypted values");
    assert.equal(judgeValue(`$shiro1$SHA-256$500000$${base64(16)}$${base64(32)}`, 'name', { name: 'storedPassword' }).verdict, 'hash', "Apache Shiro's hashes");
    assert.equal(judgeValue(`$shiro2$2y$10$${randomText(53)}`, 'name', { name: 'bcryptPw' }).verdict, 'hash');
    assert.equal(judgeValue(`CfDJ8${randomText(120, URL_SAFE)}`, 'name', { name: 'token' }).verdict, 'encrypted', "ASP.NET Core Data Protection's payloads");
    assert.equal(judgeValue(`BwOrgUserInviteToken_CfDJ8${randomText(120, URL_SAFE)}`, 'name', { name: 'orgInviteToken' }).verdict, 'encrypted', 'after their purpose');
    // A real secret under the same names stays one.
    assert.equal(judgeValue(randomText(32), 'name', { name: 'aws_secret_access_key' }).verdict, 'credential');
    assert.equal(judgeValue(`sk_${randomText(64)}`, 'name', { name: 'apiKey' }).verdict, 'credential');
  });

  it('numbers in hex, mirrored runs, paths to built files and example passwords are not credentials', () => {
    assert.equal(judgeValue('0x12FE34A9', 'name', { name: 'password' }).confidence, 0);
    assert.equal(judgeValue('ABCDEFGH1234567887654321HGFEDCBA', 'name', { name: 'secret' }).confidence, 0);
    assert.equal(judgeValue('./dist/keystone-6-core-fields-types-password.js', 'name', { name: 'password' }).confidence, 0);
    for (const value of ['pass1xxxABCD', 'foobarbaz999', 'dbpass12', 'D1fficult', 'compl3xPwd', 'myC0mpl3xPwd']) {
      assert.ok(judgeValue(value, 'name', { name: 'password' }).confidence < DEFAULT_MINIMUM_CONFIDENCE, value);
    }
    assert.equal(judgeValue(`0x${hex(64)}`, 'name', { name: 'private_key' }).verdict, 'credential');
    assert.equal(judgeValue('#/components/schemas/updateLoginFlowWithPasswordMethod', 'name', { name: 'password' }).confidence, 0);
    assert.equal(judgeValue('SecretKeyOfDoomThatMustBeAMinimumNumberOfBytes', 'name', { name: 'JWT_SECRET_KEY' }).confidence, 0);
    assert.equal(judgeValue(Buffer.from('this should not appear in output').toString('hex'), 'name', { name: 'initial_id_token' }).confidence, 0);
    assert.equal(judgeValue(`${Buffer.from('this should not appear in output\n').toString('hex')}`, 'name', { name: 'initial_id_token' }).confidence, 0);
    assert.equal(judgeValue(Buffer.from('eyJhb').toString('hex'), 'name', { name: 'initial_id_token' }).confidence, 0);
    assert.equal(judgeValue(hex(64), 'name', { name: 'encryption_key' }).verdict, 'credential');
    assert.equal(judgeValue('9f3a07c1e2b8', 'name', { name: 'api_key' }).verdict, 'credential');
    for (const value of ['default/basic-auth', 'auth-request-type/at', 'mock_token_1', 'not-a-secret--read-the-doc!']) {
      assert.equal(judgeValue(value, 'name', { name: 'auth_secret' }).confidence, 0, value);
    }
  });

  it('a base64 value that decodes to a value too short to report plainly is not reported either', () => {
    assert.equal(judgeValue(Buffer.from('demo').toString('base64'), 'name', { name: 'password' }).confidence, 0);
    assert.equal(judgeValue(Buffer.from('quobyte').toString('base64'), 'name', { name: 'password' }).confidence, 0);
    assert.equal(judgeValue(Buffer.from('q7Zk2xW9pL').toString('base64'), 'name', { name: 'password' }).verdict, 'credential');
  });

  it('a base64 value that decodes to random text stays a credential', () => {
    assert.equal(judgeValue(Buffer.from(randomText(18)).toString('base64'), 'name', { name: 'password' }).verdict, 'credential');
  });

  it('a header credential is surer than a field one of the same value', () => {
    const value = fake.password();
    assert.ok(judgeValue(value, 'header').confidence > judgeValue(value, 'name').confidence);
  });

  it("AWS's unique ids of roles, users and policies are not credentials, whatever the rule; access key ids still are", () => {
    const id = (prefix: string) => `${prefix}${randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    for (const prefix of ['AROA', 'AIDA', 'ANPA', 'AGPA']) {
      assert.equal(judgeValue(id(prefix), 'format').confidence, 0, prefix);
      assert.equal(judgeValue(id(prefix), 'name', { name: 'aws_access_key_id' }).confidence, 0, prefix);
    }
    assert.equal(judgeValue(fake.awsAccessKeyId(), 'format').verdict, 'credential');
    assert.equal(judgeValue(`wx${hex(16)}`, 'name', { name: 'apiKey' }).confidence, 0, "a WeChat app's AppID");
    assert.equal(judgeValue(`rO0ABXNy${Buffer.from(randomText(60)).toString('base64')}`, 'name', { name: 'token' }).confidence, 0, 'a serialized Java object');
    assert.equal(judgeValue(`0x02${hex(64)}`, 'name', { name: 'privateKey' }).verdict, 'public', 'a compressed public key');
    assert.equal(judgeValue(`0x${hex(64)}`, 'name', { name: 'privateKey' }).verdict, 'credential', 'a private key');
    assert.equal(judgeValue(hex(32), 'name', { name: 'apiSecret' }).verdict, 'credential', 'its AppSecret');
  });

  it("RFC 4122's example UUID and its numbered copies are examples; a random UUID under a token name is not", () => {
    assert.equal(judgeValue('550e8400-e29b-41d4-a716-446655440003', 'name', { name: 'testToken' }).verdict, 'placeholder');
    assert.equal(judgeValue('550e8400-dead-41d4-a716-446655440000:', 'name', { name: 'expiredToken' }).verdict, 'placeholder', 'its first groups changed');
    assert.equal(judgeValue(`${randomUUID()}:`, 'name', { name: 'expiredToken' }).verdict, 'credential', 'a random UUID token stays one');
    // Keys cut short by hand before a commit: an `sk-` key shorter than its format, an `id.secret` key cut after its id, a JWT without its claims.
    assert.equal(judgeValue(`sk-${randomText(26)}`, 'name', { name: 'apiKey' }).verdict, 'placeholder');
    assert.equal(judgeValue(`sk-${randomText(32, '0123456789abcdef')}`, 'name', { name: 'apiKey' }).verdict, 'credential');
    assert.equal(judgeValue(`${randomText(32, '0123456789abcdef')}.`, 'name', { name: 'apiKey' }).verdict, 'shortened');
    const header = Buffer.from('{"typ":"JWT","alg":"HS256"}').toString('base64url');
    assert.equal(judgeValue(`${header}.${randomText(43, URL_SAFE)}`, 'name', { name: 'token' }).verdict, 'shortened');
    assert.equal(judgeValue(`${randomText(24)}.${randomText(43, URL_SAFE)}`, 'name', { name: 'token' }).verdict, 'credential');
    // The Azure Cosmos DB emulator's published key, URL-encoded in a connection string.
    const cosmosEmulatorKey = ['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTq', 'obD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='].join('');
    assert.equal(judgeUrlPassword(encodeURIComponent(cosmosEmulatorKey)).verdict, 'public');
    assert.equal(judgeUrlPassword(encodeURIComponent(Buffer.from(randomText(64)).toString('base64'))).verdict, 'credential');
    // S3's and MinIO's access key id names the key; the secret beside it is the credential.
    assert.equal(judgeValue(randomText(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), 'name', { name: 'accessKey' }).verdict, 'not-credential-shaped');
    assert.equal(judgeValue(randomText(40), 'name', { name: 'accessKey' }).verdict, 'credential');
    assert.equal(judgeValue(crypto.randomUUID(), 'name', { name: 'testToken' }).verdict, 'credential');
  });

  it('readable phrases in camelCase or look-alike digits are weak or no credentials', () => {
    assert.equal(judgeValue('oldKeyThatILoved', 'name', { name: 'oldEncryptionKey' }).confidence, 0);
    assert.ok(judgeValue('HubSp0tMark3t1ng2024#', 'name', { name: 'password' }).confidence < DEFAULT_MINIMUM_CONFIDENCE);
    assert.ok(judgeValue('1q2w3e!R', 'name', { name: 'SA_PASSWORD' }).confidence < DEFAULT_MINIMUM_CONFIDENCE);
    assert.equal(judgeValue(randomText(20), 'name', { name: 'oldEncryptionKey' }).verdict, 'credential');
  });

  it('an e-mail and a password joined by a colon is judged as the password; code between two literals is an expression', () => {
    assert.ok(judgeValue('super@boxyhq.com:999login', 'name', { name: 'ADMIN_CREDENTIALS' }).confidence < DEFAULT_MINIMUM_CONFIDENCE);
    assert.equal(judgeValue(`admin@acme.io:${randomText(20)}`, 'name', { name: 'ADMIN_CREDENTIALS' }).verdict, 'credential');
    assert.equal(judgeValue(')[1].split(', 'name', { name: 'token' }).verdict, 'expression');
    assert.equal(judgeValue(`)${randomText(15)}`, 'name', { name: 'password' }).verdict, 'credential', 'a password may start with a parenthesis');
  });

  it('a call is closed; a value read from a file and one that says it is random characters are not credentials', () => {
    assert.equal(judgeValue('get_secret_value("db")', 'name', { name: 'db_password' }).verdict, 'expression');
    assert.equal(judgeValue('os.environ.get(\\"ANTHROPIC_API_KEY\\"),\\n)\\n\\nmessage', 'name', { name: 'api_key' }).verdict, 'expression', 'a call in prose, run on');
    assert.equal(judgeValue(`r(m)${randomText(40)}!x`, 'name', { name: 'SECRET_KEY' }).verdict, 'credential', 'a Django key that starts like a call');
    assert.equal(judgeValue('</mail_crypt/ecprivkey.pem', 'name', { name: 'mail_crypt_global_private_key' }).confidence, 0);
    assert.equal(judgeValue('RANDOMCHARS-----lGyjPcRtvP', 'name', { name: 'clientSecret' }).verdict, 'placeholder');
  });

  it('a snake_case name with a short part such as s3 is a name; random parts joined by underscores are not', () => {
    assert.equal(judgeValue('restic_s3_bucket', 'name', { name: 'secretKey' }).confidence, 0);
    assert.equal(judgeValue('k9_x3f7q_zt_m2p8', 'name', { name: 'secretKey' }).verdict, 'credential');
  });

  it("Bitwarden's EncStrings, a 128-hex password, highlighter names, base64 of a data object and hex with hexspeak typed in are not credentials", () => {
    const base64 = (bytes: number) => Buffer.from(randomText(bytes)).toString('base64');
    assert.equal(judgeValue(`2.${base64(16)}|${base64(32)}|${base64(32)}`, 'name', { name: '_v1PrivateKey' }).verdict, 'encrypted');
    assert.equal(judgeValue(hex(128), 'name', { name: 'password' }).verdict, 'hash');
    assert.equal(judgeValue(hex(64), 'name', { name: 'password' }).verdict, 'credential', 'a 64-hex password may be a key');
    assert.equal(judgeValue('markup.heading.1', 'name', { name: 'token' }).confidence, 0);
    const locator = Buffer.from(JSON.stringify({ u: 'https://localhost:5001', a: 'test', s: 'test', i: crypto.randomUUID() })).toString('base64');
    assert.equal(judgeValue(locator, 'name', { name: 'squidex-token' }).confidence, 0);
    const jwk = Buffer.from(JSON.stringify({ use: 'sig', kty: 'EC', crv: 'P-256', x: randomText(43), y: randomText(43), d: randomText(43) })).toString('base64');
    assert.equal(judgeValue(jwk, 'name', { name: 'privateKey' }).verdict, 'credential', 'a private JWK, encoded');
    const withKey = Buffer.from(JSON.stringify({ type: 'service_account', private_key: randomText(40) })).toString('base64');
    assert.equal(judgeValue(withKey, 'name', { name: 'token' }).verdict, 'credential');
    assert.equal(judgeValue('f3fca79989cafe7dead71beefedc812b', 'name', { name: 'token' }).confidence, 0);
  });

  it('words after a prefix, base64 of words and a number, and a JWT signed with words are stand-ins', () => {
    assert.equal(judgeValue('vck_SuperSecretValue98765', 'name', { name: 'secret' }).confidence, 0);
    assert.equal(judgeValue(`vck_${randomText(24)}`, 'name', { name: 'secret' }).verdict, 'credential');
    assert.equal(judgeValue(`whsec_${Buffer.from('test_signing_secret_32_chars_long').toString('base64')}`, 'format').confidence, 0);
    const encode = encodeJwtPart;
    assert.equal(judgeValue(`${encode({ alg: 'RS256' })}.${encode({ sub: 'user_123' })}.this-segment-must-never-be-logged`, 'name', { name: 'rawSessionToken' }).confidence, 0);
  });

  it('OpenPGP messages in base64 are ciphertext; lock and pagination tokens are ids', () => {
    assert.equal(judgeValue(`long-but-wrong-wcFMA${Buffer.from(randomText(60)).toString('base64')}`, 'name', { name: 'token' }).verdict, 'encrypted');
    assert.equal(judgeValue(`hQEMA${Buffer.from(randomText(60)).toString('base64')}`, 'name', { name: 'npmToken' }).verdict, 'encrypted');
    assert.equal(judgeValue('SomeRandomStringOf32CharsExactly', 'name', { name: 'APP_KEY' }).confidence, 0);
  });

  it("judges a URL under a credential name by its password", () => {
    const password = randomText(16);
    const judged = judgeValue(`postgresql://app:${password}@db.internal:5432/app`, 'name', { name: 'credentials' });
    assert.equal(judged.verdict, 'credential');
    assert.equal(judged.confidence, judgeUrlPassword(password).confidence);
    assert.equal(judgeValue('postgresql://app@db.internal:5432/app', 'name', { name: 'credentials' }).verdict, 'not-credential-shaped', 'no password at all');
  });

  it('demo values: words among escapes, "password" missing a letter, minified concatenation; random values stay credentials', () => {
    const below = (value: string, name: string) => judgeValue(value, 'name', { name }).confidence < DEFAULT_MINIMUM_CONFIDENCE;
    assert.equal(below('\\2\\1thisismyscretkey\\1\\2\\e\\y\\y\\h', 'SECRET_KEY'), true, 'escapes around words');
    assert.equal(below(`\\2\\1${randomText(20)}\\1\\2`, 'SECRET_KEY'), false, 'escapes around random text');
    assert.equal(below('Pssw0rd_12', 'SA_PASSWORD'), true);
    assert.equal(below('AKIATEST/20240101/us-west-2/ssmmessages/aws4_request', 'X-Amz-Credential'), true, "a signature's credential scope");
    assert.equal(below(`${hex(60)}test`, 'token'), true, 'hex that ends by saying it is a test');
    assert.equal(below(hex(64), 'token'), false);
    assert.equal(below('mockWrappedSigningKey-1', 'SIGNING_KEY'), true, "a mock's name for the value");
    assert.equal(below(Buffer.from('this is a test string').toString('base64'), 'identity_secret'), true, 'base64 of a sentence');
    assert.equal(below(Buffer.from(randomText(20)).toString('base64'), 'identity_secret'), false, 'base64 of random text');
    assert.equal(below(`ssyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJtZXNzYWdlIjoiaGVsbG8gd29ybGQifQ.${randomText(43)}`, 'invalidToken'), true, 'a JWT with its header broken on purpose');
    assert.equal(below('+f,d.setAttribute(', 'secret'), true);
    assert.equal(below("\\\\).*|\\\\1'$mysqluserpw'|", 'DB_PASSWORD'), true, 'a sed replacement');
    assert.equal(below(`+${randomText(3)};${randomText(20)}`, 'secret'), false, 'a random value may start with "+"');
  });

  it("a search query, a value framed by runs of a sign, a reference to a secret by its name and a word with a test's number are not credentials", () => {
    const below = (value: string, name: string) => judgeValue(value, 'name', { name }).confidence < DEFAULT_MINIMUM_CONFIDENCE;
    assert.equal(judgeValue('Service:"hel', 'name', { name: 'expectedToken' }).verdict, 'expression');
    assert.equal(judgeValue('!!!not-base64!!!', 'name', { name: 'AUTH_TOKEN' }).verdict, 'placeholder');
    assert.equal(below(`!!!${randomText(20)}`, 'AUTH_TOKEN'), false, 'signs at one end only');
    assert.equal(judgeValue('secret_reference::GITHUB_PERSONAL_ACCESS_TOKEN', 'name', { name: 'personal_access_token' }).verdict, 'secret-name');
    assert.equal(below('env:STRIPE_SECRET_KEY', 'api_key'), true);
    assert.equal(below(`env:${randomText(20)}7`, 'api_key'), false, 'a random value after a scheme');
    assert.equal(below('update_1', 'webhookSecret'), true);
    assert.equal(below('qxzvbkt_1', 'webhookSecret'), false, 'letters that read as no word');
    for (const value of ['yourS3accesskey', 'your-api-token', 'your_64_character_hex_string', 'mySecretKey', 'key-ixp4', 'token_a1']) assert.equal(judgeValue(value, 'name', { name: 'api_key' }).verdict, 'placeholder', value);
    // A fixed value: about one random hex value in 5,000 holds a run such as "abcde".
    assert.equal(below('key-9c1e5a07d3b84f26e0a9b7c3d5f1e842', 'api_key'), false, "Mailgun's old keys: key- and 32 hex");
    assert.equal(judgeValue('/api/boards/:boardId/export?authToken=:token', 'name', { name: 'authToken' }).verdict, 'template', 'a route with its parameters');
    assert.equal(judgeValue('#gcs-credentials', 'name', { name: 'credentials' }).verdict, 'expression', "an element's id");
    assert.equal(below(Buffer.from('01020304050607080910111213141516').toString('base64').replace(/=+$/, ''), 'privateKey'), true, 'base64 of numbers counted up');
    assert.equal(below('123456789101112131415', 'token'), true);
    assert.equal(judgeValue(`github_pat_${'wrong'.repeat(16)}`, 'format').verdict, 'placeholder', 'a word typed over and over');
    assert.equal(judgeValue(`github_pat_${randomText(82)}`, 'format').verdict, 'credential');
    assert.equal(judgeValue('averyLongSecretToSe33dtheDB', 'name', { name: 'TEST_SECRET' }).verdict, 'dictionary-word', 'camelCase words with look-alike digits');
    assert.equal(judgeValue(',api-url:,recompute', 'name', { name: 'api-key' }).verdict, 'not-credential-shaped', "getopt's long options");
    assert.equal(judgeValue('Leantime\\\\Domain\\\\Api\\\\Controllers\\\\DelAPIKey', 'name', { name: 'delAPIKey' }).verdict, 'not-credential-shaped', "a PHP class's name");
    assert.equal(judgeValue('AC12345beefbeef67890beefbeef122586', 'format').verdict, 'placeholder', 'hexspeak where the hex goes');
    assert.equal(judgeValue('affebeef258625862586258625862586', 'format').verdict, 'placeholder', 'a block typed over');
    assert.equal(judgeValue(`AC${randomText(32, '0123456789abcdef')}`, 'format').verdict, 'credential');
    assert.equal(judgeValue('AKIATESTTESTTESTTEST', 'format').verdict, 'credential', 'a word typed over stays a finding, as the labelled sets want');
    assert.equal(judgeValue('john:$2y$05$/iP8ud0Fs8o3NLlElyfVVOp6LesJl3oRLYoc3neArZKWX10OhynSC', 'name', { name: 'htpasswd' }).verdict, 'hash', 'an htpasswd line');
    assert.equal(judgeValue('`+string(s1id)+`', 'name', { name: 'secret' }).verdict, 'expression', 'a call joined into a template');
    assert.equal(judgeValue(`XCP.${randomText(60, URL_SAFE)}`, 'name', { name: 'token' }).verdict, 'encrypted', "Livebook's encrypted stamp");
    assert.equal(judgeValue(`QTEyOEdDTQ.${randomText(60, URL_SAFE)}.${randomText(16, URL_SAFE)}.${randomText(22, URL_SAFE)}`, 'name', { name: 'token' }).verdict, 'encrypted', "Plug.Crypto's encrypted message");
  });
});
