import { createHash } from 'node:crypto';

/** Words that mark a value as an example or a stand-in rather than a credential. */
const PLACEHOLDER_WORDS =
  /your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)|(?<![a-z0-9])your[_-][a-z]{3,}|^this[_-]?is[_-]?(?:a|an|my|the|our|not|just)[_-]?(?=[a-z])|replace[_-]?(?:me|with|this)|censored|change[_-]?me|placeholder|example|dummy|sample|redacted|insert[_-]?here|fill[_-]?in|[_-]here\b|(?:string|token|key|secret|value)[_-]?here\b|(?<![a-z0-9])enter[_-]|(?<![a-z0-9])(?:todo|fixme|fake|mock|invalid)(?![a-z0-9])|not[_-]?a[_-]?secret|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|process\.env|import\.meta\.env|^\$[A-Za-z_]\w*$/gi;
/** Windows-style `%VARIABLE%` slots, in capitals (random text holds `%` pairs in any case). */
const PERCENT_VARIABLE = /%[A-Z_]{3,}%/;

/**
 * True when a placeholder word is written as people write words (`dummy`, `DUMMY`, `Dummy`,
 * `YOUR_API_KEY`): random tokens spell such words too, but in mixed case (`duMMY`).
 */
function holdsPlaceholderWord(text: string): boolean {
  for (const match of text.matchAll(PLACEHOLDER_WORDS)) {
    const letters = match[0].replace(/[^A-Za-z]/g, '');
    if (letters === letters.toLowerCase() || letters === letters.toUpperCase() || /^(?:[A-Z][a-z]+)+$/.test(letters)) return true;
    if (/[^A-Za-z0-9_-]/.test(match[0])) return true;
  }
  return false;
}

/** Values that are plainly not secrets however they are assigned. */
const TRIVIAL_VALUES = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'changeme',
  'undefined',
  'null',
  'true',
  'false',
  'none',
  'string',
  'test',
  'testing',
  'admin',
  'root',
  'letmein',
  'qwerty',
  '12345678',
  '123456789',
  'abcdefgh',
]);

/** Values published as examples: AWS's documentation keys, RFC 6749's access and refresh tokens, Grafana's shipped default `secret_key`. */
const DOCUMENTED_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SW2YcwTIb9zpOOhoPsMm',
  // The administrator password of the Terraform azurerm provider's documentation, copied into countless modules.
  'H@Sh1CoR3!',
  // The password of Kubernetes' Secret documentation, plainly and in base64.
  '1f2d1e2e67df',
  'MWYyZDFlMmU2N2Rm',
  // The challenge token of RFC 8555's (ACME's) examples, public by design.
  'evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA',
  // OAuth's RFCs: RFC 6749's client credentials (and their Basic encoding) and code, RFC 6750's token, RFC 5849's tokens.
  'gX1fBat3bV',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'SplxlOBeZQQYbYS6WxSbIA',
  'mF_9.B5f-4.1JqM',
  // RFC 7628's example OAUTHBEARER token, which SASL libraries' tests quote.
  'vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==',
  // RFC 6749's client secret (section 2.3.1), RFC 7636's PKCE verifier and challenge, OpenID Connect Core's code.
  '7Fjfp0ZBr1KtDRbnfVdmIw',
  'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  'SlAV32hkKG',
  // RFC 7662's introspected token.
  '23410913-abewfq.123483',
  'kkk9d7dh3k39sjv7',
  'hh5s93j4hdidpola',
  'ad180jjd733klru7',
  'vF9dft4qmT',
  // RFC 9449's (DPoP's) example access token.
  'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU',
]);
/**
 * Examples published in providers' documentation that are token-shaped, kept as a start and a
 * SHA-256 (their text in the bundle would read as a leaked token): GitHub's installation token, the
 * Standard Webhooks test secret, Google Chat's webhook key.
 */
