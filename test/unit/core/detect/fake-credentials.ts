// Fake credentials, assembled at run time so that no token-shaped literal sits in the repository
// (vsce and push protection refuse those). Each call gives a fresh random one.
import { createHmac, randomBytes } from 'node:crypto';

/** A token-shaped text, written in parts so that the source never holds it whole. */
export const join = (...parts: string[]): string => parts.join('');
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomText(length: number, alphabet = ALPHANUMERIC): string {
  let text = '';
  for (const byte of randomBytes(length)) text += alphabet[byte % alphabet.length];
  return text;
}

export const hex = (length: number): string => randomText(length, '0123456789abcdef');
const base64 = (bytes: number): string => randomBytes(bytes).toString('base64');
/** A random (version-4) UUID, as services issue them. */
const uuid = (): string => [hex(8), hex(4), `4${hex(3)}`, `${randomText(1, '89ab')}${hex(3)}`, hex(12)].join('-');
export const URL_SAFE = `${ALPHANUMERIC}_-`;

/** base64url of a JSON object: a JWT's header or its claims. */
export const encodeJwtPart = (json: object): string => Buffer.from(JSON.stringify(json)).toString('base64url');

/** An HS256 JWT of `claims`, signed with `key`. */
export function signedJwt(key: string | Buffer, claims: object): string {
  const unsigned = `${encodeJwtPart({ alg: 'HS256', typ: 'JWT' })}.${encodeJwtPart(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

export const fake = {
  openShiftToken: () => join('sha256', '~', randomText(43, URL_SAFE)),
  discordBotToken: () =>
    join(Buffer.from(String(1e17 + Math.floor(Math.random() * 8e17))).toString('base64').replace(/=+$/, ''), '.', randomText(6, URL_SAFE), '.', randomText(38, URL_SAFE)),
  stripeLive: () => join('sk_', 'live_', randomText(24)),
  githubToken: () => join('gh', 'p_', randomText(36)),
  awsAccessKeyId: () => join('AK', 'IA', randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')),
  slackBotToken: () => join('xo', 'xb-', randomText(12, '0123456789'), '-', randomText(13, '0123456789'), '-', randomText(24)),
  twilioAccountSid: () => join('A', 'C', hex(32)),
  twilioApiKeySid: () => join('S', 'K', hex(32)),
  twilioAuthToken: () => hex(32),
  /** A JWT whose header decodes to JSON, as a real one's does; the payload and signature are random. */
  jsonWebToken: () =>
    join(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: randomText(8) })).toString('base64url'), '.', encodeJwtPart({ sub: randomText(12), iat: 1700000000 + Math.floor(Math.random() * 1e6) }), '.', randomText(43, `${ALPHANUMERIC}-_`)),
  googleApiKey: () => join('AI', 'za', randomText(35, `${ALPHANUMERIC}-_`)),
  azureAccountKey: () => base64(64),
  sendGridKeyWithDash: () => join('S', 'G.', randomText(10), '-', randomText(11), '.', randomText(20), '-', randomText(22)),
  mailgunKey: () => join('ke', 'y-', hex(32)),
  telegramBotToken: () => join(randomText(9, '123456789'), ':', 'A', 'A', randomText(33, `${ALPHANUMERIC}_-`)),
  discordWebhook: () =>
    join('https://', 'discord.com/api/', 'webhooks/', randomText(18, '0123456789'), '/', randomText(68, `${ALPHANUMERIC}_-`)),
  datadogApiKey: () => hex(32),
  datadogApplicationKey: () => hex(40),
  sendGridKey: () => join('S', 'G.', randomText(22), '.', randomText(43)),
  huggingFaceToken: () => join('h', 'f_', randomText(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')),
  sentryUserToken: () => join('sntr', 'yu_', hex(64)),
  sentryOrgToken: () => {
    const payload = JSON.stringify({ iat: 1700000000.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: randomText(8).toLowerCase() });
    return join('sntr', 'ys_', Buffer.from(payload).toString('base64'), '_', randomText(43, `${ALPHANUMERIC}+/`));
  },
  squareAccessToken: () => join('EA', 'AA', randomText(60, URL_SAFE)),
  squareOauthAccessToken: () => join('sq0', 'atp-', randomText(22, URL_SAFE)),
  squareOauthSecret: () => join('sq0', 'csp-', randomText(43, URL_SAFE)),
  notionLegacyToken: () => join('sec', 'ret_', randomText(40), 'a', 'B', '7'),
  notionToken: () => join('nt', 'n_', randomText(11, '0123456789'), randomText(35)),
  salesforceAccessToken: () => join('00', 'D', randomText(12), '!', 'AQ', randomText(94, `${ALPHANUMERIC}._`)),
  hubSpotToken: (region = 'na1') => join('pa', 't-', region, '-', uuid()),
  plaidAccessToken: (environment = 'production') => join('acc', 'ess-', environment, '-', uuid()),
  digitalOceanToken: (kind: 'p' | 'o' | 'r' = 'p') => join('do', kind, '_v1_', hex(64)),
  newRelicUserKey: () => join('NR', 'AK-', randomText(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')),
  newRelicInsertKey: () => join('NR', 'II-', randomText(32, `${ALPHANUMERIC}-_`)),
  newRelicBrowserKey: () => join('NR', 'JS-', hex(19)),
  newRelicLicenseKey: () => join(hex(36), 'NR', 'AL'),
  supabaseToken: () => join('sb', 'p_', hex(40)),
  supabaseSecretKey: () => join('sb_', 'secret_', randomText(22), '_', randomText(8, `${ALPHANUMERIC}-`)),
  vercelToken: () => join('vc', 'p_', randomText(24)),
  terraformToken: () => join(randomText(14, 'abcdefghijklmnopqrstuvwxyz0123456789'), '.atlas', 'v1.', randomText(67, `${ALPHANUMERIC}-_=`)),
  pypiToken: () => join('pypi-', 'AgEIcHlwaS5vcmc', randomText(150, URL_SAFE)),
  rubyGemsKey: () => join('ruby', 'gems_', hex(48)),
  clojarsToken: () => join('CLO', 'JARS_', randomText(60, 'abcdefghijklmnopqrstuvwxyz0123456789')),
  jfrogApiKey: () => join('AK', 'Cp', randomText(66), 'a', 'B', '7'),
  jfrogReferenceToken: () => join('cmVmdGtu', 'Oj', randomText(51), 'a', 'B', '7'),
  postmanKey: () => join('PM', 'AK-', hex(24), '-', hex(34)),
  readMeKey: () => join('rd', 'me_', randomText(69, 'abcdefghijklmnopqrstuvwxyz0123456789'), '7'),
  sourcegraphToken: () => join('sg', 'p_', hex(16), '_', hex(40)),
  gitLabToken: (prefix: 'gldt-' | 'glrt-' | 'glft-' = 'gldt-') => join(prefix.slice(0, 2), prefix.slice(2), randomText(18, URL_SAFE), 'Q', '7'),
  gitLabTriggerToken: () => join('gl', 'ptt-', hex(40)),
  atlassianToken: () => join('ATA', 'TT3', randomText(170, URL_SAFE), 'a', 'B', '7', '=', randomText(8, '0123456789ABCDEF')),
  bitbucketAppPassword: () => join('AT', 'BB', randomText(21), 'a', 'B', '7', randomText(8, '0123456789ABCDEF')),
  pulumiToken: () => join('pu', 'l-', hex(39), '7'),
  prefectKey: () => join('pn', 'u_', randomText(33), 'a', 'B', '7'),
  infracostKey: () => join('ic', 'o-', randomText(29), 'a', 'B', '7'),
  laravelAppKey: () => join('base', '64:', randomBytes(32).toString('base64')),
  dopplerToken: (kind = 'pt') => join('dp', '.', kind, '.', randomText(40), 'a', 'B', '7'),
  dynatraceToken: () => join('dt0', 'c01.', randomText(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), '.', randomText(63, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), '7'),
  herokuKey: () => join('HR', 'KU-AA', randomText(55, URL_SAFE), 'a', 'B', '7'),
  flyToken: () => join('fo', '1_', randomText(40, URL_SAFE), 'a', 'B', '7'),
  renderKey: () => join('rn', 'd_', randomText(29), 'a', 'B', '7'),
  netlifyToken: () => join('nf', 'p_', randomText(33), 'a', 'B', '7'),
  anthropicAdminKey: () => join('sk-ant-', 'admin01-', randomText(90, URL_SAFE), 'aB7', 'AA'),
  openRouterKey: () => join('sk-or-', 'v1-', hex(62), 'a7'),
  huggingFaceOrganizationToken: () => join('api_', 'org_', randomText(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), 'aB'),
  bedrockLongTermKey: () => join('AB', 'SK', Buffer.from(join('BedrockAPIKey-', randomText(4), '-at-', randomText(12, '0123456789'), ':', randomText(60), 'aB7')).toString('base64')),
  bedrockShortTermKey: () =>
    join('bedrock-', 'api-key-', Buffer.from(join('bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=ASIA', randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), '&X-Amz-Security-Token=', randomText(120), 'aB7&Version=1')).toString('base64')),
  cloudflareOriginCaKey: () => join('v1', '.0-', hex(23), 'a', '-', hex(145), '7'),
  clickHouseKey: () => join('4b', '1d', randomText(35), 'aB7'),
  harnessToken: (kind: 'pat' | 'sat') => join(kind, '.', randomText(22, URL_SAFE), '.', randomText(21), 'aB7', '.', randomText(20)),
  octopusDeployKey: () => join('AP', 'I-', randomText(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), 'A7'),
  maxMindLicenseKey: () => join(randomText(6), '_', randomText(26), 'aB7', '_m', 'mk'),
  onePasswordServiceAccountToken: () =>
    join('op', 's_', Buffer.from(JSON.stringify({ signInAddress: 'my.1password.com', email: `${randomText(12).toLowerCase()}@1passwordserviceaccounts.com`, srpX: hex(64), muk: { alg: 'A256GCM', k: randomText(43, URL_SAFE), kty: 'oct' }, secretKey: randomText(34), deviceUuid: randomText(26) })).toString('base64')),
  onePasswordSecretKey: () => {
    const part = (length: number) => randomText(length, 'ABCDEFGHJKLMNPQRSTVWXYZ23456789');
    return join('A', '3-', part(6), '-', part(11), '-', part(3), 'A7-', part(5), '-', part(5));
  },
  grafanaApiKey: () => Buffer.from(JSON.stringify({ k: join(randomText(29), 'aB7'), n: 'deploy', id: 1 })).toString('base64'),
  postHogPersonalKey: () => join('ph', 'x_', randomText(40), 'aB7'),
  gitLabRunnerRegistrationToken: () => join('GR13', '48941', randomText(17, URL_SAFE), 'aB7'),
  azureSasToken: () => join('sv=', '2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=', randomText(40), 'aB7', '%3D'),
  alchemyEndpoint: () => join('https://eth-mainnet.g.', 'alchemy.com/v2/', randomText(29, URL_SAFE), 'aB7'),
  infuraEndpoint: () => join('https://mainnet.', 'infura.io/v3/', hex(30), 'a7'),
  extendedPrivateKey: (prefix: 'xprv' | 'tprv' | 'zprv') => join(prefix.slice(0, 2), prefix.slice(2), randomText(104, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'), 'aB7'),
  tailorToken: (prefix: 'tpmu_' | 'tpp_') => join(prefix.slice(0, 2), prefix.slice(2), randomText(29), 'a', 'B', '7'),
  scalingoToken: () => join('tk-', 'us-', randomText(45, URL_SAFE), 'a', 'B', '7'),
  planetScaleToken: (kind = 'tkn') => join('pscale', '_', kind, '_', randomText(40, URL_SAFE), 'a', 'B', '7'),
  alibabaAccessKeyId: () => join('LT', 'AI', '5t', randomText(16), 'a', 'B'),
  tencentSecretId: () => join('AK', 'ID', randomText(29), 'a', 'B', '7'),
  yandexApiKey: () => join('AQ', 'VN', randomText(33, URL_SAFE), 'a', 'B', '7'),
  yandexIamToken: () => join('t', '1.', randomText(60, URL_SAFE), '.', randomText(83, URL_SAFE), 'a', 'B', '7'),
  xAiKey: () => join('xa', 'i-', randomText(77), 'a', 'B', '7'),
  perplexityKey: () => join('pp', 'lx-', randomText(45), 'a', 'B', '7'),
  tavilyKey: () => join('tv', 'ly-', 'dev-', randomText(29), 'a', 'B', '7'),
  firecrawlKey: () => join('f', 'c-', hex(30), 'a', '7'),
  langfuseSecretKey: () => join('sk', '-lf-', uuid()),
  e2bKey: () => join('e2', 'b_', hex(38), 'a', '7'),
  elevenLabsKey: () => join('s', 'k_', hex(46), 'a', '7'),
  cerebrasKey: () => join('cs', 'k-', randomText(46, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'a', '7'),
  llamaCloudKey: () => join('ll', 'x-', randomText(45), 'a', 'B', '7'),
  sonarToken: (kind: string) => join('sq', kind, '_', hex(38), 'a', '7'),
  buildkiteToken: () => join('bk', 'ua_', hex(38), 'a', '7'),
  circleCiToken: () => join('CCIP', 'AT_', randomText(19), 'a', 'B', '7', '_', hex(40)),
  nuGetKey: () => join('oy', '2', randomText(41, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'a', '7'),
  privatePackagistToken: (kind: 'ort' | 'out' | 'uut') => join('packagist_', kind, '_', hex(66), 'a7'),
  /** A minisign secret key file's two lines (`untrusted comment: …` and the key's base64), or the whole file in base64 (`inBase64`), as Tauri keeps it. */
  minisignSecretKey: (tool: 'minisign' | 'rsign' = 'minisign', inBase64 = false) => {
    const file = join('untrusted comment: ', tool, ' encrypted secret ', 'key\n', randomBytes(158).toString('base64'), '\n');
    return inBase64 ? Buffer.from(file).toString('base64') : file;
  },
  unleashToken: (project = '*', environment = 'production') => join(project, ':', environment, '.', hex(54), 'a7'),
  /** A NATS nkey seed of a user ("U"), an account ("A") or an operator ("O"), its CRC-16 right or, with `broken`, one off. */
  natsSeed: (kind: 'U' | 'A' | 'O', broken = false) => natsSeed(kind, broken),
  livebookKey: (kind: 'tk' | 'ak' | 'ot') => join('lb_', kind, '_', randomText(40, URL_SAFE), 'aB7'),
  /** A Phoenix.Token: "SFMyNTY", a payload in Erlang's term format (`g2gD…`), the HMAC; perhaps an id in front. */
  phoenixToken: (prefix = '') => join(prefix, 'SFM', 'yNTY.', 'g2gD', randomText(60, URL_SAFE), '.', randomText(40, URL_SAFE), 'aB7'),
  neonKey: () => join('na', 'pi_', randomText(62, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'a', '7'),
  langSmithKey: (kind = 'pt') => join('lsv2', '_', kind, '_', hex(32), '_', hex(10)),
  pineconeKey: () => join('pc', 'sk_', randomText(5), '_', randomText(62), 'a', 'B', '7'),
  replicateToken: () => join('r', '8_', randomText(34), 'a', 'B', '7'),
  webhookSigningSecret: () => join('wh', 'sec_', randomText(29), 'a', 'B', '7'),
  shippoToken: (mode = 'live') => join('shippo', '_', mode, '_', hex(39), 'a'),
  flutterwaveSecretKey: (test = false) => join('FLW', 'SECK', test ? '_TEST' : '', '-', hex(31), 'a', '-X'),
  duffelToken: (mode = 'live') => join('duffel', '_', mode, '_', randomText(40, URL_SAFE), 'a', 'B', '7'),
  easyPostKey: (test = false) => join('EZ', test ? 'TK' : 'AK', randomText(51), 'a', 'B', '7'),
  brevoKey: () => join('xkey', 'sib-', hex(64), '-', randomText(16)),
  mailchimpKey: () => join(hex(31), 'a', '-us', '14'),
  resendKey: () => join('r', 'e_', randomText(8), '_', randomText(21), 'a', 'B', '7'),
  typeformToken: () => join('tf', 'p_', randomText(56, URL_SAFE), 'a', 'B', '7'),
  airtableToken: () => join('pa', 't', randomText(14), '.', hex(63), 'a'),
  contentfulToken: () => join('CF', 'PAT-', randomText(40, URL_SAFE), 'a', 'B', '7'),
  asanaToken: (version: 1 | 2 = 1) =>
    version === 1
      ? join('1', '/1', randomText(15, '0123456789'), ':', hex(31), 'a')
      : join('2', '/1', randomText(15, '0123456789'), '/1', randomText(15, '0123456789'), ':', hex(31), 'a'),
  intercomToken: () => Buffer.from(join('tok', ':', uuid().replace(/-/g, '_'), ':1:0')).toString('base64'),
  launchDarklyKey: (kind = 'api') => join(kind, '-', uuid()),
  adobeClientSecret: () => join('p8', 'e-', randomText(29), 'a', 'B', '7'),
  frameIoToken: () => join('fio', '-u-', randomText(61, URL_SAFE), 'a', 'B', '7'),
  googleOauthClientSecret: () => join('GOC', 'SPX-', randomText(25, URL_SAFE), 'a', 'B', '7'),
  googleRefreshToken: () => join('1/', '/0', randomText(96, URL_SAFE), 'a', 'B', '7'),
  googleAccessToken: () => join('ya', '29.', randomText(147, URL_SAFE), 'a', 'B', '7'),
  firebaseServerKey: () => join('AA', 'AA', randomText(7, URL_SAFE), ':APA', '91b', randomText(131, URL_SAFE), 'a', 'B', '7'),
  twitterBearerToken: () => join('A'.repeat(21), 'ML', 'he', 'A'.repeat(8), randomText(20), '%2B', randomText(20), '%3D', randomText(37), 'a', 'B', '7'),
  facebookAccessToken: () => join('EA', 'AG', randomText(157), 'a', 'B', '7'),
  dropboxAccessToken: () => join('s', 'l.', randomText(135, URL_SAFE), 'a', 'B', '7'),
  mapboxSecretToken: () =>
    join('s', 'k.', Buffer.from(JSON.stringify({ u: 'mapuser', a: randomText(25).toLowerCase() })).toString('base64url'), '.', randomText(22, URL_SAFE)),
  // Not "XXXX", which reads as x typed where the random part goes (once in 10,000 keys).
  ageSecretKey: (): string => {
    const key = join('AGE-', 'SECRET-', 'KEY-1', randomText(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'));
    return /X{4}/.test(key) ? fake.ageSecretKey() : key;
  },
  agePostQuantumSecretKey: () => join('AGE-', 'SECRET-', 'KEY-', 'PQ-1', randomText(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')),
  tailscalePrivateKey: (prefix: 'privkey:' | 'nlpriv:') => join(prefix.slice(0, 2), prefix.slice(2), hex(62), 'a7'),
  uuid,
  postmarkServerToken: uuid,
  sparkPostKey: () => hex(40),
  mandrillKey: () => join('m', 'd-', randomText(19, URL_SAFE), 'Q', '7', 'x'),
  braintreeToken: (environment = 'production') =>
    join('access_', 'token$', environment, '$', randomText(16, 'abcdefghijklmnopqrstuvwxyz0123456789'), '$', hex(32)),
  braintreeClientSecret: (environment = 'production') => join('client_', 'secret$', environment, '$', hex(30), 'a7'),
  zendeskToken: () => join(randomText(37), 'Q', 'z', '4'),
  dingTalkWebhook: () => join('https://oapi.ding', 'talk.com/robot/send?access_token=', hex(64)),
  feishuWebhook: () => join('https://open.fei', 'shu.cn/open-apis/bot/v2/hook/', hex(8), '-', hex(4), '-4', hex(3), '-a', hex(3), '-', hex(12)),
  weComWebhook: () => join('https://qyapi.weixin', '.qq.com/cgi-bin/webhook/send?key=', hex(8), '-', hex(4), '-4', hex(3), '-a', hex(3), '-', hex(12)),
  teamsWebhook: () => {
    const path = `${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}`;
    return join('https://', randomText(8).toLowerCase(), '.webhook.', 'office.com/webhookb2/', path, '/V2', randomText(43, URL_SAFE));
  },
  teamsLegacyWebhook: () => join('https://', 'outlook.', 'office.com/webhook/', uuid(), '@', uuid(), '/IncomingWebhook/', hex(32), '/', uuid()),
  logicAppTriggerUrl: () =>
    join(
      'https://prod-', randomText(2, '0123456789'), '.westeurope.', 'logic.azure.com:443/workflows/', hex(32),
      '/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&s', 'ig=', randomText(43, URL_SAFE),
    ),
  /** A service-account key file as JSON on one line, its private key with "\n" escapes. */
  gcpServiceAccountJson: (): string =>
    JSON.stringify({
      type: 'service_account',
      project_id: 'demo-project',
      private_key_id: hex(40),
      private_key: `${fake.pem('', 'MIIE')}\n`,
      client_email: 'robot@demo-project.iam.gserviceaccount.com',
    }),
  azureStorageKey: () => base64(64),
  azureOpenAiKey: () => hex(32),
  azureAnnotatedKey: () => join(randomText(50), 'a7', 'JQQJ99', 'B', 'A', randomText(16), 'C', randomText(7)),
  /** Never with "...": the value judgement reads an ellipsis as an elided documentation example. */
  entraClientSecret: () => join(randomText(3), '8', 'Q', '~', randomText(34, `${ALPHANUMERIC}_~.-`).replaceAll('...', '.a.')),
  /** "user:password" as a Basic authorization credential (the base64 part). */
  // Digits inside each part of the password: random letters alone read as words about once in 2,500 values.
  basicCredential: () => Buffer.from(join('deploy', ':', randomText(3), '7', randomText(3), '!', randomText(3), '3', randomText(3), '#', randomText(2))).toString('base64'),
  userAndPassword: () => join('deploy', ':', randomText(12), '#', randomText(6)),
  /** Digits inside each part: random letters alone read as a word about once in 10,000. */
  password: () => join(randomText(3), '7', randomText(3), '!', randomText(3), '3', randomText(3), '#', randomText(2)),
  /** A PEM block; `body` sets how its base64 body starts. */
  /** A body as long as a real key's of the label: a 2048-bit RSA key's, an Ed25519 OpenSSH key's, a P-256 key's. */
  pem: (label: string, bodyStart: string) => {
    const bodyBytes = /^(?:RSA|DSA) /.test(label) ? 1190 : label === 'OPENSSH ' ? 300 : 96;
    const body = bodyStart.startsWith('MII') ? derBody(bodyStart) : bodyStart + base64(bodyBytes).replace(/=+$/, '');
    const lines = body.match(/.{1,64}/g) ?? [];
    return [`-----BEGIN ${label}PRIVATE KEY-----`, ...lines, `-----END ${label}PRIVATE KEY-----`].join('\n');
  },
};

/**
 * The base64 of a DER SEQUENCE that starts as `bodyStart` (`MIIE…`, a multiple of 4 characters) and holds
 * as many bytes as its first four declare, as a real key's does.
 */
function derBody(bodyStart: string): string {
  const start = Buffer.from(bodyStart, 'base64');
  const header = Buffer.concat([start, randomBytes(Math.max(0, 4 - start.length))]);
  const declaredBytes = ((header[2] << 8) | header[3]) + 4;
  const whole = Buffer.concat([header, randomBytes(Math.max(0, declaredBytes - header.length))]);
  return whole.toString('base64');
}

/** nkeys' encoding: the seed prefix and the key's kind in two bytes, 32 random bytes, CRC-16 (XMODEM) little-endian, in base32. */
function natsSeed(kind: 'U' | 'A' | 'O', broken: boolean): string {
  const kindByte = { U: 20 << 3, A: 0, O: 14 << 3 }[kind];
  const body = Buffer.concat([Buffer.from([(18 << 3) | (kindByte >> 5), (kindByte & 31) << 3]), randomBytes(32)]);
  let crc = 0;
  for (const byte of body) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  if (broken) crc ^= 1;
  const bytes = Buffer.concat([body, Buffer.from([crc & 0xff, crc >> 8])]);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += alphabet[(buffer >> bits) & 31];
    }
  }
  return bits > 0 ? text + alphabet[(buffer << (5 - bits)) & 31] : text;
}
