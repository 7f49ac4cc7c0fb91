import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';
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
    ];
    for (const [name, text] of nearMisses) {
      it(name, () => {
        assert.deepEqual(find(text), []);
      });
    }
  });

  it('finds nothing in an empty file and survives garbage', () => {
    assert.deepEqual(find(''), []);
    assert.deepEqual(find('}}} {{{ ((( "'), []);
  });
});