const DOCUMENTED_TOKEN_DIGESTS: readonly { readonly start: string; readonly sha256: string }[] = [
  { start: 'ghs_16C7', sha256: '797c0ce414586cc8eb6929afe947c720e3e4d351dd070a6fe39f630beaab3054' },
  // Svix's API reference's example application token, in its SDKs' mocks and its CLI's help.
  { start: 'appsk_kV3t', sha256: '5d09dd14d2a2e58d5166cf86f1adebfb8e8795483e9dab3a04ef39eb2dea0430' },
  // The Standard Webhooks (Svix) specification's test vector, copied into many SDKs' tests.
  { start: 'whsec_MfKQ', sha256: '96ad2ccd81462a766178ae09a71df55f548a3f66da11606f9cdf40b391e22dd0' },
  { start: 'MfKQ9r8G', sha256: '0c47dd30c7da14ce8078bc464742122187d516456e901ac0c3006dabcec0f743' },
  // Pusher's documented example of an auth signature (app key and secret), which its client libraries' tests reuse.
  { start: '278d425b', sha256: '2ee8c736cd651fdf908ae1f059138757f6d506d269c0e9a8f0ad45873cf26d19' },
  { start: '7ad37731', sha256: '5d0465d3f39c09914889eba94b1b4222ac9dc8b707065a548b097567731f3c4c' },
  // The secret access key of the Amazon S3 developer guide's (2006) examples, which tests of S3 signing reuse.
  { start: 'uV3F3Ylu', sha256: '0114c1456f2504384f9111557e6dc0dd99de9fbc6644c6afa8a1bcac8ef391b1' },
  // The key in every Google Chat incoming-webhook URL: it names the Chat API, the webhook's own token is separate.
  { start: 'AIzaSyDdI0', sha256: '74170575123fcbfc8a830f337f5f67000e6f0933c6e39c30b727d2d8155b2dcd' },
  // The administrator's token that GitLab's development fixtures seed (db/fixtures/development), which
  // projects testing against a local GitLab copy.
  { start: 'ypCa3Dzb', sha256: '970ffe365ddf94563db8ba4962461d4adc694ac613678666b97158033c732c77' },
  // dotenvx's README: the private key of its encrypted `HELLO="World"` example.
  { start: 'a4547dcd', sha256: 'f6556a4297425e6146a44378b09d7e90f254753ffdf276d6085480ffd98edc6f' },
  // Django REST framework's TokenAuthentication documentation, quoted by the tutorials that follow it.
  { start: '9944b091', sha256: '5cc1e9113bbaa7040c4e0fbe80ea6aa743e34add380c596abe5fe584ece883ec' },
  // Stripe's documentation, the test-mode key of its published sample account.
  { start: 'sk_test_BQok', sha256: 'f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397' },
  // The test-mode keys that Stripe's documentation shows readers who are not signed in, copied into countless tutorials.
  { start: 'sk_test_26PH', sha256: '7e8de44ea9ecf6d53415c90f5b249a8591f7abafbf7d65a2c0d855afeca3ec09' },
  { start: 'sk_test_4eC3', sha256: '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326' },
  // Svix's documented example webhook secret, in its API reference and copied into its SDKs' tests.
  { start: 'whsec_C2FV', sha256: '2dd745ff991276aed56826de4e41d9d81b006c671a1491c08e9fc74e9362d95a' },
  // Google's reCAPTCHA v2 test keys, published for automated tests: every check passes with them.
  { start: '6LeIxAcT', sha256: 'f5e95c9954635b65acab57e6d5ea663eb900f06dc8794a90358f5abb1c77d4e0' },
  { start: '6LeIxAcT', sha256: '03b970ed8171d73b58bbc9a5c72e3e4eec28503b56b3bb400a0801857dd45614' },
  // Vault's documentation of its Duo MFA method, reused as a dummy secret key in its provider's tests.
  { start: '8C7THtrI', sha256: '87c8a239755951b002efc233ddd1205a7265dbbc502ec60db5ed7dd93e73c106' },
  // The verification token of Slack's Events API documentation, in every sample payload.
  { start: 'Jhj5dZrV', sha256: '304779c4de12ef17c3b7f21104206b3da838c50637d21fe474dd7100f18724c4' },
  // Slack's documentation: the bot token of its OAuth exchange's example response, and the verification
  // token of its slash-command example payload, both copied into many apps' tests and comments.
  { start: 'xoxb-176', sha256: '2ddc147f3a3b5a1722b8ed6be3c45c49a7156b17fca5d11410137a6d04def6eb' },
  { start: 'gIkuvaNz', sha256: '1483d4f83d2294fad6abcb75a8f96f8ff4f2522d0ac612bc661d76b83ec6ed43' },
  // The access token of oauth.com's example responses (OAuth 2.0 Simplified), copied into OAuth clients' tests.
  { start: 'MTQ0NjJk', sha256: '26f76f9d65ee02e14dc08e0ed5d5a0cdbe1bb8689cef24ae3868c267c1a2c91d' },
  // Cloudflare's API documentation: the Global API Key and the API token of its examples, which its generated SDKs' tests pass in every file.
  { start: '144c9def', sha256: '8651e7dbcb3dcc3ad69a8f6b2b53b0bb19bf9e6939e0f8a9a4126081215454cb' },
  { start: 'Sn3lZJTB', sha256: '5d7b5f2a9e44137c4aff6a77d914b1d6e2e16c496cfc5ec93f0be6265167dce0' },
  // Consul's documentation of ACL tokens (`X-Consul-Token`, `CONSUL_HTTP_TOKEN`), copied into monitoring agents' docs.
  { start: 'ec15675e', sha256: 'f3b971cf383032ba74444853501d10b05d4a0156b33b81bef23da92f5f402e86' },
  // MinIO's documentation: the access key pair of its examples (gateway, replication), copied into projects' docs.
  { start: 'AKIAJSIE', sha256: '22cc3076909505eaf607c3a7bceab8ff2f34496bac0e7253909480dc721f777a' },
  { start: '5bEYu260', sha256: '19119cd1c590069dbee848bf0136612a8884bbf2e84773272f072be2581cddbb' },
  // Segment's "Common fields" specification: the sample device token of its example event.
  { start: 'ff15bc0c', sha256: 'ceb513fbe25b727933c9891881f386e8106319679335df93b4b5e968c8505dc4' },
  // SAP HANA express edition's documented master password, in every compose file that starts one.
  { start: 'HXEHana1', sha256: '25c714351de366e71c2483cf82309cf072f676ab91b9071766bd2321fab0cd0f' },
  // The sample token of Telegram's Bot API documentation (how a bot token looks), in bot libraries' tests.
  { start: '123456:A', sha256: '731fa294d036e54f19df879bfcd4fe72d967dc6327800c5f74a48414a3f258c9' },
  // The fixed signing keys that Upstash's local `qstash dev` server prints.
  { start: 'sig_7kYj', sha256: 'b5f1743a394ce39b42493de7e6bc40226042491fb77bd417e40e92fcd11a8bd8' },
  { start: 'sig_5ZB6', sha256: '54c3b917bfd471e12e0713535d69ad97584a415916ab360f4838bd23f2d70ffe' },
  // Mollie's documented API key, and the live and OAuth prefixes its SDKs' tests put before the same body.
  { start: 'test_dHar', sha256: '9387af38d1038761f0ce6deb8dce56e1826e0faea6e7492e1d94bb7cb21580a2' },
  { start: 'live_dHar', sha256: '54269f914933b264bf0c677b7c7e5ebee81cad55327dc16a89fbed6e85512cf1' },
  { start: 'access_dHar', sha256: '31b82d4d4fc7ea2fddea1fd69243f94f9e801cdf113a7328b4b1109047062c00' },
  // PayPal's SDK samples: the sample app's client secret, and the bearer token of its API reference's requests.
  { start: 'EGnHDxD_', sha256: 'bfcefa6f1fcea1fb061ccad9baa30803681fa283490950292c1a2cc661805f6e' },
  { start: 'ECvJ_yBN', sha256: 'e853ffa0440378fe35544581526b0c818da4fdc33193a8b7b3fa32be0d016d73' },
  // HashiCorp's documentation: the Consul secrets engine's token and an AppRole login's client token.
  { start: '4240861b', sha256: '58df5474cf0c13eee060e92f584dbe7baea21325bdf9ca9745cea2e6470f3d76' },
  { start: '5b1a0318', sha256: 'b73500ec67651af34f5c58a92f6a60fe84746ddd0728311b0915bb1a3a78a5d4' },
  // …and the client token of its GCP auth method's login response.
  { start: 'f33f8c72', sha256: 'bfff9322262fb61102c6efc2d8a82f81a7c2b179af6f575c37fb43fbbfb9d48d' },
  // Private members of the JSON Web Keys printed in RFC 7515, RFC 7520 (bilbo.baggins@hobbiton.example and
  // its symmetric keys), RFC 8037 (Ed25519) and the ECDH-1PU draft's appendix, which JOSE libraries copy into their tests.
  { start: '18ec08e1', sha256: '5493a93c28a90f7f1a9ae5c8a0afe07bc0cafb116226b9df3cace6db10b1fc32' },
  { start: '77c7e2b8', sha256: 'df7a007911a1b9497a5a0e3a9023c413b01d2cea565e6c863fab919abd8c5f9b' },
  { start: '81b20965', sha256: 'f5f69283efde874148a96f560d159ddd192b4f5aaf82559cea14dc5de1240ee2' },
  { start: 'AtH35vJs', sha256: '5b6eff51cddd4d1316d5b060aaf0914886f4f501556a29e24ca85367758dfda9' },
  { start: 'AyM1SysP', sha256: '8b1b17a9740c068accab5c3d0d652c8e3cc13206e70bb73b42ea41d4c2de3c12' },
  { start: 'D5H4Y_5P', sha256: '930d65dbe93c976ef0533d89d86d904974ab5e5c582c8b48096dee5e2b9b2f05' },
  { start: 'GZy6sIZ6', sha256: 'c10838189a432c839e70d3cbe43c097c51ceb86c787caa91daea524faef8485e' },
  { start: 'XctOhJAk', sha256: '8580dd90707d8c5158d6cb777938febb4f6f4567809b698aa4b293826709aa46' },
  { start: 'iTx2pk7w', sha256: '44e6c89ad9f1cbaf6aeb4062c5f2838879206dfe03f2b4ecf61db9cedd27a86e' },
  { start: 'n7fzJc3_', sha256: '2677a14a465f8bf0f2f2f372f5870a097a4d13814aa68868e0467b27b3c641cf' },
  { start: 'qC57l_ux', sha256: 'fde65288758ade656d00d03a11dee9d4df0835b5950fdea8e1186c2fe1dd8fa7' },
  { start: 'r_kHyZ-a', sha256: '79bd8cb5ce94f16b65a975159d6546a3e46ce0aff662cfba61a8f65c61c92b29' },
  { start: '0_NxaRPU', sha256: '0c9ccc0efa883292f9b414688338caa5463d9565994712ce81e43294700e281d' },
  { start: '1gDirl_r', sha256: '835c566a9a60e7829d37e31b6b28ed6ca9d1dcc641da09315fb1a271d0811a82' },
  { start: 'AAhRON2r', sha256: '243cd6766dfc55feb19c57a662e8e712c0a37e6c44a00467255e0b4ac21182b7' },
  { start: 'Hndv7ZZj', sha256: 'be25b97d5b5e0419acf443084e1cfa5aa2b88f00ceecdb8868c221bd150f4531' },
  { start: 'Jcv8gklh', sha256: 'f6d15a48ca3845941d4bca21039d82e65c052d4fc341d03553f11ad7b951a7b0' },
  { start: 'VEmDZpDX', sha256: '6cebd764dd9840fcce68a04d6a5b3e04e9747dcd4e0fb76772a6f18fb56bcc8a' },
  { start: 'bWUC9B-E', sha256: '92a7d7ea52e43e7051a891902253e914208d166249aa7cda741739912c59de61' },
  { start: 'hJtXIZ2u', sha256: '0330b11998cbc9abd5a585e755cb5df2f73f1a5632fdcc2abb19e05e3eceddb9' },
  { start: 'i9KuFhSz', sha256: '7def42074796e254ede50847846a68e3ec57f1a9b7ef66907888e8475e328516' },
  { start: 'nWGxne_9', sha256: '190edf59d5736c3b3ea6bb36d57f5eb415a9b79f3201b381b8f3cb089135981f' },
  { start: 'x8EVZH4F', sha256: 'b63acee0ec566988b509e3cc659eb59b55076d20a8f95ed0d710a51f8c344c75' },
];
/**
 * Published values that tests cut short, extend or end otherwise: AWS's, Akamai's and Phoenix's documented keys, the TOTP secret of Google Authenticator's
 * documentation (base32 of "Hello!" and 0xDEADBEEF), and the md5, sha1 and sha256 digests of empty input.
 */
