// A labelled corpus for measuring detection quality: realistic files, each with the spans of the
// credentials that must be found (positives) and of credential-looking literals that are not
// credentials (negatives). Deterministic: every random part comes from a seeded generator, so two
// runs score the same text.
//
// Every fake credential is assembled at run time from parts ('sk' + '_live_' + random), so that no
// token-shaped literal sits in this file.
//
//   generateEvaluationCorpus({ seed }) → [{ filePath, text, isExecutorFile?, positives, negatives }]
//   where positives and negatives are [{ start, end, class }] offsets into text ([start, end)).

const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALPHANUMERIC = UPPERCASE + LOWERCASE + DIGITS;
const BASE64_URL = `${ALPHANUMERIC}-_`;
const HEX = '0123456789abcdef';
const BCRYPT_ALPHABET = `./${ALPHANUMERIC}`;
const PASSWORD_ALPHABET = `${ALPHANUMERIC}!#%*+-_@^`;

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (minimum, maximum) => minimum + Math.floor(next() * (maximum - minimum + 1));
  const string = (alphabet, length) => {
    let text = '';
    for (let index = 0; index < length; index += 1) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  };
  const bytes = (length) => Buffer.from(Array.from({ length }, () => integer(0, 255)));
  return {
    next,
    integer,
    string,
    bytes,
    pick: (list) => list[Math.floor(next() * list.length)],
    hex: (length) => string(HEX, length),
    digits: (length) => string('123456789', 1) + string(DIGITS, length - 1),
    alphanumeric: (length) => string(ALPHANUMERIC, length),
    lowercaseAndDigits: (length) => string(LOWERCASE + DIGITS, length),
    base64: (byteCount) => bytes(byteCount).toString('base64'),
    base64Url: (length) => string(BASE64_URL, length),
    password: (length) => string(PASSWORD_ALPHABET, length),
    uuid: () => [string(HEX, 8), string(HEX, 4), `4${string(HEX, 3)}`, `${string('89ab', 1)}${string(HEX, 3)}`, string(HEX, 12)].join('-'),
  };
}

// ---- Labelled text -------------------------------------------------------------------------------

const positive = (className, value) => ({ label: 'positive', className, value });
const negative = (className, value) => ({ label: 'negative', className, value });

/**
 * A tagged template that records where each positive(…) and negative(…) part lands. Parts may also
 * be fragments (the result of another labelled`…`), whose labels are shifted into place.
 */
function labelled(strings, ...parts) {
  let text = strings[0];
  const positives = [];
  const negatives = [];
  parts.forEach((part, index) => {
    if (part !== null && typeof part === 'object' && 'label' in part) {
      const start = text.length;
      text += part.value;
      (part.label === 'positive' ? positives : negatives).push({ start, end: text.length, class: part.className });
    } else if (part !== null && typeof part === 'object' && 'text' in part) {
      const offset = text.length;
      text += part.text;
      for (const span of part.positives) positives.push({ ...span, start: span.start + offset, end: span.end + offset });
      for (const span of part.negatives) negatives.push({ ...span, start: span.start + offset, end: span.end + offset });
    } else {
      text += String(part);
    }
    text += strings[index + 1];
  });
  return { text, positives, negatives };
}

/** Joins fragments (or plain strings) with `separator`, keeping their labels. */
function joinFragments(fragments, separator = '\n') {
  const strings = [''];
  for (let index = 1; index < fragments.length; index += 1) strings.push(separator);
  strings.push('');
  return labelled(strings, ...fragments);
}

function file(filePath, fragment, extras = {}) {
  return { filePath, text: fragment.text, ...extras, positives: fragment.positives, negatives: fragment.negatives };
}

// ---- Fake credentials, assembled from parts --------------------------------------------------------

function makeCredentials(random) {
  const privateKeyBody = (byteCount, width) => random.base64(byteCount).match(new RegExp(`.{1,${width}}`, 'g')).join('\n');
  // A DER SEQUENCE (`MII…`; `MH…` when short) of `byteCount` bytes in all, as long as its header declares, as a real key's is.
  const derBody = (byteCount) => {
    const header = byteCount - 2 < 0x80 ? Buffer.from([0x30, byteCount - 2]) : Buffer.from([0x30, 0x82, (byteCount - 4) >> 8, (byteCount - 4) & 0xff]);
    return Buffer.concat([header, Buffer.from(random.base64(byteCount - header.length), 'base64')]).toString('base64').match(/.{1,64}/g).join('\n');
  };
  const pemBlock = (kind, body) => ['-----BEGIN ', kind, ' KEY-----\n', body, '\n-----END ', kind, ' KEY-----'].join('');
  return {
    stripe: () => random.pick(['sk', 'rk']) + '_live_' + random.alphanumeric(random.pick([24, 34, 99])),
    github: () =>
      random.pick([
        () => 'gh' + 'p_' + random.alphanumeric(36),
        () => 'gh' + 'o_' + random.alphanumeric(36),
        () => 'gh' + 's_' + random.alphanumeric(36),
        () => 'github' + '_pat_' + random.alphanumeric(22) + '_' + random.alphanumeric(59),
      ])(),
    slack: () => 'xox' + random.pick(['b', 'p']) + '-' + random.digits(11) + '-' + random.digits(13) + '-' + random.alphanumeric(24),
    slackWebhook: () => 'https://hooks.slack.com' + '/services/T' + random.string(UPPERCASE + DIGITS, 8) + '/B' + random.string(UPPERCASE + DIGITS, 10) + '/' + random.alphanumeric(24),
    /** `withDash` forces a '-' into the key (base64url allows it); without, none is there. */
    sendGrid: (withDash) => {
      const alphabet = withDash ? BASE64_URL : `${ALPHANUMERIC}_`;
      let second = random.string(alphabet, 43);
      if (withDash) second = second.slice(0, 10) + '-' + second.slice(11);
      return 'S' + 'G.' + random.string(alphabet, 22) + '.' + second;
    },
    huggingFace: () => 'h' + 'f_' + random.string(UPPERCASE + LOWERCASE, 34),
    digitalOcean: () => random.pick(['dop', 'doo']) + '_v1_' + random.hex(64),
    supabase: () => 'sb' + 'p_' + random.hex(40),
    hubSpot: () => 'pat' + '-' + random.pick(['na1', 'eu1']) + '-' + random.uuid(),
    google: () => 'AI' + 'za' + random.string(`${ALPHANUMERIC}_-`, 35),
    telegramToken: () => random.digits(10) + ':' + 'AA' + random.string(`${ALPHANUMERIC}_-`, 33),
    teamsWebhook: () =>
      'https://' + random.pick(['contoso', 'fabrikam', 'northwind']) + '.webhook.office.com' + '/webhookb2/' + random.uuid() + '@' + random.uuid() + '/IncomingWebhook/' + random.hex(32) + '/' + random.uuid(),
    ecPrivateKey: () => pemBlock('EC PRIVATE', derBody(121)),
    pkcs8PrivateKey: () => pemBlock('PRIVATE', derBody(900)),
    openSshPrivateKey: () => pemBlock('OPENSSH PRIVATE', 'b3BlbnNzaC1rZXktdjEAAAAA' + privateKeyBody(300, 70).slice(24)),
  };
}

// ---- Realistic surroundings ------------------------------------------------------------------------

const SERVICE_NAMES = ['billing', 'checkout', 'notifier', 'search', 'reports', 'inventory', 'auth-gateway', 'mailer', 'analytics', 'scheduler'];
const USER_NAMES = ['deploy', 'svc_orders', 'admin', 'ci-bot', 'reporting', 'app_user', 'grafana', 'backup'];
const HOSTS = ['db.internal', 'postgres.prod.svc', 'mysql-primary', 'redis.cache.local', 'ldap.corp.example.com', 'kafka-0.kafka'];

