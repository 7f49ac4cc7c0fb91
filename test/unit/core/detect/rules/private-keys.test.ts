import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fake, hex, join, randomText, URL_SAFE } from '../fake-credentials';
import { assertFinds, assertFoundInFiveContexts, assertNothingFound, detect } from './five-contexts';

describe('core/detect/rules/private-keys', () => {
  it('finds age secret keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/age-secret-key', fake.ageSecretKey);
    await assertFoundInFiveContexts('secret-manager/age-secret-key', fake.agePostQuantumSecretKey);
  });

  it("finds Tailscale's private keys in the five contexts, not a sequence typed in a test", async () => {
    await assertFoundInFiveContexts('secret-manager/tailscale-private-key', () => fake.tailscalePrivateKey('privkey:'));
    await assertFoundInFiveContexts('secret-manager/tailscale-private-key', () => fake.tailscalePrivateKey('nlpriv:'));
    await assertNothingFound(`const key = "${join('priv', 'key:', '0123456789abcdef'.repeat(4))}"; const node = "${join('node', 'key:', hex(64))}";\n`);
  });

  it("finds minisign's and rsign's secret keys (Tauri's updater keys), as a key file and as the file in base64; not a public key", async () => {
    for (const tool of ['minisign', 'rsign'] as const) {
      const file = fake.minisignSecretKey(tool);
      const keyLine = file.split('\n')[1];
      const findings = await detect(file, '/w/test/updater/fixture/update.key');
      assert.deepEqual(findings.map((finding) => [finding.ruleId, file.slice(...finding.range)]), [['secret-manager/minisign-secret-key', keyLine]]);
      const encoded = fake.minisignSecretKey(tool, true);
      const text = `const PRIVATE_KEY: &str = "${encoded}";\n`;
      const inBase64 = await detect(text, '/w/src/helpers/updater_signature.rs');
      assert.deepEqual(inBase64.map((finding) => [finding.ruleId, text.slice(...finding.range)]), [['secret-manager/minisign-secret-key', encoded]]);
    }
    await assertNothingFound(`untrusted comment: minisign public key 1A2B\n${randomBytes(42).toString('base64')}\n`, '/w/minisign.pub');
  });

  it('leaves near-misses alone', async () => {
    // "b", "i", "o" and "1" are not in bech32's alphabet, and the key is 58 characters long.
    await assertNothingFound(`const value = "${join('AGE-', 'SECRET-', 'KEY-1', 'B'.repeat(58))}";\n`);
    await assertNothingFound(`const value = "${join('AGE-', 'SECRET-', 'KEY-1', 'QPZRY9X8')}";\n`);
    await assertNothingFound(`// age identities start with ${join('AGE-', 'SECRET-', 'KEY-1')}.\n`);
  });

  it("leaves a key cut short (a form's placeholder) or a word typed again and again alone, in either rule's form; finds the whole key", async () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const lines = pem.trim().split('\n');
    const cut = [...lines.slice(0, 11), lines.at(-1)!].join('\n');
    const asLiterals = (text: string) => text.split('\n').map((line) => `"${line}\\n"`).join(' +\n');
    assert.deepEqual(await detect(`const PRIVATE_KEY_PLACEHOLDER = \`${cut}\`;\n`, '/w/src/ui/auth-private-key-row.tsx'), []);
    assert.deepEqual(await detect(`const key =\n${asLiterals(cut)};\n`, '/w/src/key.ts'), []);
    const repeated = `-----BEGIN ${'PRIVATE'} KEY-----\n${'s3cr3t'.repeat(11)}\n${'s3cr3t'.repeat(11)}\n-----END ${'PRIVATE'} KEY-----`;
    assert.deepEqual(await detect(`.. code-block::\n\n  ${repeated.replaceAll('\n', '\n  ')}\n`, '/w/docs/providers/apple.rst'), []);
    // A PKCS#8 body without its armour, cut to 128 characters (a test of header stripping).
    const der = pem.trim().split('\n').slice(1, -1).join('');
    assert.deepEqual(await detect(`const stub = "${der.slice(0, 128)}";\n`, '/w/test/services/snowflakeKey.test.ts'), []);
    // The same body over the lines of a Kotlin raw string is a whole key.
    const derLines = der.match(/.{1,64}/g)!;
    assert.equal((await detect(`val key =\n    \"\"\"${derLines.join('\n    ')}\"\"\"\n`, '/w/app/src/androidTest/EncryptionTestUtils.kt')).length, 1);
    // Random base64 under an RSA key's label: a DER key's base64 starts with "M".
    const randomBody = `-----BEGIN RSA ${'PRIVATE'} KEY-----\n${randomBytes(1190).toString('base64').replace(/^M/, 'Y').match(/.{1,64}/g)!.join('\n')}\n-----END RSA ${'PRIVATE'} KEY-----\n`;
    assert.deepEqual(await detect(randomBody, '/w/cmd/testdata/githubapp/test-private-key.pem'), []);
    // RFC 1423's headers over a four-byte body: a parser's test.
    const legacyHeaders = `input: []byte("-----BEGIN RSA ${'PRIVATE'} KEY-----\\r\\n" +\n  "DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\\r\\n" +\n  "Proc-Type: 4,ENCRYPTED\\r\\n\\r\\n" +\n  "AQID\\r\\nBA==\\r\\n" +\n  "-----END RSA ${'PRIVATE'} KEY-----\\r\\n"),\n`;
    assert.deepEqual(await detect(legacyHeaders, '/w/pkg/crypto/parser/x509/parser_test.go'), []);
    assert.equal((await detect(`const key = \`${pem}\`;\n`, '/w/src/key.ts')).length, 1);
    assert.equal((await detect(`const key =\n${asLiterals(pem.trim())};\n`, '/w/src/key.ts')).length, 1);
  });

  it("leaves a dummy key filled with zero bytes alone (a parser's test), in either rule's form", async () => {
    const body = `MIICWgIBAAKBg${'A'.repeat(51)}\n${'A'.repeat(64)}\n${randomText(40)}==`;
    assert.deepEqual(await detect(`const badPem = \`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\`;\n`, '/workspace/test/config.test.ts'), []);
    assert.deepEqual(await detect(`-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE${'A'.repeat(40)}${randomText(40)}\n-----END EC PRIVATE KEY-----\n`, '/workspace/test/key.pem'), []);
  });

  it('finds a PGP private key block encoded once more in base64 (an action input), not a public one', async () => {
    const block = (kind: string) => `-----BEGIN PGP ${kind} KEY BLOCK-----\nVersion: GnuPG v2\n\n${randomBytes(600).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PGP ${kind} KEY BLOCK-----\n`;
    const secret = Buffer.from(block('PRIVATE')).toString('base64');
    const findings = await detect(`${secret}\n`, '/workspace/tests/fixtures/test-key-base64.pgp');
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/base64-pem-private-key']);
    assert.deepEqual(await detect(`${Buffer.from(block('PUBLIC')).toString('base64')}\n`, '/workspace/tests/fixtures/public-base64.pgp'), []);
  });

  it("finds wallets' extended private keys (BIP32) in the five contexts, not their public ones", async () => {
    for (const prefix of ['xprv', 'tprv', 'zprv'] as const) await assertFoundInFiveContexts('secret-manager/bip32-private-key', () => fake.extendedPrivateKey(prefix));
    const publicKey = join('xp', 'ub', randomText(108, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'));
    await assertNothingFound(`{ "signingKey": "${publicKey}-[p2sh]", "accountKey": "${publicKey}" }\n`, '/workspace/tests/wallet.json');
  });

  it("finds a Matrix homeserver's signing key, and not one whose seed is cut short or typed", async () => {
    const seed = randomBytes(32).toString('base64').replace(/=+$/, '');
    const text = `ed25519 a_SLrz ${seed}\n`;
    const findings = await detect(text, '/w/integration_test/synapse/data/localhost.signing.key');
    assert.deepEqual(findings.map((finding) => [finding.ruleId, text.slice(...finding.range)]), [['secret-manager/matrix-signing-key', seed]]);
    await assertNothingFound(`ed25519 a_SLrz ${seed.slice(0, 30)}\n`, '/w/localhost.signing.key');
    await assertNothingFound(`ed25519 a_auto ${'A'.repeat(43)}\n`, '/w/localhost.signing.key');
  });

  it("leaves a stub whose body is words alone, and never runs on into the next block", async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const certificateLike = (privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).replace(/PRIVATE KEY/g, 'CERTIFICATE');
    await assertNothingFound(`-----BEGIN RSA ${'PRIVATE'} KEY-----\nBad Key, though the cert should be OK\n-----END RSA ${'PRIVATE'} KEY-----\n${certificateLike}`, '/w/libs/future/backports/test/badkey.pem');
  });

  it('leaves a PEM block whose body is shorter than any private key alone, and reports the shortest real one', async () => {
    await assertNothingFound(`"privateKey": "-----BEGIN OPENSSH ${'PRIVATE'} KEY-----\\nFAKE-EXAMPLE-NOT-A-REAL-KEY-DEV-PLAYGROUND\\n-----END OPENSSH ${'PRIVATE'} KEY-----"\n`, '/w/seeds/playground.json');
    await assertNothingFound(`-----BEGIN OPENSSH ${'PRIVATE'} KEY-----\nsomethingSuperRandomAndSecretHereThatShouldNeverBeShared\n-----END OPENSSH ${'PRIVATE'} KEY-----\n`, '/w/test_data/files/private_key');
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const findings = await detect(pem.replace(/\n/g, '\r\n'), '/w/keys/signing.pem');
    assert.equal(findings.length, 1, 'an Ed25519 key in PKCS#8, the shortest there is');
  });

  it("finds a wallet's recovery phrase of 12 or 24 words on a line that says seed or mnemonic, not test phrases or sentences", async () => {
    const pool = ['tiger', 'room', 'acoustic', 'bracket', 'thing', 'film', 'umbrella', 'melody', 'lizard', 'phrase', 'voice', 'unique', 'click', 'chunk', 'owner', 'kind', 'orbit', 'canvas', 'velvet', 'dune', 'pistol', 'harbor', 'quote', 'sample', 'wheat', 'frozen'];
    const phrase = (count: number) => [...pool].sort(() => randomBytes(1)[0] - 128).slice(0, count).join(' ');
    for (const count of [12, 24]) {
      const words = phrase(count);
      const findings = await detect(`var wallet = new { seed = "${words}" };\n`, '/w/tests/WalletTests.cs');
      assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/mnemonic-phrase'], `${count} words`);
    }
    const mnemonic = phrase(12);
    assert.equal((await detect(`const mnemonic = await generateWallet(chain, '${mnemonic}');\n`, '/w/tests/wallet.test.ts')).length, 1);
    await assertNothingFound(`const mnemonic = "${'test '.repeat(11)}junk";\n`, '/w/hardhat.config.ts');
    // BIP39's vectors of one byte repeated (0x7f…, 0x80…) repeat their words eight apart.
    await assertNothingFound(`mnemonicToAccount('legal winner thank year wave sausage worth useful legal winner thank yellow')\n`, '/w/docs/mnemonic.md');
    await assertNothingFound(`const mnemonic = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";\n`, '/w/src/wallet.ts');
    await assertNothingFound(`it("should seed the database with users and remove them when each test ends", () => {});\n`, '/w/tests/seed.test.ts');
    await assertNothingFound(`const title = "${phrase(12)}";\n`, '/w/src/copy.ts');
    await assertNothingFound(`const seed = "${phrase(11)}";\n`, '/w/src/seed.ts');
  });

  it('finds a key written as a string continued by a backslash at the end of each line (Lua, C)', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = (privateKey.export({ format: 'pem', type: 'sec1' }) as string).trim();
    const lua = `local key = "${pem.split('\n').join('\\\n')}"\n`;
    const findings = await detect(lua, '/w/spec/declarative_config_spec.lua');
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/private-key']);
  });

  it('leaves a PEM block whose body is the alphabet typed out alone', async () => {
    const line = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ/0123456789+abcdefghijklmnopqrstuvwxyz';
    await assertNothingFound(`key: |\n  -----BEGIN ${'PRIVATE'} KEY-----\n  ${line}\n  ${line}\n  AAAAAAAA\n  -----END ${'PRIVATE'} KEY-----\n`, '/w/config/sample-secrets.yml');
  });

  it('reports a key written with "\\r\\n" escapes, or escaped twice in a recorded HTTP body, which the preset misses', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 512 });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString().trim();
    const carriageReturns = `const key = '${pem.replace(/\n/g, '\\r\\n')}';\n`;
    assert.deepEqual((await detect(carriageReturns, '/w/hardcoded-hmac-key.js')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
    const cassette = `${JSON.stringify({ body: JSON.stringify({ key: pem }) })}\n`;
    assert.deepEqual((await detect(cassette, '/w/tests/cassettes/create.json')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
  });

  it('reports a key written as string literals joined by "+", or side by side, which the preset misses', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 512 });
    const lines = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString().trim().split('\n');
    const joined = `const options = {\n  key:\n${lines.map((line) => `    '${line}\\n'`).join(' +\n')},\n};\n`;
    assert.deepEqual((await detect(joined, '/w/test/tls-test.js')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
    const sideBySide = `KEY = (\n${lines.map((line) => `    "${line}\\n"`).join('\n')}\n)\n`;
    assert.deepEqual((await detect(sideBySide, '/w/tests/conftest.py')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
    // PHP joins with ".", each line's newline inside its literal.
    const php = `$privateKeyContent = ${lines.map((line) => `'${line}\n'`).join('.\n        ')};\n`;
    assert.deepEqual((await detect(php, '/w/tests/Feature/RemoteProcessTimeoutTest.php')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
  });

  it("reports a JSON key file's private key encoded in base64 (a Kubernetes Secret's field), pretty or compact; not one without a key", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = { type: 'service_account', project_id: 'demo-project', private_key_id: 'abc', private_key: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), client_email: 'ci@demo-project.iam.gserviceaccount.com' };
    for (const json of [JSON.stringify(keyFile, null, 2), JSON.stringify(keyFile)]) {
      const encoded = Buffer.from(json).toString('base64');
      const findings = await detect(`apiVersion: v1\nkind: Secret\ndata:\n  key.json: ${encoded}\n`, '/w/examples/docker-creds.yaml');
      assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/base64-json-private-key']);
    }
    const withoutKey = Buffer.from(JSON.stringify({ ...keyFile, private_key: undefined, note: 'x'.repeat(900) }, null, 2)).toString('base64');
    assert.deepEqual(await detect(`  key.json: ${withoutKey}\n`, '/w/examples/docker-creds.yaml'), []);
  });

  it('reports a PGP private key block, which the recommended preset misses; not a public one', async () => {
    const body = Buffer.from(randomText(900)).toString('base64').match(/.{1,64}/g)!.join('\n');
    const block = (kind: string) => `-----BEGIN PGP ${kind} KEY BLOCK-----\n\n${body}\n=fO3n\n-----END PGP ${kind} KEY BLOCK-----\n`;
    assert.deepEqual((await detect(block('PRIVATE'), '/w/test/fixtures/sops/test_pgp_key.asc')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
    assert.deepEqual(await detect(block('PUBLIC'), '/w/test/fixtures/sops/test_pgp_key.asc'), []);
    // Armor headers with any text, in a Go raw string as vendored test data keeps them.
    const withHeaders = `const armoredPrivateKeyBlock = \`-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v1.4.10 (GNU/Linux)\nComment: Bob's OpenPGP Transferable Secret Key\n\n${body}\n=fO3n\n-----END PGP PRIVATE KEY BLOCK-----\`\n`;
    assert.deepEqual((await detect(withHeaders, '/w/vendor/openpgp/read_write_test_data.go')).map((finding) => finding.ruleId), ['secret-manager/private-key']);
  });

  it('reports an encrypted PKCS#8 key, which the recommended preset misses', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const encrypted = privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'password' }).toString();
    assert.match(encrypted, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\nMI/);
    const findings = await detect(encrypted, '/w/tests/certs/password/privkey.pem');
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/private-key']);
  });

  describe('private keys in base64 DER without PEM armour', () => {
    const derRule = 'secret-manager/der-private-key';
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecP384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const ed25519 = generateKeyPairSync('ed25519');
    const der = (key: { export(options: object): string | Buffer }, type: string) => (key.export({ format: 'der', type }) as Buffer).toString('base64');
    const privateKeys: [string, string][] = [
      ['PKCS#8 RSA', der(rsa.privateKey, 'pkcs8')],
      ['PKCS#1 RSA', der(rsa.privateKey, 'pkcs1')],
      ['PKCS#8 EC', der(ec.privateKey, 'pkcs8')],
      ['SEC1 EC', der(ec.privateKey, 'sec1')],
      ['SEC1 EC on P-384', der(ecP384.privateKey, 'sec1')],
      ['PKCS#8 Ed25519', der(ed25519.privateKey, 'pkcs8')],
    ];
    const reported = async (text: string, filePath?: string) =>
      (await detect(text, filePath)).filter((finding) => finding.ruleId === derRule).map((finding) => text.slice(finding.range[0], finding.range[1]));

    for (const [kind, key] of privateKeys) {
      it(`reports a ${kind} key in JSON, an env file and a Kotlin string`, async () => {
        assert.deepEqual(await reported(`{"credential": {"privateKey":"${key}"}}\n`, '/w/fixtures/credential.json'), [key]);
        assert.deepEqual(await reported(`JWT_PRIVATE_KEY=${key}\n`, '/w/.env'), [key]);
        assert.deepEqual(await reported(`private const val SIGNING = "${key}"\n`, '/w/app/Keys.kt'), [key]);
      });
    }

    it('reports a key in base64url, as Elixir writes it into a module attribute', async () => {
      const key = der(rsa.privateKey, 'pkcs1').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      assert.deepEqual(await reported(`  @offline_hub_org_private_key "${key}"\n`, '/w/test/support/hub_helpers.ex'), [key]);
    });

    it('leaves public keys, certificates-like text and PEM bodies to others', async () => {
      assert.deepEqual(await reported(`PUBLIC_KEY=${der(rsa.publicKey, 'spki')}\nEC_PUBLIC=${der(ec.publicKey, 'spki')}\n`, '/w/.env'), []);
      const pem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      const findings = await detect(`const key = \`${pem}\`;\n`);
      assert.deepEqual(findings.filter((finding) => finding.ruleId === derRule), []);
      assert.equal(findings.length, 1);
      assert.deepEqual(await reported(`KEY=MIIEvQIBADAN${'A'.repeat(60)}\n`, '/w/.env'), []);
    });
  });

  describe('PEM private keys encoded once more in base64', () => {
    const rule = 'secret-manager/base64-pem-private-key';
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const encoded = (pem: string) => Buffer.from(pem).toString('base64');
    const reported = async (text: string, filePath?: string) =>
      (await detect(text, filePath)).filter((finding) => finding.ruleId === rule).map((finding) => text.slice(finding.range[0], finding.range[1]));

    it('reports them in a Kubernetes Secret and in a Go test, whatever the PEM label', async () => {
      for (const type of ['pkcs8', 'sec1'] as const) {
        const key = encoded(privateKey.export({ format: 'pem', type }) as string);
        assert.deepEqual(await reported(`apiVersion: v1\nkind: Secret\ndata:\n  tls.key: ${key}\n`, '/w/deploy/tls.yaml'), [key], type);
        assert.deepEqual(await reported(`pem, _ := base64.StdEncoding.DecodeString("${key}")\n`, '/w/keyvault_test.go'), [key], type);
      }
    });

    it('leaves public keys and stand-in bodies alone', async () => {
      assert.deepEqual(await reported(`tls.crt: ${encoded(publicKey.export({ format: 'pem', type: 'spki' }) as string)}\n`, '/w/tls.yaml'), []);
      assert.deepEqual(await reported(`tls.key: ${encoded(`-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n-----END PRIVATE KEY-----\n`)}\n`, '/w/tls.yaml'), []);
    });
  });

  describe('JSON Web Keys', () => {
    const jwkRule = 'secret-manager/jwk-private-key';
    const privateMembers = async (text: string, filePath?: string) => {
      const findings = await detect(text, filePath);
      return findings.filter((finding) => finding.ruleId === jwkRule).map((finding) => text.slice(finding.range[0], finding.range[1]));
    };

    it('reports the private member of RSA, EC and symmetric keys, before or after the kty', async () => {
      const d = randomText(43, URL_SAFE);
      const k = randomText(43, URL_SAFE);
      const rsaExponent = randomText(342, URL_SAFE);
      const rsa = `export const keys = [{ kty: 'RSA', n: '${randomText(342, URL_SAFE)}', e: 'AQAB', d: '${rsaExponent}' }];\n`;
      assert.deepEqual(await privateMembers(rsa), [rsaExponent]);
      const ec = `{"crv":"P-256","d":"${d}","kty":"EC","x":"${randomText(43, URL_SAFE)}","y":"${randomText(43, URL_SAFE)}"}\n`;
      assert.deepEqual(await privateMembers(ec, '/w/test/jwks.json'), [d]);
      assert.deepEqual(await privateMembers(`GOTRUE_JWT_KEYS=[{"kty":"oct","k":"${k}"}]\n`, '/w/hack/test.env'), [k]);
      // Elixir's maps.
      assert.deepEqual(await privateMembers(`jwks = %{"keys" => [%{"kty" => "oct", "k" => "${k}"}]}\n`, '/w/test/jwt_verification_test.exs'), [k]);
      assert.deepEqual(await privateMembers(`%{"crv" => "P-256", "d" => "${d}", "kty" => "EC", "x" => "${randomText(43, URL_SAFE)}"}\n`, '/w/test/jwt_verification_test.exs'), [d]);
    });

    it('leaves public keys and placeholders alone', async () => {
      assert.deepEqual(await privateMembers(`{"kty":"EC","crv":"P-256","x":"${randomText(43, URL_SAFE)}","y":"${randomText(43, URL_SAFE)}"}\n`, '/w/jwks.json'), []);
      assert.deepEqual(await privateMembers(`{"kty":"RSA","n":"${randomText(342, URL_SAFE)}","e":"AQAB","d":"<private exponent>"}\n`, '/w/jwks.json'), []);
      await assertNothingFound('const docs = "kty is the key type, d its private part";\n');
    });

    it('leaves private members too short for their key type, or base64url of text, alone', async () => {
      assert.deepEqual(await privateMembers(`{ kty: "RSA", n: "test", e: "test-exponent", d: "private-exponent" }\n`, '/w/register.test.ts'), []);
      assert.deepEqual(await privateMembers(`{ kty: "RSA", n: "${randomText(342, URL_SAFE)}", e: "AQAB", d: "${randomText(43, URL_SAFE)}" }\n`), []);
      const symmetricSecret = Buffer.from('symmetric-secret').toString('base64url');
      assert.deepEqual(await privateMembers(`{ kty: "oct", k: "${symmetricSecret}" }\n`, '/w/jwt.test.ts'), []);
      const randomKey = randomBytes(16).toString('base64url');
      assert.deepEqual(await privateMembers(`{ kty: "oct", k: "${randomKey}" }\n`, '/w/jwt.test.ts'), [randomKey]);
    });
  });

  it("finds a Rails master key committed in config/master.key or an environment's key, not 32 hex in other files", async () => {
    const key = hex(30) + 'a7';
    for (const filePath of ['/w/config/master.key', '/w/config/credentials/production.key']) await assertFinds(`${key}\n`, 'secret-manager/rails-master-key', key, filePath);
    await assertNothingFound(`${key}\n`, '/w/config/other.key');
    await assertNothingFound(`${key} ${key}\n`, '/w/config/master.key');
  });
});