const DOCUMENTED_EXAMPLE_PREFIXES = [
  // AWS's documented access key id and secret access key, with their ends changed (`…7EAXMPLE`, `…CYEFUCDlEKEY`).
  'AKIAIOSFODNN7',
  'ASIAIOSFODNN7',
  'wJalrXUtnFEMI/K7MDENG',
  'JBSWY3DPEHPK3PXP',
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  // RFC 4122's example UUID (`550e8400-e29b-41d4-a716-446655440000`), and tests' numbered copies of it.
  '550e8400-e29b-41d4-a716-4466554400',
  // The example UUID of Wikipedia's and many APIs' pages (`123e4567-e89b-12d3-a456-426614174000`), and its numbered copies.
  '123e4567-e89b-12d3-a456-4266141740',
  // Akamai's EdgeGrid documentation: its client credentials spelled in leetspeak ("access token", "client token",
  // "client SECRET"), and the ends tests give them.
  'akab-acc35t0k3n',
  'akab-c113ntt0k3n',
  'C113nt53KR3T',
  // The Azure Storage emulator's (Azurite's) published account key, which tools cut or build up in parts.
  'Eby8vdM02xNOcqFlqUwJPL',
  // Phoenix's documentation: the `secret_key_base` of its Endpoint and Token examples.
  'kjoy3o1zeidquwy1398juxzldjlksahdk3',
];