function typeScriptPreamble(random, service) {
  return [
    `import { Logger } from '../logging';`,
    `import type { Request, Response } from 'express';`,
    '',
    `const logger = new Logger('${service}');`,
    `const RETRY_LIMIT = ${random.integer(2, 6)};`,
    '',
  ].join('\n');
}

function typeScriptEpilogue(service) {
  return [
    '',
    `export async function handle(request: Request, response: Response): Promise<void> {`,
    `  logger.info('${service} request', { path: request.path });`,
    `  response.status(204).end();`,
    `}`,
    '',
  ].join('\n');
}

// ---- Positives -------------------------------------------------------------------------------------

/** Provider formats passed straight into a call or assigned to a name that says nothing. */
function providerFormatFiles(random, credentials) {
  const files = [];
  const providers = [
    { className: 'stripe', make: credentials.stripe, call: (value) => labelled`const stripe = new Stripe(${value}, { apiVersion: '2024-06-20' });` },
    { className: 'github', make: credentials.github, call: (value) => labelled`const octokit = new Octokit({ auth: ${value} });` },
    { className: 'slack', make: credentials.slack, call: (value) => labelled`const slack = new WebClient(${value});` },
    { className: 'slack', make: credentials.slackWebhook, call: (value) => labelled`await fetch(${value}, { method: 'POST', body: JSON.stringify({ text }) });` },
    { className: 'sendgrid', make: () => credentials.sendGrid(true), call: (value) => labelled`sendgrid.setApiKey(${value});` },
    { className: 'sendgrid', make: () => credentials.sendGrid(false), call: (value) => labelled`const mailer = new Client(${value});` },
    { className: 'hugging-face', make: credentials.huggingFace, call: (value) => labelled`const inference = new HfInference(${value});` },
    { className: 'digitalocean', make: credentials.digitalOcean, call: (value) => labelled`const client = createApiClient({ token: ${value} });` },
    { className: 'supabase', make: credentials.supabase, call: (value) => labelled`const management = new SupabaseManagementAPI({ accessToken: ${value} });` },
    { className: 'hubspot', make: credentials.hubSpot, call: (value) => labelled`const hubspot = new hubspotClient.Client({ accessToken: ${value} });` },
    { className: 'google-api-key', make: credentials.google, call: (value) => labelled`const maps = new Loader({ apiKey: ${value}, version: 'weekly' });` },
  ];
  const quotes = ["'", '"', '`'];
  const anonymousNames = ['x', 'value', 'key', 'k', 'cfg', 'init', 'a', 'defaultValue'];
  for (const provider of providers) {
    for (let variant = 0; variant < 4; variant += 1) {
      const service = random.pick(SERVICE_NAMES);
      const quote = random.pick(quotes);
      const value = positive(provider.className, provider.make());
      // Half passed straight into a call, half assigned to a name that says nothing.
      const statement =
        variant % 2 === 0
          ? labelled`${provider.call(labelled`${quote}${value}${quote}`)}`
          : (() => {
              const name = random.pick(anonymousNames);
              return labelled`const ${name} = ${quote}${value}${quote};\nexport default ${name};`;
            })();
      files.push(file(`src/${service}/client-${provider.className}-${variant}.ts`, labelled`${typeScriptPreamble(random, service)}${statement}\n${typeScriptEpilogue(service)}`));
    }
  }
  // The same formats in Python and in config files.
  for (const [className, make] of [
    ['stripe', credentials.stripe],
    ['github', credentials.github],
    ['hugging-face', credentials.huggingFace],
    ['sendgrid', () => credentials.sendGrid(random.next() < 0.5)],
    ['digitalocean', credentials.digitalOcean],
    ['supabase', credentials.supabase],
  ]) {
    files.push(
      file(
        `scripts/${className}_sync.py`,
        labelled`import logging\nimport requests\n\nlog = logging.getLogger(__name__)\n\n\ndef main():\n    session = make_session("${positive(className, make())}")\n    log.info("synced %d records", session.sync())\n`,
      ),
    );
  }
  return files;
}

function telegramAndTeamsFiles(random, credentials) {
  const files = [];
  for (let variant = 0; variant < 4; variant += 1) {
    const chat = random.digits(9);
    files.push(
      file(
        `scripts/notify-${variant}.sh`,
        labelled`#!/usr/bin/env bash\nset -euo pipefail\nMESSAGE="Deploy of $1 finished"\ncurl -s -X POST "https://api.telegram.org/bot${positive('telegram-bot-token', credentials.telegramToken())}/sendMessage" \\\n  -d chat_id=${chat} -d text="$MESSAGE"\n`,
      ),
    );
    files.push(
      file(
        `src/alerts/telegram-${variant}.ts`,
        labelled`const endpoint = ${'`'}https://api.telegram.org/bot${positive('telegram-bot-token', credentials.telegramToken())}/sendMessage${'`'};\nexport const sendAlert = (text: string) => fetch(endpoint, { method: 'POST', body: new URLSearchParams({ chat_id: '${chat}', text }) });\n`,
      ),
    );
    files.push(
      file(
        variant % 2 === 0 ? `config/alerting-${variant}.yaml` : `src/alerts/teams-${variant}.ts`,
        variant % 2 === 0
          ? labelled`receivers:\n  - name: on-call\n    msteams_configs:\n      - webhook_url: ${positive('teams-webhook', credentials.teamsWebhook())}\n        send_resolved: true\n`
          : labelled`export async function postToTeams(card: object): Promise<void> {\n  await fetch("${positive('teams-webhook', credentials.teamsWebhook())}", { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(card) });\n}\n`,
      ),
    );
  }
  return files;
}

function serviceAccountJson(random, credentials, project) {
  const email = `${random.pick(SERVICE_NAMES)}@${project}.iam.gserviceaccount.com`;
  return {
    type: 'service_account',
    project_id: project,
    private_key_id: random.hex(40),
    private_key: `${credentials.pkcs8PrivateKey()}\n`,
    client_email: email,
    client_id: random.digits(21),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
  };
}

function serviceAccountAndPrivateKeyFiles(random, credentials) {
  const files = [];
  for (let variant = 0; variant < 3; variant += 1) {
    const project = `${random.pick(['acme', 'orbit', 'lumen'])}-${random.pick(['prod', 'staging', 'data'])}-${random.digits(6)}`;
    files.push(file(`deploy/gcp/${project}-sa.json`, labelled`${positive('gcp-service-account', JSON.stringify(serviceAccountJson(random, credentials, project), null, 2))}\n`));
    // One line, the key's newlines escaped, as it is pasted into an environment variable or a CI setting.
    files.push(
      file(
        `deploy/${['production', 'ci', 'staging'][variant]}/.env`,
        labelled`NODE_ENV=production\nGCP_PROJECT=${project}\nGOOGLE_APPLICATION_CREDENTIALS_JSON='${positive('gcp-service-account', JSON.stringify(serviceAccountJson(random, credentials, project)))}'\nLOG_LEVEL=info\n`,
      ),
    );
  }
  const keyMakers = [
    ['private-key', credentials.ecPrivateKey, 'deploy/certs/signing-ec.pem'],
    ['private-key', credentials.openSshPrivateKey, 'ops/ssh/id_ed25519'],
    ['private-key', credentials.pkcs8PrivateKey, 'config/tls/server.key'],
  ];
  for (const [className, make, filePath] of keyMakers) {
    files.push(file(filePath, labelled`${positive(className, make())}\n`));
  }
  // Inside code and YAML, as they are found in the wild.
  files.push(
    file(
      'src/auth/signing.ts',
      labelled`// Signs the session cookies.\nconst SIGNING_KEY = ${'`'}${positive('private-key', credentials.ecPrivateKey())}${'`'};\nexport const sign = (payload: string) => createSign('SHA256').update(payload).sign(SIGNING_KEY, 'base64');\n`,
    ),
  );
  files.push(
    file(
      'charts/gateway/values-prod.yaml',
      labelled`gateway:\n  replicas: 3\n  tls:\n    key: |\n${indentedPositive('private-key', credentials.pkcs8PrivateKey(), '      ')}\n`,
    ),
  );
  files.push(file('ansible/roles/deploy/files/deploy_key', labelled`${positive('private-key', credentials.openSshPrivateKey())}\n`));
  return files;
}

