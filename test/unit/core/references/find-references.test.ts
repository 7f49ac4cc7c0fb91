import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadParser } from '../../../../src/core/references/load-parser';
import { offsetToPosition } from '../../../../src/core/references/text-position';
import type { FoundReference } from '../../../../src/core/references/types';

const parser = loadParser();

function find(text: string, fileName = 'file.ts'): FoundReference[] {
  return parser.findReferences(parser.parseSource(fileName, text));
}

/** Each reference as "form vault/key", plus a check that its ranges point at the names in the text. */
function summarize(text: string, fileName?: string): string[] {
  return find(text, fileName).map((reference) => {
    assert.equal(text.slice(reference.vaultRange.start, reference.vaultRange.end), reference.vault);
    assert.equal(text.slice(reference.keyRange.start, reference.keyRange.end), reference.key);
    // A declaration's range is the declared key's property; every other form's range holds both names.
    const inside = reference.isDeclaration ? [reference.keyRange] : [reference.vaultRange, reference.keyRange];
    for (const range of inside) assert.ok(reference.range.start <= range.start && range.end <= reference.range.end);
    return `${reference.form} ${reference.vault}/${reference.key}${reference.isDeclaration ? ' (declaration)' : ''}`;
  });
}

describe('core/references/find-references', () => {
  it('finds { vault, key } in executor webhook headers', () => {
    const text = 'createExecutor({ operation: { kind: "webhook", headers: { Authorization: { vault: "api-keys", key: "stripe-key" } } } });';
    assert.deepEqual(summarize(text), ['vault-key-object api-keys/stripe-key']);
    const [reference] = find(text);
    assert.equal(text.slice(reference!.range.start, reference!.range.end), '{ vault: "api-keys", key: "stripe-key" }');
  });

  it('finds { vaultName, secretKey } in defineAuth, with any quote and quoted property names', () => {
    const text = "defineAuth('a', { idProvider: { clientSecret: { 'vaultName': 'idp-vault', secretKey: `client-secret` } } });";
    assert.deepEqual(summarize(text), ['vault-name-secret-key-object idp-vault/client-secret']);
  });

  it('finds getSecret and getSecrets calls, one reference per key', () => {
    const text = [
      'async function run() {',
      '  await tailor.secretmanager.getSecret("vault-one", "key-one");',
      '  await globalThis.tailor.secretmanager.getSecrets("vault-two", ["key-two", dynamicKey, "key-three"]);',
      '}',
    ].join('\n');
    assert.deepEqual(summarize(text), ['get-secret vault-one/key-one', 'get-secrets vault-two/key-two', 'get-secrets vault-two/key-three']);
  });

  it('finds secrets.get and secrets.getAll', () => {
    const text = 'const a = await secrets.get("v-a", "k-a"); const b = await secrets?.getAll("v-b", ["k-b", "k-c"]);';
    assert.deepEqual(summarize(text), ['secrets-get v-a/k-a', 'secrets-get-all v-b/k-b', 'secrets-get-all v-b/k-c']);
  });

  it('finds declarations in defineSecretManager, including shorthand keys', () => {
    const text = 'defineConfig({ secrets: defineSecretManager({ "api-keys": { "stripe-key": process.env.STRIPE, github }, mail: { smtp: "" } }) });';
    assert.deepEqual(summarize(text), [
      'declaration api-keys/stripe-key (declaration)',
      'declaration api-keys/github (declaration)',
      'declaration mail/smtp (declaration)',
    ]);
  });

  it('parses JavaScript, JSX and TSX by extension', () => {
    assert.deepEqual(summarize('const element = <div>{secrets.get("v-x", "k-x")}</div>;', 'view.tsx'), ['secrets-get v-x/k-x']);
    assert.deepEqual(summarize('const element = <A k={{ vault: "v-y", key: "k-y" }} />;', 'view.jsx'), ['vault-key-object v-y/k-y']);
    assert.deepEqual(summarize('module.exports = { headers: { A: { vault: "v-z", key: "k-z" } } };', 'config.cjs'), ['vault-key-object v-z/k-z']);
  });

  describe('through as const, satisfies, parentheses, ! and type assertions', () => {
    const cases: Array<[string, string, string[]]> = [
      [
        'getSecrets keys as const, as the runtime docs write them',
        'await tailor.secretmanager.getSecrets("my-vault", ["api-key", "api-secret"] as const);',
        ['get-secrets my-vault/api-key', 'get-secrets my-vault/api-secret'],
      ],
      ['a vault argument as const', 'await secrets.get("v-a" as const, "k-a");', ['secrets-get v-a/k-a']],
      ['a key argument in parentheses and as string', 'await tailor.secretmanager.getSecret("v-a", ("k-a" as string));', ['get-secret v-a/k-a']],
      ['a non-null key', 'await secrets.get("v-a", "k-a"!);', ['secrets-get v-a/k-a']],
      ['an old-style type assertion', 'await secrets.get(<string>"v-a", <const>"k-a");', ['secrets-get v-a/k-a']],
      ['elements of a keys array', 'await secrets.getAll("v-a", [("k-a"), "k-b" as const, <string>"k-c"]);', ['secrets-get-all v-a/k-a', 'secrets-get-all v-a/k-b', 'secrets-get-all v-a/k-c']],
      ['a keys array in parentheses and satisfies', 'await secrets.getAll("v-a", (["k-a"] satisfies string[])!);', ['secrets-get-all v-a/k-a']],
      ['a wrapped receiver', 'async function f() { return (tailor.secretmanager as Client)!.getSecret("v-a", "k-a"); }', ['get-secret v-a/k-a']],
      ['an object literal as const', 'const h = { Authorization: { vault: "v-a", key: "k-a" } as const };', ['vault-key-object v-a/k-a']],
      ['an object satisfies a type', 'const h = { vault: "v-a", key: "k-a" } satisfies Reference;', ['vault-key-object v-a/k-a']],
      ['wrapped object properties', 'const s = { vaultName: "v-a" as const, secretKey: ("k-a")! };', ['vault-name-secret-key-object v-a/k-a']],
      [
        'a declarations object as const',
        'defineSecretManager({ "v-a": { "k-a": process.env.A! } as const } satisfies Declarations);',
        ['declaration v-a/k-a (declaration)'],
      ],
      ['defineSecret with wrapped arguments', 'defineSecret("v-a" as const, ({ "k-a": {} }) satisfies X);', ['define-secret v-a/k-a (declaration)']],
      ['secrets.value with wrapped arguments', 'idp.oidc("i", { clientSecret: secrets.value(("v-a"), "k-a" as const) });', ['secrets-value v-a/k-a']],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => {
        assert.deepEqual(summarize(text), expected);
      });
    }

    it('points vaultRange and keyRange inside the wrappers, at the names', () => {
      const text = 'getSecrets("my-vault", ["API_KEY"] as const)';
      const prefix = 'const { getSecrets } = tailor.secretmanager;\n';
      const [reference] = find(prefix + text);
      assert.deepEqual(reference?.vaultRange, { start: prefix.length + 12, end: prefix.length + 20 });
      assert.deepEqual(reference?.keyRange, { start: prefix.length + 25, end: prefix.length + 32 });
    });
  });

  describe('forms from Tailor\'s SDK and docs', () => {
    it('finds secrets.value in an IdP configuration', () => {
      const text = [
        'const auth = defineAuth("my-auth", {',
        '  idProvider: idp.oidc("my-idp", {',
        '    clientId: "<client-id>",',
        '    clientSecret: secrets.value("default", "oidc-client-secret"),',
        '  }),',
        '});',
      ].join('\n');
      assert.deepEqual(summarize(text), ['secrets-value default/oidc-client-secret']);
      const [reference] = find(text);
      assert.equal(text.slice(reference!.range.start, reference!.range.end), 'secrets.value("default", "oidc-client-secret")');
    });

    it('finds defineSecret declarations, one per key, with the vault from the first argument', () => {
      const text = 'export const secrets = defineSecret("my-secrets", {\n  "api-key": { description: "External API key" },\n  webhookToken,\n});';
      assert.deepEqual(summarize(text), ['define-secret my-secrets/api-key (declaration)', 'define-secret my-secrets/webhookToken (declaration)']);
      const [first] = find(text);
      assert.equal(text.slice(first!.range.start, first!.range.end), '"api-key": { description: "External API key" }');
      assert.equal(first!.vaultRange.start, text.indexOf('my-secrets'));
    });

    it('finds getSecret destructured from the client (the bindings have their own suite)', () => {
      assert.deepEqual(summarize('const { getSecret, getSecrets } = tailor.secretmanager;\ngetSecret("v-a", "k-a");'), ['get-secret v-a/k-a']);
    });

    it('finds {{secret.vault.key}} in header strings, with ranges inside the string', () => {
      const text = [
        'export default createExecutor({',
        '  operation: {',
        '    kind: "webhook",',
        '    headers: {',
        '      "X-Shopify-Access-Token": "{{secret.shopify-vault.shopify-key}}",',
        "      Authorization: 'Basic {{ secret.basic.user }}:{{secret.basic.password}}',",
        '      "X-Other": `{{secret.tmpl-vault.tmpl-key}}`,',
        '    },',
        '  },',
        '});',
      ].join('\n');
      assert.deepEqual(summarize(text), [
        'secret-template shopify-vault/shopify-key',
        'secret-template basic/user',
        'secret-template basic/password',
        'secret-template tmpl-vault/tmpl-key',
      ]);
      const [shopify] = find(text);
      assert.deepEqual(shopify!.vaultRange, { start: text.indexOf('shopify-vault'), end: text.indexOf('shopify-vault') + 'shopify-vault'.length });
      assert.equal(text.slice(shopify!.range.start, shopify!.range.end), '{{secret.shopify-vault.shopify-key}}');
    });

    it('keeps template offsets right after escapes earlier in the string', () => {
      const text = 'const h = { A: "\\t\\u0041 {{secret.v-a.k-a}}" };';
      assert.deepEqual(summarize(text), ['secret-template v-a/k-a']);
    });

    it('finds { vaultName, secretName } as a reference with a likely typo on secretName', () => {
      const text = 'defineAuth("a", { idProvider: { oidc: { clientSecret: { vaultName: "my-vault", "secretName": "oidc-client-secret" } } } });';
      assert.deepEqual(summarize(text), ['vault-name-secret-name-object my-vault/oidc-client-secret']);
      const [reference] = find(text);
      assert.deepEqual(reference!.likelyTypo, {
        written: 'secretName',
        intended: 'secretKey',
        range: { start: text.indexOf('secretName'), end: text.indexOf('secretName') + 'secretName'.length },
      });
      assert.equal(find('const a = { vaultName: "v", secretKey: "k" };')[0]?.likelyTypo, undefined);
    });
  });

  describe('near misses are not references', () => {
    const nearMisses: Array<[string, string]> = [
      ['a dynamic vault', 'const a = { vault: vaultName, key: "k-a" };'],
      ['a dynamic key', 'tailor.secretmanager.getSecret("v-a", keyName);'],
      ['a template with a substitution', 'secrets.get(`v-${environment}`, "k-a");'],
      ['only a vault', 'const a = { vault: "v-a" };'],
      ['a third property', 'const a = { vault: "v-a", key: "k-a", value: "x" };'],
      ['a misspelt property', 'const a = { vaults: "v-a", key: "k-a" };'],
      ['mixed shapes', 'const a = { vault: "v-a", secretKey: "k-a" };'],
      ['a spread', 'const a = { vault: "v-a", ...rest };'],
      ['another receiver for getSecret', 'client.getSecret("v-a", "k-a");'],
      ['another method on secretmanager', 'tailor.secretmanager.setSecret("v-a", "k-a");'],
      ['secrets.get with keys in an array', 'secrets.get("v-a", ["k-a"]);'],
      ['getSecrets with a single key', 'tailor.secretmanager.getSecrets("v-a", "k-a");'],
      ['an unterminated key', 'secrets.get("v-a", "k-a'],
      ['another declaring function', 'defineSomething({ v: { k: 1 } });'],
      ['a plain Map.get', 'new Map().get("v-a", "k-a");'],
      ['an unrelated getSecret function', 'function getSecret(a: string, b: string) { return a + b; }\ngetSecret("v-a", "k-a");'],
      ['a getSecrets array of dynamic keys as const', 'tailor.secretmanager.getSecrets("v-a", [keyName] as const);'],
      ['secrets.value with a dynamic key', 'secrets.value("v-a", key);'],
      ['defineSecret with a dynamic vault', 'defineSecret(vaultName, { "k-a": {} });'],
      ['{{secret.v.k}} outside a string', 'const a = 1; // {{secret.v-a.k-a}}\n/* {{secret.v-b.k-b}} */'],
      ['{{secret.v.k}} in a template with substitutions', 'const h = { A: `{{secret.v-a.k-a}} ${suffix}` };'],
      ['{{secret.v.k}} as a property name', 'const h = { "{{secret.v-a.k-a}}": 1 };'],
      ['{{secret.v}} without a key', 'const h = { A: "{{secret.v-a}}" };'],
      ['{{secrets.v.k}}, another engine', 'const h = { A: "${{ secrets.v-a.k-a }}" };'],
      ['an unterminated template string', 'const h = { A: "{{secret.v-a.k-a}}'],
      ['{ vaultName, secretName } with a dynamic key', 'const s = { vaultName: "v-a", secretName: name };'],
    ];
    for (const [name, text] of nearMisses) {
      it(name, () => {
        assert.deepEqual(find(text), []);
      });
    }
  });

  it('finds exactly the references planted in the docs-forms fixture project, on their lines', () => {
    const fixture = path.join(__dirname, '../../../fixtures/tailor-projects/docs-forms');
    const planted = JSON.parse(readFileSync(path.join(fixture, 'planted.json'), 'utf8')) as {
      references: Array<{ file: string; line: number; vault: string; key: string; form: string; isDeclaration?: boolean }>;
    };
    const files = readdirSync(fixture, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    assert.ok(files.length >= 8, `fixture files: ${files.join(', ')}`);
    const found = files.flatMap((file) => {
      const text = readFileSync(path.join(fixture, file), 'utf8');
      const lineOf = offsetToPosition(text);
      return summarize(text, file).map((summary, index) => {
        const reference = find(text, file)[index]!;
        return `${file.split(path.sep).join('/')}:${lineOf(reference.keyRange.start).line + 1} ${summary}`;
      });
    });
    const expected = planted.references.map(
      (reference) => `${reference.file}:${reference.line} ${reference.form} ${reference.vault}/${reference.key}${reference.isDeclaration ? ' (declaration)' : ''}`,
    );
    assert.deepEqual(found.sort(), expected.sort());
  });

  it('finds nothing in an empty file and survives garbage', () => {
    assert.deepEqual(find(''), []);
    assert.deepEqual(find('}}} {{{ ((( "'), []);
  });
});