/**
 * sha256 of keys published for local development: Azurite's development-storage key and the Azure Cosmos DB
 * emulator's key (Microsoft's), and the
 * private keys of the ten accounts Hardhat's and Anvil's local chains fund at start (from the mnemonic
 * "test test … junk"), and of zkSync's local nodes' rich wallets, which they print and document, and which
 * bots sweep of anything sent to them; the signing keys of QStash's development server's users.
 */
const PUBLIC_DEVELOPMENT_KEYS = new Set([
  'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615',
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
  'bc1a50966c9e6486bc4ebf880b51611a2a97fcb8e7a6976e9b81a9e3e8ca0e3c',
  '8335c55334821eefd4334369ff9c04a8594f161013cf9d87f58802d87297837e',
  'b26ab6529d20ebebb4192256f202984754f785481c64b1a1aed58cac93b3617e',
  '64034b44c579b335ab5e85debbfe72789e970138cc8d296799c3833a2a8525fb',
  '4d3e46eec8244d1d106f866ee48994f6176705298aee1b8426b2ad2529eb454b',
  '0aedba9d586f34f95cf1f0d54926f62e8a078ce2ca593be73ab27a87d3ff9c5d',
  '28e543d3753fc9d14c658ebef20b76a3b5f8e7d78667baf27832ceb3bea01bdf',
  'f070994a8599478580678f2b9482c5f02bb3de0647281e8efae183669425808a',
  '38e69fdd19aefeb4adf56312f10e62c30274997835173c7006308323ad7db506',
  '967f21586cdf1248a862f2cfb330099701c942c2c7a7537c54f7ec48f8556505',
  // zkSync's in-memory node (era-test-node) and its Docker node: the ten "rich wallets" they fund at start.
  'd60ee2ade1fa21b2ac97b030b11313e07fc3ef5cdedc3c94ab16baaaa7b66b82',
  'aecdab41d8495a838db6f664d1cfb5c8810c4f16f5a3cb1708c9e6c1f1a9d32b',
  'fd4f798dbb834c457e0de932a5ca976ed88af71fa164bdf5dd2ed7fde94086a7',
  '4dd941b803cc0e2cb118502145be7c82b98418bc26e8ce0cd10f1b922d35192d',
  '6877519899e2f36534385981a8f993e52b2a63df9317cc2723142fe46cbfd37e',
  'c33c3b529aa5986bccf090b99d0b73374a7e50b40a59dbd86b66ae5d0033008e',
  '31a1cd71c58f18fc9f51be57adf259bc33144e2d86d50465300b3f0cffb70c01',
  '9377ec7d0fbf90e73b661e4800b5d2081cb69da047b102c37a9092b0b9d207ed',
  'f2e47242f8855ab239860bff9d70252a4a3f24c35fa45b24ab920334a0dd5a4f',
  'af4f6db2539e5b90e109cec5c21343c77eb1f55d526625dfa7d0b412b22d43b6',
  // QStash's local development server (`qstash dev`): the signing keys of its default and test users, printed at start.
  'b5f1743a394ce39b42493de7e6bc40226042491fb77bd417e40e92fcd11a8bd8',
  '54c3b917bfd471e12e0713535d69ad97584a415916ab360f4838bd23f2d70ffe',
  'e66758c9f37fb35692a7073d6546945b6b712ce3112c9859b717af6bb96751e8',
  '72b2f7537cb217c6fab0ea3367b6753ba3804cde37b1f62593cd8d5eb86cf2a1',
  '4c79928ba8eaae9f6f2e81489744c153e5ecf41cdcd2ca8eee28b64a510ee994',
  '7f8ebade2f57171fe5f466822784abd38f4b9f2258fecea1281aae2fc5c35d35',
  'ad02c376e0eab38d6796810d0791d8e434708de1f065dd1af71c1aa526b4ea48',
  '0e2a67583ede642345c1750e3cb495df724e9d56a172a0bb484b8f999ce643b7',
  'e0c74a99dae086939cf599a95e46d9e62bb32c63841a02ff99d1ae27b48943a0',
  'f5f0ff3f6ee0f124c10869018b9c72c6160031ef682737086551f6e20ae56987',
]);