/** A multi-line value indented for a YAML block scalar, labelled from its first character to its last. */
function indentedPositive(className, value, indent) {
  const indented = value.split('\n').map((line, index) => (index === 0 ? line : indent + line)).join('\n');
  return labelled`${indent}${positive(className, indented)}`;
}

/** Credential-named fields whose values are lowercase+digits only, mostly hex, or UUID-shaped. */
function plainValueFieldFiles(random) {
  const files = [];
  for (let variant = 0; variant < 3; variant += 1) {
    files.push(
      file(
        variant === 0 ? '.env' : `services/${random.pick(SERVICE_NAMES)}/.env.production`,
        labelled`# Monitoring\nDATADOG_SITE=datadoghq.eu\nDATADOG_API_KEY=${positive('credential-field-hex', random.hex(32))}\nDATADOG_APP_KEY=${positive('credential-field-hex', random.hex(40))}\n\n# Search\nALGOLIA_APP_ID=${random.string(UPPERCASE + DIGITS, 10)}\nALGOLIA_ADMIN_KEY=${positive('credential-field-hex', random.hex(32))}\nALGOLIA_INDEX=products_${variant}\n`,
      ),
    );
  }
  for (let variant = 0; variant < 3; variant += 1) {
    files.push(
      file(
        `infra/azure/storage-${variant}.yaml`,
        labelled`storage:\n  accountName: ${random.pick(['acmeassets', 'orbitlogs', 'lumenbackup'])}${variant}\n  container: uploads\n  storageAccountKey: "${positive('credential-field-base64', random.base64(64))}"\n`,
      ),
    );
    const account = `${random.pick(['acmeassets', 'orbitlogs'])}${variant}`;
    files.push(
      file(
        `src/storage/blob-${variant}.ts`,
        labelled`const connectionString = "DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${positive('credential-field-base64', random.base64(64))};EndpointSuffix=core.windows.net";\nexport const blobs = BlobServiceClient.fromConnectionString(connectionString);\n`,
      ),
    );
  }
  for (let variant = 0; variant < 3; variant += 1) {
    files.push(
      file(
        `scripts/datadog-export-${variant}.sh`,
        labelled`curl -s "https://api.datadoghq.com/api/v1/dashboard" \\\n  -H "DD-API-KEY: ${positive('credential-field-hex', random.hex(32))}" \\\n  -H "X-APPLICATION-KEY: ${positive('credential-field-hex', random.hex(40))}" > dashboards.json\n`,
      ),
    );
    files.push(
      file(
        `terraform/heroku-${variant}.tfvars`,
        labelled`heroku_email   = "ops@example.com"\nheroku_api_key = "${positive('credential-field-uuid', random.uuid())}"\napp_name       = "${random.pick(SERVICE_NAMES)}-prod"\n`,
      ),
    );
    files.push(
      file(
        `config/settings-${variant}.yml`,
        labelled`heroku:\n  app: ${random.pick(SERVICE_NAMES)}\n  heroku_api_key: ${positive('credential-field-uuid', random.uuid())}\nmailgun:\n  domain: mg.example.com\n  api_key: ${positive('credential-field-lowercase-digits', random.lowercaseAndDigits(32))}\n`,
      ),
    );
    files.push(
      file(
        `src/integrations/partner-${variant}.ts`,
        labelled`export const partnerConfig = {\n  baseUrl: 'https://partner.example.com/v2',\n  clientSecret: '${positive('credential-field-lowercase-digits', random.lowercaseAndDigits(random.pick([24, 32, 40])))}',\n  timeoutMs: 5000,\n};\n`,
      ),
    );
  }
  return files;
}

/** Values on the line after their key, and YAML block scalars. */
function nextLineValueFiles(random) {
  const files = [];
  for (let variant = 0; variant < 3; variant += 1) {
    files.push(
      file(
        `src/database/connection-${variant}.ts`,
        labelled`export const databaseOptions = {\n  host: '${random.pick(HOSTS)}',\n  user: '${random.pick(USER_NAMES)}',\n  password:\n    '${positive('value-on-next-line', random.password(random.integer(16, 28)))}',\n  ssl: true,\n};\n`,
      ),
    );
    files.push(
      file(
        `deploy/${random.pick(SERVICE_NAMES)}/values-${variant}.yaml`,
        labelled`postgresql:\n  auth:\n    username: ${random.pick(USER_NAMES)}\n    password:\n      ${positive('value-on-next-line', random.password(random.integer(16, 28)))}\n    database: app\n`,
      ),
    );
    files.push(
      file(
        `config/oauth-${variant}.yaml`,
        labelled`oauth:\n  clientId: ${random.uuid()}\n  clientSecret: ${random.pick(['|', '>-', '|-'])}\n    ${positive('yaml-block-scalar', random.alphanumeric(random.integer(32, 48)))}\n  redirectUri: https://app.example.com/callback\n`,
      ),
    );
  }
  return files;
}

/** `Basic <base64 of user:password>` anywhere, and built with btoa in a template. */
function basicAuthFiles(random) {
  const files = [];
  const encoded = () => Buffer.from(`${random.pick(USER_NAMES)}:${random.password(random.integer(12, 24))}`).toString('base64');
  const places = [
    (value) => ['scripts/fetch-report.sh', labelled`curl -H "Authorization: Basic ${value}" https://reports.example.com/api/export > report.csv\n`],
    (value) => ['deploy/nginx/upstream.conf', labelled`location /api/ {\n  proxy_pass http://backend;\n  proxy_set_header Authorization "Basic ${value}";\n}\n`],
    (value) => ['src/clients/legacy.ts', labelled`const headers = { Authorization: 'Basic ${value}', Accept: 'application/json' };\nexport const fetchLegacy = (path: string) => fetch(new URL(path, BASE_URL), { headers });\n`],
    (value) => ['config/http-check.yaml', labelled`checks:\n  - url: https://status.example.com/health\n    headers:\n      Authorization: Basic ${value}\n`],
    (value) => ['docs/api.http', labelled`GET https://api.example.com/v1/orders\nAuthorization: Basic ${value}\n`],
  ];
  for (const [index, place] of places.entries()) {
    const [filePath, fragment] = place(positive('basic-auth', encoded()));
    files.push(file(filePath.replace(/(\.[a-z]+)$/, `-${index}$1`), fragment));
  }
  for (let variant = 0; variant < 3; variant += 1) {
    const credential = `${random.pick(USER_NAMES)}:${random.alphanumeric(random.integer(20, 32))}`;
    files.push(
      file(
        `src/clients/jira-${variant}.ts`,
        labelled`export const jira = axios.create({\n  baseURL: 'https://example.atlassian.net/rest/api/3',\n  headers: { Authorization: ${'`'}Basic \${btoa("${positive('basic-auth-template', credential)}")}${'`'} },\n});\n`,
      ),
    );
  }
  return files;
}

/** Credential fields with ordinary random passwords, in each file type. */
function credentialFieldFiles(random) {
  const files = [];
  const secret = () => random.password(random.integer(14, 30));
  for (let variant = 0; variant < 4; variant += 1) {
    const host = random.pick(HOSTS);
    files.push(
      file(
        variant === 0 ? 'docker/.env' : `apps/${random.pick(SERVICE_NAMES)}-${variant}/.env.local`,
        labelled`POSTGRES_HOST=${host}\nPOSTGRES_USER=${random.pick(USER_NAMES)}\nPOSTGRES_PASSWORD=${positive('credential-field-env', secret())}\nSESSION_SECRET=${positive('credential-field-env', random.alphanumeric(40))}\nPORT=${random.integer(3000, 9000)}\n`,
      ),
    );
    files.push(
      file(
        `config/application-${variant}.yml`,
        labelled`spring:\n  datasource:\n    url: jdbc:postgresql://${host}:5432/app\n    username: ${random.pick(USER_NAMES)}\n    password: "${positive('credential-field-yaml', secret())}"\n  mail:\n    host: smtp.example.com\n    password: ${positive('credential-field-yaml', secret())}\n`,
      ),
    );
    files.push(
      file(
        `config/appsettings.${random.pick(['Production', 'Staging'])}-${variant}.json`,
        labelled`{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "Smtp": {\n    "Host": "smtp.example.com",\n    "User": "${random.pick(USER_NAMES)}",\n    "Password": "${positive('credential-field-json', secret())}"\n  },\n  "OAuth": { "ClientId": "${random.uuid()}", "client_secret": "${positive('credential-field-json', random.alphanumeric(34))}" }\n}\n`,
      ),
    );
    files.push(
      file(
        `src/config/secrets-${variant}.ts`,
        labelled`${typeScriptPreamble(random, 'config')}export const apiSecret = "${positive('credential-field-typescript', random.alphanumeric(32))}";\nconst dbPassword = '${positive('credential-field-typescript', secret())}';\nexport const database = { user: 'app', password: dbPassword };\n`,
      ),
    );
    files.push(
      file(
        `${random.pick(SERVICE_NAMES).replace('-', '_')}/settings_${variant}.py`,
        labelled`import os\n\nDEBUG = False\nALLOWED_HOSTS = ["app.example.com"]\nSECRET_KEY = '${positive('credential-field-python', random.password(50))}'\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "USER": "app",\n        "PASSWORD": "${positive('credential-field-python', secret())}",\n    }\n}\n`,
      ),
    );
  }
  return files;
}

/** Executor webhook headers (the executor-header rule: isExecutorFile, a path under executors/). */
function executorFiles(random) {
  const files = [];
  for (let variant = 0; variant < 4; variant += 1) {
    const name = `${random.pick(['notify', 'sync', 'charge', 'refresh'])}-${random.pick(SERVICE_NAMES)}`;
    const header =
      variant % 2 === 0
        ? labelled`headers: { Authorization: "Bearer ${positive('executor-webhook-header', random.alphanumeric(random.integer(32, 48)))}" }`
        : labelled`headers: { "X-Api-Key": "${positive('executor-webhook-header', random.lowercaseAndDigits(32))}", "Content-Type": "application/json" }`;
    files.push(
      file(
        `executors/${name}.ts`,
        labelled`import { createExecutor } from '@tailor-platform/sdk';\n\nexport default createExecutor({\n  name: '${name}',\n  trigger: { kind: 'recordCreated', type: 'Order' },\n  operation: {\n    kind: 'webhook',\n    url: () => 'https://hooks.example.com/${name}',\n    ${header},\n    body: ({ newRecord }) => ({ id: newRecord.id }),\n  },\n});\n`,
        { isExecutorFile: true },
      ),
    );
  }
  return files;
}

// ---- Negatives -------------------------------------------------------------------------------------

function hashFiles(random) {
  const files = [];
  for (let variant = 0; variant < 2; variant += 1) {
    const results = {};
    const fragments = [];
    for (let index = 0; index < 5; index += 1) {
      const fileName = `${random.pick(['src', 'tests', 'deploy'])}/${random.pick(SERVICE_NAMES)}/${random.pick(['settings.py', 'config.yaml', 'client.ts'])}`;
      results[fileName] = true;
      fragments.push(
        labelled`    "${fileName}": [\n      {\n        "type": "${random.pick(['Secret Keyword', 'Hex High Entropy String', 'Base64 High Entropy String'])}",\n        "filename": "${fileName}",\n        "hashed_secret": "${negative('hash-detect-secrets-baseline', random.hex(40))}",\n        "is_verified": false,\n        "line_number": ${random.integer(1, 400)}\n      }\n    ]`,
      );
    }
    files.push(
      file(
        variant === 0 ? '.secrets.baseline' : `services/${random.pick(SERVICE_NAMES)}/.secrets.baseline`,
        labelled`{\n  "version": "1.4.0",\n  "plugins_used": [{ "name": "KeywordDetector" }, { "name": "HexHighEntropyString", "limit": 3.0 }],\n  "results": {\n${joinFragments(fragments, ',\n')}\n  },\n  "generated_at": "2024-0${variant + 3}-11T09:12:44Z"\n}\n`,
      ),
    );
  }
  const bcrypt = () => '$2' + random.pick(['y', 'b', 'a']) + '$' + random.pick(['10', '12']) + '$' + random.string(BCRYPT_ALPHABET, 53);
  files.push(
    file(
      'database/seeds/users.sql',
      joinFragments([
        'INSERT INTO users (email, password, role) VALUES',
        ...Array.from({ length: 4 }, (_, index) => labelled`  ('user${index}@example.com', '${negative('hash-bcrypt', bcrypt())}', '${random.pick(['admin', 'member'])}')${index === 3 ? ';' : ','}`),
        '',
      ]),
    ),
  );
  files.push(
    file(
      'config/users.yaml',
      joinFragments([
        'users:',
        ...Array.from({ length: 3 }, () => labelled`  - name: ${random.pick(USER_NAMES)}\n    password: "${negative('hash-bcrypt', bcrypt())}"\n    roles: [viewer]`),
        '',
      ]),
    ),
  );
  files.push(
    file(
      'deploy/nginx/.htpasswd',
      joinFragments([...Array.from({ length: 4 }, () => labelled`${random.pick(USER_NAMES)}:${negative('hash-htpasswd', '{SHA}' + random.base64(20))}`), '']),
    ),
  );
  files.push(
    file(
      'tests/fixtures/accounts.yaml',
      joinFragments([
        'accounts:',
        ...Array.from({ length: 4 }, () => labelled`  - login: ${random.pick(USER_NAMES)}\n    password_hash: "${negative('hash-password-field', random.hex(64))}"\n    salt: "${negative('hash-password-field', random.hex(32))}"`),
        '',
      ]),
    ),
  );
  files.push(
    file(
      'src/models/user.py',
      labelled`class User(Base):\n    __tablename__ = "users"\n    id = Column(Integer, primary_key=True)\n    password_hash = Column(String(128))\n\n\nADMIN_FIXTURE = {"name": "admin", "password_hash": "${negative('hash-password-field', random.hex(64))}"}\n`,
    ),
  );
  return files;
}