/** True for a key published for local development (Azurite's, Cosmos DB's emulator's, Hardhat's, Anvil's, zkSync's, QStash's), with or without `0x`. */
export function isPublicDevelopmentKey(key: string): boolean {
  return PUBLIC_DEVELOPMENT_KEYS.has(createHash('sha256').update(key.replace(/^0x/, '')).digest('hex'));
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const probability = count / text.length;
    entropy -= probability * Math.log2(probability);
  }
  return entropy;
}

/** True when a longer text (a URL, a connection string) holds a template slot such as <password> or ${PASSWORD}. */
export function holdsTemplateSlot(text: string): boolean {
  return /<[^<>\s]{1,40}>|\[[a-z][a-z-]{2,40}\]|\$\{[^}]{0,60}\}|\{\{[^}]{0,60}\}\}|\*{3,}|#{4,}|x{5,}|your[_-]?password|REPLACE_ME/i.test(text);
}

/** True for stand-ins such as YOUR_API_KEY, <token>, xxxxx, REPLACE_ME, changeme, ${…}, process.env…, ***. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (DOCUMENTED_EXAMPLES.has(trimmed) || isDocumentedExamplePrefix(trimmed) || isDocumentedToken(trimmed)) return true;
  if (trimmed.length <= 60 && DOCUMENTED_UUID_ENDS.some((end) => trimmed.includes(end))) return true;
  // `[password]`, `[server-name]`: a slot in brackets, as documentation writes connection strings.
  if (/^\[[A-Za-z][\w -]{0,40}\]$/.test(trimmed)) return true;
  if (TRIVIAL_VALUES.has(trimmed.toLowerCase())) return true;
  if (holdsPlaceholderWord(trimmed) || PERCENT_VARIABLE.test(trimmed)) return true;
  // xxxxx, *****, ....., 00000000, abcabcabc: one or two characters repeated.
  if (/^(.)\1+$/.test(trimmed) || /^(.{1,3})\1{2,}$/.test(trimmed)) return true;
  if (/^[x*•.#-]+$/i.test(trimmed)) return true;
  // `sk-qVxxxxG`, `AIza-xxx`, `v1.1f699f1069f60xxx`: x typed where the random part goes. Four in a row
  // occur in one random 40-character token in 200,000 (five capitals: base32 and AWS keys have fewer
  // letters); three are common, so only three after a separator, or lower-case at the end, count.
  if (trimmed.length <= 40 && /x{4}|X{5}|[-_.](?:xxx|XXX)|xxx$/.test(trimmed)) return true;
  return false;
}

/** Words whose digests tests use as tokens (`valid_token = sha1("hello")`). */
const COMMON_WORDS = ['0', '1', 'hello', 'hello world', 'password', 'secret', 'test', 'testing', 'admin', 'foo', 'bar', 'foobar', 'example', 'changeme', '123456', 'qwerty', 'letmein', 'root', 'token', 'key', 'demo', 'user'];