function placeholderFiles(random) {
  const files = [];
  files.push(
    file(
      'tools/sonar_scan.py',
      labelled`import subprocess\nimport uuid\n\n\ndef scan(sl_token, project):\n    args = ['sonar-scanner', ${negative('placeholder-format-string', `'--api-key="{sl_token}"'`)}.format(sl_token=sl_token)]\n    config = ${negative('placeholder-format-string', `f'secret = "{uuid.uuid4()}"'`)}\n    dsn = ${negative('placeholder-format-string', '"postgresql:' + '//%(user)s:%(password)s@%(host)s/app"')} % settings\n    login = ${negative('placeholder-format-string', `"password={password}"`)}.format(password=read_password())\n    subprocess.run(args, check=True)\n`,
    ),
  );
  files.push(
    file(
      'config/logging.ini',
      labelled`[handler_db]\nclass=DatabaseHandler\nargs=('${random.pick(HOSTS)}', 'app')\npassword = ${negative('placeholder-format-string', '%(password)s')}\ntoken = ${negative('placeholder-format-string', '%(api_token)s')}\n`,
    ),
  );
  for (let variant = 0; variant < 2; variant += 1) {
    files.push(
      file(
        `scripts/kafka-consume-${variant}.sh`,
        labelled`#!/usr/bin/env bash\nset -euo pipefail\nTMP_CONFIG=$(mktemp)\nexport PGPASSWORD=${negative('placeholder-shell', '$DB_PASSWORD')}\ncat > "$TMP_CONFIG" <<EOF\nsasl.username=$SASL_USER\nsasl.password=${negative('placeholder-shell', '"$SASL_USER_PASSWORD"')}\nEOF\nkafka-console-consumer --consumer.config "$TMP_CONFIG" --topic orders\nTOKEN_FILE=${negative('placeholder-shell', '$(mktemp)')}\nAPI_TOKEN=${negative('placeholder-shell', '"${API_TOKEN:-}"')}\nSECRET_KEY=${negative('placeholder-shell', '${SECRET_KEY}')}\n`,
      ),
    );
  }
  files.push(
    file(
      'docker-compose.yml',
      labelled`services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${negative('placeholder-shell', '${DB_PASSWORD}')}\n      POSTGRES_USER: \${DB_USER:-app}\n  api:\n    build: .\n    environment:\n      - JWT_SECRET=${negative('placeholder-shell', '${JWT_SECRET}')}\n      - STRIPE_SECRET_KEY=${negative('placeholder-shell', '$STRIPE_SECRET_KEY')}\n      - REDIS_PASSWORD=${negative('placeholder-shell', '${REDIS_PASSWORD:?set it}')}\n`,
    ),
  );
  files.push(
    file(
      'charts/app/templates/secret.yaml',
      labelled`${negative('placeholder-template', '{{- $password := .Values.auth.password }}')}\n{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "app.fullname" .) }}\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include "app.fullname" . }}\ntype: Opaque\nstringData:\n  password: ${negative('placeholder-template', '{{ .Values.password | default "" }}')}\n  api-token: ${negative('placeholder-template', '{{ .Values.apiToken | quote }}')}\n  redis-password: ${negative('placeholder-template', '{{ $password | b64enc }}')}\n`,
    ),
  );
  files.push(
    file(
      'charts/app/templates/_helpers.tpl',
      labelled`{{- define "app.password" -}}\n{{- if .Values.auth.existingSecret -}}\n{{- ${negative('placeholder-template', '.Values.auth.password | default ""')} -}}\n{{- else -}}\n{{- randAlphaNum 24 -}}\n{{- end -}}\n{{- end -}}\n`,
    ),
  );
  files.push(
    file(
      'deploy/config.tmpl.yaml',
      labelled`database:\n  password: "${negative('placeholder-template', '{{ env "DB_PASSWORD" }}')}"\n  token: ${negative('placeholder-template', '{{ .Secrets.Token }}')}\napi:\n  secret: "${negative('placeholder-template', '${API_SECRET}')}"\n`,
    ),
  );
  files.push(
    file(
      'README.md',
      labelled`# Orders service\n\n## Configuration\n\nCopy \`.env.example\` to \`.env\` and fill in your keys:\n\n\`\`\`sh\nexport GITHUB_TOKEN=${negative('placeholder-angle-brackets', '<your-token>')}\nexport STRIPE_SECRET_KEY=${negative('placeholder-angle-brackets', '<your-stripe-secret-key>')}\ncurl -H "Authorization: Bearer ${negative('placeholder-angle-brackets', '<ACCESS_TOKEN>')}" https://api.example.com/v1/me\n\`\`\`\n\nThe password is read from \`DB_PASSWORD\`: \`password: ${negative('placeholder-angle-brackets', '<password>')}\`.\n`,
    ),
  );
  files.push(
    file(
      '.env.example',
      labelled`DATABASE_URL=postgres://app:${negative('placeholder-angle-brackets', '<password>')}@localhost:5432/app\nSTRIPE_SECRET_KEY=${negative('placeholder-angle-brackets', '<your-stripe-key>')}\nSENDGRID_API_KEY=${negative('placeholder-angle-brackets', 'your-sendgrid-api-key')}\nSESSION_SECRET=${negative('placeholder-angle-brackets', 'changeme')}\n`,
    ),
  );
  return files;
}

function codeExpressionFiles(random) {
  const files = [];
  files.push(
    file(
      'lambda/handler.py',
      labelled`import os\nimport boto3\n\n\ndef handler(event, context):\n    db_password = ${negative('code-expression', 'get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"]')}\n    api_key = ${negative('code-expression', 'os.environ["API_KEY"]')}\n    token = ${negative('code-expression', 'ssm.get_parameter(Name="/app/token", WithDecryption=True)["Parameter"]["Value"]')}\n    return connect(password=db_password)\n`,
    ),
  );
  for (let variant = 0; variant < 3; variant += 1) {
    files.push(
      file(
        `src/${random.pick(SERVICE_NAMES)}/options-${variant}.ts`,
        labelled`${typeScriptPreamble(random, 'options')}export const clientOptions = {\n  token: ${negative('code-expression', 'process.env.TOKEN')},\n  apiKey: ${negative('code-expression', 'config.apiKey')},\n  password: ${negative('code-expression', "process.env['DB_PASSWORD'] ?? ''")},\n  clientSecret: ${negative('code-expression', 'await secrets.get("oauth-client-secret")')},\n  secret: ${negative('code-expression', 'this.options.secret')},\n};\n`,
      ),
    );
  }
  files.push(
    file(
      'internal/config/config.go',
      labelled`package config\n\nfunc Load() Config {\n\treturn Config{\n\t\tPassword: ${negative('code-expression', 'os.Getenv("DB_PASSWORD")')},\n\t\tAPIKey:   ${negative('code-expression', 'viper.GetString("api.key")')},\n\t}\n}\n`,
    ),
  );
  return files;
}

function dictionaryWordFiles() {
  const files = [];
  files.push(
    file(
      'charts/openldap/values.yaml',
      labelled`## LDAP settings\n## LDAP_ADMIN_PASSWORD: ${negative('dictionary-word-example', '"mypassword"')}\n## LDAP_PASSWORD: ${negative('dictionary-word-example', '"mypassword"')}\n# adminPassword: ${negative('dictionary-word-example', 'Not@SecurePassw0rd')}\nexistingSecret: ""\nreplicaCount: 1\n`,
    ),
  );
  files.push(
    file(
      'docs/aws.md',
      labelled`## Credentials\n\nPut your keys in \`~/.aws/credentials\`:\n\n\`\`\`ini\n[default]\naws_access_key_id = ${negative('dictionary-word-example', 'MYACCESSKEYID')}\naws_secret_access_key = ${negative('dictionary-word-example', 'MYSECRETACCESSKEY')}\n\`\`\`\n`,
    ),
  );
  files.push(
    file(
      'src/db/connect.ts',
      labelled`/**\n * Opens a pool.\n *\n * @example\n * const pool = connect({ user: 'postgres', password: ${negative('dictionary-word-example', "'ahotproject'")} });\n */\nexport function connect(options: PoolOptions): Pool {\n  return new Pool(options);\n}\n`,
    ),
  );
  files.push(
    file(
      'docs/getting-started.md',
      labelled`## Log in\n\n\`\`\`yaml\nadmin:\n  user: admin\n  password: ${negative('dictionary-word-example', '"correcthorse"')}\n\`\`\`\n\nOr pass \`--password ${negative('dictionary-word-example', 'hunter2')}\` on the command line.\n`,
    ),
  );
  files.push(
    file(
      'tests/auth.test.ts',
      labelled`it('rejects a wrong password', async () => {\n  const response = await login({ user: 'alice', password: ${negative('dictionary-word-example', "'wrongpassword'")} });\n  expect(response.status).toBe(401);\n});\n`,
    ),
  );
  return files;
}

function secretNameFiles() {
  const files = [];
  files.push(
    file(
      'charts/grafana/values.yaml',
      labelled`ingress:\n  enabled: true\n  hosts: [grafana.local]\n  tlsSecret: ${negative('secret-name-not-value', 'grafana.local-tls')}\n  tls:\n    - secretName: ${negative('secret-name-not-value', 'grafana-tls-cert')}\nca:\n  secret: ${negative('secret-name-not-value', 'custom-CA')}\nadmin:\n  existingSecret: ${negative('secret-name-not-value', 'grafana-admin-credentials')}\n  passwordKey: ${negative('secret-name-not-value', 'admin-password')}\n`,
    ),
  );
  files.push(
    file(
      'k8s/deployment.yaml',
      labelled`spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: ${negative('secret-name-not-value', 'postgres-auth')}\n                  key: ${negative('secret-name-not-value', 'password')}\n      volumes:\n        - name: certs\n          secret:\n            secretName: ${negative('secret-name-not-value', 'my-app-credentials')}\n`,
    ),
  );
  files.push(
    file(
      'charts/postgresql/values-prod.yaml',
      labelled`auth:\n  existingSecret: ${negative('secret-name-not-value', 'postgres-auth')}\n  secretKeys:\n    adminPasswordKey: ${negative('secret-name-not-value', 'postgres-password')}\n    userPasswordKey: ${negative('secret-name-not-value', 'user-password')}\n`,
    ),
  );
  files.push(
    file(
      'tailor.config.ts',
      labelled`export default defineConfig({\n  name: 'shop',\n  secrets: {\n    stripe: { vault: 'api-keys', secretKey: ${negative('secret-name-not-value', '"stripe-secret-key"')} },\n    sendgrid: { vault: 'api-keys', secretKey: ${negative('secret-name-not-value', '"sendgrid-api-key"')} },\n  },\n});\n`,
    ),
  );
  files.push(
    file(
      'deploy/external-secrets.yaml',
      labelled`apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  secretStoreRef:\n    name: ${negative('secret-name-not-value', 'aws-secrets-manager')}\n  target:\n    name: ${negative('secret-name-not-value', 'orders-db-credentials')}\n  data:\n    - secretKey: ${negative('secret-name-not-value', 'password')}\n      remoteRef:\n        key: ${negative('secret-name-not-value', 'prod/orders/db')}\n`,
    ),
  );
  return files;
}

function lockfileFiles(random) {
  const files = [];
  const sha512 = () => 'sha512-' + random.base64(64);
  files.push(
    file(
      'pnpm-lock.yaml',
      labelled`lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      '@inquirer/password':\n        specifier: ^4.0.0\n        version: ${negative('lockfile-entry', '4.0.23(@types/node@20.1.0)')}\n\npackages:\n  '@inquirer/password@4.0.23':\n    resolution: {integrity: ${negative('lockfile-entry', sha512())}}\n  'secret-handshake@1.1.20':\n    resolution: {integrity: ${negative('lockfile-entry', sha512())}}\n\nsnapshots:\n  '@inquirer/password@4.0.23(@types/node@20.1.0)':\n    dependencies:\n      '@inquirer/core': 10.1.1(@types/node@20.1.0)\n`,
    ),
  );
  const packages = ['jsonwebtoken', 'passport-local', 'bcryptjs', 'keytar', 'node-forge', 'crypto-js'];
  files.push(
    file(
      'package-lock.json',
      labelled`{\n  "name": "shop",\n  "lockfileVersion": 3,\n  "packages": {\n${joinFragments(
        packages.map(
          (name) =>
            labelled`    "node_modules/${name}": {\n      "version": "${random.integer(1, 9)}.${random.integer(0, 20)}.${random.integer(0, 9)}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz",\n      "integrity": "${negative('lockfile-entry', sha512())}"\n    }`,
        ),
        ',\n',
      )}\n  }\n}\n`,
    ),
  );
  files.push(
    file(
      'yarn.lock',
      joinFragments(
        packages.slice(0, 4).map(
          (name) =>
            labelled`${name}@^1.0.0:\n  version "1.0.${random.integer(0, 9)}"\n  resolved "https://registry.yarnpkg.com/${name}/-/${name}-1.0.0.tgz#${negative('lockfile-entry', random.hex(40))}"\n  integrity ${negative('lockfile-entry', sha512())}\n`,
        ),
      ),
    ),
  );
  files.push(
    file(
      'go.sum',
      joinFragments([
        ...['github.com/golang-jwt/jwt/v5 v5.2.1', 'golang.org/x/crypto v0.24.0', 'github.com/aws/aws-sdk-go-v2/credentials v1.17.18'].flatMap((module) => [
          labelled`${module} h1:${negative('lockfile-entry', random.base64(32))}`,
          labelled`${module}/go.mod h1:${negative('lockfile-entry', random.base64(32))}`,
        ]),
        '',
      ]),
    ),
  );
  files.push(
    file(
      'poetry.lock',
      labelled`[[package]]\nname = "pyjwt"\nversion = "2.8.0"\noptional = false\nfiles = [\n    {file = "PyJWT-2.8.0-py3-none-any.whl", hash = "${negative('lockfile-entry', 'sha256:' + random.hex(64))}"},\n    {file = "PyJWT-2.8.0.tar.gz", hash = "${negative('lockfile-entry', 'sha256:' + random.hex(64))}"},\n]\n\n[metadata]\ncontent-hash = "${negative('lockfile-entry', random.hex(64))}"\n`,
    ),
  );
  return files;
}

function shortenedTokenFiles() {
  const files = [];
  const ellipsis = ['...', '…'];
  files.push(
    file(
      'docs/authentication.md',
      labelled`## Tokens\n\nThe response holds a token:\n\n\`\`\`json\n{ "access_token": ${negative('shortened-token-in-docs', '"ey' + 'JhbGc..."')}, "expires_in": 3600 }\n\`\`\`\n\nSend it as \`Authorization: Bearer ${negative('shortened-token-in-docs', 'ey' + 'Jz93a...k4laUWw')}\`.\n`,
    ),
  );
  files.push(
    file(
      'docs/payments.md',
      labelled`Your secret key starts with \`sk_live_\`, for example \`${negative('shortened-token-in-docs', 'sk' + '_live_' + '51H8...' )}\`.\n\n\`\`\`js\nconst stripe = new Stripe('${negative('shortened-token-in-docs', 'sk' + '_live_' + ellipsis[1])}');\n\`\`\`\n\nA GitHub token looks like \`${negative('shortened-token-in-docs', 'gh' + 'p_' + 'xxxx' + ellipsis[0])}\`, a Slack one like \`${negative('shortened-token-in-docs', 'xox' + 'b-' + '123' + ellipsis[1])}\`.\n`,
    ),
  );
  files.push(
    file(
      'src/docs/examples.ts',
      labelled`/** Example response, shortened. */\nexport const exampleResponse = {\n  token: ${negative('shortened-token-in-docs', '"ey' + 'JhbGciOiJIUzI1NiIs...' + '"')},\n  apiKey: ${negative('shortened-token-in-docs', '"AI' + 'za' + 'SyD...' + '"')},\n  sendgrid: ${negative('shortened-token-in-docs', '"S' + 'G.' + 'xxxx…' + '"')},\n};\n`,
    ),
  );
  return files;
}