let commonWordDigests: ReadonlySet<string> | undefined;

/**
 * True for the md5, sha1 or sha256 (hex) of a common word, as typed or as `echo word | md5sum` gives it
 * (with its line break: Shopify's documented `b1946ac9…` is `hello\n`): a test's stand-in for a token, not a random one.
 */
export function isDigestOfCommonWord(value: string): boolean {
  if (value.length !== 32 && value.length !== 40 && value.length !== 64) return false;
  commonWordDigests ??= new Set(COMMON_WORDS.flatMap((word) => [word, `${word}\n`]).flatMap((word) => ['md5', 'sha1', 'sha256'].map((algorithm) => createHash(algorithm).update(word).digest('hex'))));
  return commonWordDigests.has(value.toLowerCase());
}

/** The ends of the two example UUIDs above, kept when a test changes their first groups (`550e8400-dead-41d4-a716-446655440000`). */
const DOCUMENTED_UUID_ENDS = ['-a716-446655440000', '-a456-426614174000'];

function isDocumentedToken(value: string): boolean {
  return DOCUMENTED_TOKEN_DIGESTS.some((example) => value.startsWith(example.start) && createHash('sha256').update(value).digest('hex') === example.sha256);
}

/** A documented example, or the start of one at least sixteen characters long (a truncated digest). */
function isDocumentedExamplePrefix(value: string): boolean {
  const lower = value.toLowerCase();
  return DOCUMENTED_EXAMPLE_PREFIXES.some((example) => (lower.length >= 16 && example.toLowerCase().startsWith(lower)) || lower.startsWith(example.toLowerCase()));
}