function jwtShapedFiles(random) {
  const files = [];
  // Three base64url segments, the first of which starts like a JSON object but does not decode to one.
  const notJwt = () => ['ey' + 'J' + random.base64Url(random.integer(20, 40)), random.base64Url(random.integer(30, 60)), random.base64Url(43)].join('.');
  const dotted = () => [random.base64Url(24), random.base64Url(40), random.base64Url(43)].join('.');
  files.push(
    file(
      'tests/fixtures/cache-keys.json',
      labelled`{\n  "keys": [\n${joinFragments(
        Array.from({ length: 4 }, () => labelled`    { "id": "${negative('jwt-shaped-not-jwt', notJwt())}", "ttl": 300 }`),
        ',\n',
      )}\n  ]\n}\n`,
    ),
  );
  files.push(
    file(
      'src/cache/keys.ts',
      labelled`export const CACHE_KEYS = [\n  '${negative('jwt-shaped-not-jwt', dotted())}',\n  '${negative('jwt-shaped-not-jwt', notJwt())}',\n];\nexport const sessionCookie = '${negative('jwt-shaped-not-jwt', notJwt())}';\n`,
    ),
  );
  return files;
}

function awsDocumentationFiles() {
  const files = [];
  const ids = ['123456789012', '111122223333', '444455556666', '999999999999'];
  files.push(
    file(
      'infra/policies/bucket-policy.json',
      labelled`{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::${negative('aws-documentation-account-id', ids[1])}:root" },\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::example-bucket/*"\n    },\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::${negative('aws-documentation-account-id', ids[2])}:role/ReadOnly" },\n      "Action": "s3:ListBucket",\n      "Resource": "arn:aws:s3:::example-bucket"\n    }\n  ]\n}\n`,
    ),
  );
  files.push(
    file(
      'docs/deploy.md',
      labelled`Give the role \`arn:aws:iam::${negative('aws-documentation-account-id', ids[0])}:role/DeployRole\` access, and set\n\n\`\`\`yaml\naws_account_id: ${negative('aws-documentation-account-id', ids[0])}\nrole_arn: arn:aws:iam::${negative('aws-documentation-account-id', ids[3])}:role/ci\n\`\`\`\n`,
    ),
  );
  files.push(
    file(
      'infra/terraform/variables.tf',
      labelled`variable "trusted_account" {\n  description = "Account allowed to assume the role, e.g. ${negative('aws-documentation-account-id', ids[1])}"\n  default     = "${negative('aws-documentation-account-id', ids[0])}"\n}\n\nlocals {\n  queue_arn = "arn:aws:sqs:us-east-1:${negative('aws-documentation-account-id', ids[2])}:orders"\n}\n`,
    ),
  );
  return files;
}

function identifierFiles(random) {
  const files = [];
  files.push(
    file(
      'config/release.yaml',
      labelled`release:\n  token: ${negative('version-string', 'v1.2.3')}\n  secret: "${negative('version-string', '2.0.0-beta.1')}"\n  apiKeyVersion: "${negative('version-string', '2023-10-16')}"\n  password_policy_version: ${negative('version-string', '3.1.0')}\n`,
    ),
  );
  files.push(
    file(
      'package.json',
      labelled`{\n  "name": "shop",\n  "version": "1.4.0",\n  "dependencies": {\n    "jsonwebtoken": "${negative('version-string', '^9.0.2')}",\n    "passport-oauth2": "${negative('version-string', '1.8.0')}",\n    "@auth/core": "${negative('version-string', '0.37.4')}"\n  }\n}\n`,
    ),
  );
  for (let variant = 0; variant < 3; variant += 1) {
    files.push(
      file(
        `src/events/order-created-${variant}.json`,
        labelled`{\n  "id": "${negative('uuid-id-field', random.uuid())}",\n  "tenantId": "${negative('uuid-id-field', random.uuid())}",\n  "correlation_id": "${negative('uuid-id-field', random.uuid())}",\n  "type": "order.created",\n  "data": { "orderId": "${negative('uuid-id-field', random.uuid())}", "total": ${random.integer(100, 9999)} }\n}\n`,
      ),
    );
    files.push(
      file(
        `src/workspace/defaults-${variant}.ts`,
        labelled`export const DEFAULT_WORKSPACE_ID = '${negative('uuid-id-field', random.uuid())}';\nexport const requestId = "${negative('uuid-id-field', random.uuid())}";\nexport const installationId = '${negative('uuid-id-field', random.uuid())}';\n`,
      ),
    );
    files.push(
      file(
        `.github/workflows/release-${variant}.yml`,
        labelled`jobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${negative('git-sha-field', random.hex(40))}\n      - uses: actions/setup-node@${negative('git-sha-field', random.hex(40))}\n        with:\n          node-version: 20\n      - run: echo "commit ${negative('git-sha-field', random.hex(40))}"\n`,
      ),
    );
  }
  files.push(
    file(
      'flake.lock.json',
      labelled`{\n  "nodes": {\n    "nixpkgs": {\n      "locked": {\n        "owner": "NixOS",\n        "repo": "nixpkgs",\n        "rev": "${negative('git-sha-field', random.hex(40))}",\n        "narHash": "${negative('git-sha-field', 'sha256-' + random.base64(32))}"\n      }\n    }\n  }\n}\n`,
    ),
  );
  files.push(
    file(
      'src/build-info.ts',
      labelled`export const BUILD = {\n  commit: '${negative('git-sha-field', random.hex(40))}',\n  shortCommit: '${negative('git-sha-field', random.hex(7))}',\n  parentSha: "${negative('git-sha-field', random.hex(40))}",\n};\n`,
    ),
  );
  const dataUri = (type) => `data:${type};base64,` + random.base64(random.integer(120, 400));
  files.push(
    file(
      'src/components/logo.tsx',
      labelled`export const Logo = () => <img alt="logo" src="${negative('base64-data-uri', dataUri('image/png'))}" />;\nexport const Spinner = () => <img alt="" src="${negative('base64-data-uri', dataUri('image/gif'))}" />;\n`,
    ),
  );
  files.push(
    file(
      'public/styles/theme.css',
      labelled`.icon-check {\n  background-image: url("${negative('base64-data-uri', dataUri('image/svg+xml'))}");\n}\n@font-face {\n  font-family: 'Icons';\n  src: url(${negative('base64-data-uri', dataUri('font/woff2'))}) format('woff2');\n}\n`,
    ),
  );
  return files;
}

function minifiedFiles(random) {
  const files = [];
  const identifier = () => random.string(LOWERCASE, 1) + random.string(LOWERCASE + UPPERCASE, random.integer(0, 2));
  for (let variant = 0; variant < 2; variant += 1) {
    const statements = [];
    for (let index = 0; index < 60; index += 1) {
      const name = identifier();
      statements.push(
        random.pick([
          () => `${name}.token=${identifier()}.headers.authorization`,
          () => `var ${name}="${random.alphanumeric(random.integer(20, 44))}"`,
          () => `${name}.password=${identifier()}||""`,
          () => `"${random.hex(20)}":function(${identifier()},${identifier()}){return ${identifier()}(${random.integer(1, 999)})}`,
          () => `${name}={apiKey:${identifier()}.apiKey,secret:${identifier()}.secret}`,
          () => `${name}.chunkHash="${random.hex(32)}"`,
          () => `${name}=new RegExp("^[A-Za-z0-9+/]{${random.integer(20, 40)}}$")`,
          () => `${name}="${random.base64(random.integer(24, 60))}"`,
        ])(),
      );
    }
    const body = `!function(){"use strict";${statements.join(';')}}();\n//# sourceMappingURL=app.${random.hex(8)}.min.js.map`;
    files.push(file(`public/assets/app.${random.hex(8)}.min.js`, labelled`${negative('minified-bundle', body)}\n`));
    const mappings = Array.from({ length: 200 }, () => random.string(`${ALPHANUMERIC}+/`, random.integer(4, 10))).join(',');
    const sourceMap = JSON.stringify({
      version: 3,
      file: 'app.min.js',
      sources: ['webpack:///src/auth/session.ts', 'webpack:///src/api/client.ts'],
      names: ['token', 'password', 'apiKey', 'secret'],
      mappings,
      sourcesContent: [`export const session = { token: readCookie("sid") };\nexport const hash = "${random.hex(64)}";`],
    });
    files.push(file(`public/assets/app.${random.hex(8)}.min.js.map`, labelled`${negative('source-map', sourceMap)}\n`));
  }
  return files;
}

/** More of the literals ordinary repositories are full of: public keys, certificates, SRI hashes, CI expressions. */
function moreOrdinaryLiteralFiles(random) {
  const files = [];
  const pem = (kind, byteCount) => ['-----BEGIN ', kind, '-----\n', random.base64(byteCount).match(/.{1,64}/g).join('\n'), '\n-----END ', kind, '-----'].join('');
  files.push(file('config/tls/server.crt', labelled`${negative('public-key-or-certificate', pem('CERTIFICATE', 900))}\n`));
  files.push(file('config/jwt/public.pem', labelled`${negative('public-key-or-certificate', pem('PUBLIC KEY', 294))}\n`));
  files.push(
    file(
      'ops/ssh/authorized_keys',
      joinFragments([
        ...Array.from({ length: 2 }, () => labelled`${negative('public-key-or-certificate', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + random.base64(32).slice(0, 43))} ${random.pick(USER_NAMES)}@laptop`),
        '',
      ]),
    ),
  );
  files.push(
    file(
      'public/index.html',
      labelled`<!doctype html>\n<html>\n<head>\n  <script src="https://cdn.example.com/react@18.3.1/umd/react.production.min.js" integrity="${negative('subresource-integrity', 'sha384-' + random.base64(48))}" crossorigin="anonymous"></script>\n  <link rel="stylesheet" href="https://cdn.example.com/bootstrap.min.css" integrity="${negative('subresource-integrity', 'sha384-' + random.base64(48))}" crossorigin="anonymous">\n  <meta http-equiv="Content-Security-Policy" content="script-src 'self' '${negative('subresource-integrity', 'sha256-' + random.base64(32))}'">\n</head>\n<body><div id="root"></div></body>\n</html>\n`,
    ),
  );
  for (let variant = 0; variant < 2; variant += 1) {
    files.push(
      file(
        `.github/workflows/publish-${variant}.yml`,
        labelled`on: { push: { tags: ['v*'] } }\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    env:\n      NPM_TOKEN: ${negative('placeholder-template', '${{ secrets.NPM_TOKEN }}')}\n      AWS_SECRET_ACCESS_KEY: ${negative('placeholder-template', '${{ secrets.AWS_SECRET_ACCESS_KEY }}')}\n    steps:\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${negative('placeholder-template', '${{ secrets.NPM_TOKEN }}')}\n`,
      ),
    );
  }
  files.push(
    file(
      'services/worker/tasks.py',
      labelled`from django.conf import settings\n\n\ndef sync_partner():\n    api_key = ${negative('code-expression', 'settings.PARTNER_API_KEY')}\n    password = ${negative('code-expression', 'keyring.get_password("partner", user)')}\n    client_secret = ${negative('code-expression', 'vault_client.secrets.kv.read_secret_version(path="partner")["data"]["data"]["secret"]')}\n    return PartnerClient(api_key=api_key, password=password, client_secret=client_secret)\n`,
    ),
  );
  files.push(
    file(
      'go.mod',
      labelled`module github.com/example/orders\n\ngo 1.22\n\nrequire (\n\tgithub.com/golang-jwt/jwt/v5 v5.2.1\n\tgolang.org/x/oauth2 ${negative('git-sha-field', `v0.0.0-2024${random.integer(10, 12)}${random.integer(10, 28)}120000-${random.hex(12)}`)}\n\tgithub.com/example/secrets-client ${negative('git-sha-field', `v0.0.0-2023${random.integer(10, 12)}${random.integer(10, 28)}093000-${random.hex(12)}`)}\n)\n`,
    ),
  );
  files.push(
    file(
      'k8s/worker.yaml',
      labelled`spec:\n  containers:\n    - name: worker\n      envFrom:\n        - secretRef:\n            name: ${negative('secret-name-not-value', 'worker-secrets')}\n      volumeMounts:\n        - name: tls\n          mountPath: /etc/tls\n  volumes:\n    - name: tls\n      secret:\n        secretName: ${negative('secret-name-not-value', 'worker-tls')}\n  imagePullSecrets:\n    - name: ${negative('secret-name-not-value', 'registry-credentials')}\n`,
    ),
  );
  files.push(
    file(
      'infra/terraform/secrets.tf',
      labelled`resource "aws_secretsmanager_secret" "database" {\n  name = "${negative('secret-name-not-value', 'prod/orders/database-password')}"\n}\n\ndata "aws_secretsmanager_secret_version" "api" {\n  secret_id = "${negative('secret-name-not-value', 'prod/orders/api-token')}"\n}\n`,
    ),
  );
  files.push(
    file(
      'requirements.lock.json',
      labelled`{\n  "tokenizers": "${negative('version-string', '0.15.2')}",\n  "python-jose": "${negative('version-string', '3.3.0')}",\n  "secretstorage": "${negative('version-string', '3.3.3')}"\n}\n`,
    ),
  );
  files.push(
    file(
      'tests/fixtures/users.json',
      labelled`[\n${joinFragments(
        Array.from(
          { length: 5 },
          () =>
            labelled`  { "id": "${negative('uuid-id-field', random.uuid())}", "orgId": "${negative('uuid-id-field', random.uuid())}", "avatar": "${negative('base64-data-uri', 'data:image/jpeg;base64,' + random.base64(random.integer(90, 180)))}", "sessionCount": ${random.integer(0, 90)} }`,
        ),
        ',\n',
      )}\n]\n`,
    ),
  );
  return files;
}

/** Plain files with no credential at all and nothing labelled: any finding in them is a false positive. */
function ordinaryFiles(random) {
  const files = [];
  for (let variant = 0; variant < 4; variant += 1) {
    const service = random.pick(SERVICE_NAMES);
    files.push(
      file(
        `src/${service}/service-${variant}.ts`,
        labelled`${typeScriptPreamble(random, service)}export class ${service.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase())}Service {\n  private readonly tokenizer = createTokenizer({ maxLength: ${random.integer(10, 99)} });\n\n  async refreshToken(token: CancellationToken): Promise<string> {\n    if (this.password === undefined) throw new Error('Enter your password');\n    return this.client.post('/oauth/token', { grant_type: 'refresh_token' }, { token });\n  }\n}\n${typeScriptEpilogue(service)}`,
      ),
    );
  }
  return files;
}

/**
 * The labelled corpus. The same seed gives the same files, byte for byte.
 */
export function generateEvaluationCorpus({ seed = 20240611 } = {}) {
  const random = createRandom(seed);
  const credentials = makeCredentials(random);
  return [
    ...providerFormatFiles(random, credentials),
    ...telegramAndTeamsFiles(random, credentials),
    ...serviceAccountAndPrivateKeyFiles(random, credentials),
    ...plainValueFieldFiles(random),
    ...nextLineValueFiles(random),
    ...basicAuthFiles(random),
    ...credentialFieldFiles(random),
    ...executorFiles(random),
    ...hashFiles(random),
    ...placeholderFiles(random),
    ...codeExpressionFiles(random),
    ...dictionaryWordFiles(),
    ...secretNameFiles(),
    ...lockfileFiles(random),
    ...shortenedTokenFiles(),
    ...jwtShapedFiles(random),
    ...awsDocumentationFiles(),
    ...identifierFiles(random),
    ...minifiedFiles(random),
    ...moreOrdinaryLiteralFiles(random),
    ...ordinaryFiles(random),
  ];
}
