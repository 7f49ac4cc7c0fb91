import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';
import type { CompletionContext } from '../../../../src/core/references/types';
import { withCursor } from './cursor';

const parser = loadParser();

function contextAt(marked: string, fileName = 'file.ts'): { context: CompletionContext | undefined; text: string } {
  const { text, offset } = withCursor(marked);
  return { context: parser.completionContextAt(parser.parseSource(fileName, text), offset), text };
}

/** The context in a compact form: kind, vault, quote and the text its replace range covers. */
function summarizeContext(marked: string, fileName?: string): string | undefined {
  const { context, text } = contextAt(marked, fileName);
  if (!context) return undefined;
  const replaced = text.slice(context.replaceRange.start, context.replaceRange.end);
  const vault = context.kind === 'key' ? ` vault=${context.vault ?? '?'}` : '';
  const header = context.kind === 'header-value' ? ` header=${context.headerName}${context.suffix ? ` suffix=${context.suffix}` : ''}` : '';
  return `${context.kind}${vault}${header} quote=${context.quote ?? 'none'} replace=[${replaced}] typed=[${context.typed}]`;
}

describe('core/references/completion-context', () => {
  const cases: Array<[string, string, string | undefined]> = [
    // { vault, key }
    ['vault in an object', 'const a = { vault: "ap|i-keys", key: "k" };', 'vault quote=" replace=[api-keys] typed=[ap]'],
    ['key in an object', 'const a = { vault: "api-keys", key: \'st|\' };', "key vault=api-keys quote=' replace=[st] typed=[st]"],
    ['key before the vault', 'const a = { key: "|", vault: "api-keys" };', 'key vault=api-keys quote=" replace=[] typed=[]'],
    ['key with a dynamic vault', 'const a = { vault: name, key: "|" };', 'key vault=? quote=" replace=[] typed=[]'],
    ['half-typed vault, no closing quote', 'const a = { vault: "ap|', 'vault quote=" replace=[ap] typed=[ap]'],
    ['half-typed vault, more lines after', 'const a = { vault: "ap|\n  key: "k" };\nconst b = 1;', 'vault quote=" replace=[ap] typed=[ap]'],
    [
      'half-typed key with code after it on the line',
      'createExecutor({\n  operation: { headers: { Authorization: { vault: "api-keys", key: "st| } } },\n});',
      'key vault=api-keys quote=" replace=[st] typed=[st]',
    ],
    ['half-typed key at the end of the file', 'const a = { vault: "api-keys", key: "|', 'key vault=api-keys quote=" replace=[] typed=[]'],
    ['a vault with no quote yet', 'const a = { vault: | };', 'vault quote=none replace=[] typed=[]'],
    ['a vault being typed without quotes', 'const a = { vault: ap| };', 'vault quote=none replace=[ap] typed=[ap]'],
    ['a key with no quote yet', 'const a = { vault: "api-keys", key: | }', 'key vault=api-keys quote=none replace=[] typed=[]'],
    // { vaultName, secretKey }
    ['vaultName', 'defineAuth("a", { clientSecret: { vaultName: "|" } });', 'vault quote=" replace=[] typed=[]'],
    ['secretKey', 'defineAuth("a", { clientSecret: { vaultName: "idp", secretKey: "cl|" } });', 'key vault=idp quote=" replace=[cl] typed=[cl]'],
    // getSecret / getSecrets
    ['getSecret vault', 'tailor.secretmanager.getSecret("|", "k");', 'vault quote=" replace=[] typed=[]'],
    ['getSecret key at the end of the file', 'tailor.secretmanager.getSecret("api-keys", "|', 'key vault=api-keys quote=" replace=[] typed=[]'],
    ['getSecret right after the parenthesis', 'tailor.secretmanager.getSecret(|', 'vault quote=none replace=[] typed=[]'],
    ['getSecret after the comma at the end of the file', 'tailor.secretmanager.getSecret("api-keys", |', 'key vault=api-keys quote=none replace=[] typed=[]'],
    ['getSecrets key in the array', 'tailor.secretmanager.getSecrets("api-keys", ["a", "|"]);', 'key vault=api-keys quote=" replace=[] typed=[]'],
    ['getSecrets half-typed array', 'tailor.secretmanager.getSecrets("api-keys", ["st|', 'key vault=api-keys quote=" replace=[st] typed=[st]'],
    // secrets.get / getAll
    ['secrets.get vault', "secrets.get('a|pi', 'k');", "vault quote=' replace=[api] typed=[a]"],
    ['secrets.get key', 'secrets.get(`api-keys`, `|`);', 'key vault=api-keys quote=` replace=[] typed=[]'],
    ['secrets.getAll key', 'secrets.getAll("api-keys", [|]);', 'key vault=api-keys quote=none replace=[] typed=[]'],
    // header value
    ['an empty header value', 'createExecutor({ operation: { kind: "webhook", headers: { Authorization: | } } });', 'header-value header=Authorization quote=none replace=[] typed=[]'],
    ['a string header value', 'createExecutor({ operation: { headers: { "X-Api-Key": "ab|" } } });', 'header-value header=X-Api-Key quote=none replace=["ab"] typed=[ab]'],
    ['an opened object as header value', 'createExecutor({ operation: { headers: { Authorization: {|} } } });', 'header-value header=Authorization quote=none replace=[{}] typed=[]'],
    ['a vault inside a header value', 'createExecutor({ operation: { headers: { Authorization: { vault: "|" } } } });', 'vault quote=" replace=[] typed=[]'],
    // through wrappers
    ['getSecrets key in an array as const', 'tailor.secretmanager.getSecrets("api-keys", ["a", "|"] as const);', 'key vault=api-keys quote=" replace=[] typed=[]'],
    ['getSecrets empty array as const', 'tailor.secretmanager.getSecrets("api-keys", [|] as const);', 'key vault=api-keys quote=none replace=[] typed=[]'],
    ['secrets.get key after a wrapped vault', 'secrets.get(("api-keys" as const), "k|");', 'key vault=api-keys quote=" replace=[k] typed=[k]'],
    ['a wrapped vault being typed', 'secrets.get("ap|" as const, "k");', 'vault quote=" replace=[ap] typed=[ap]'],
    ['a header value in headers as const', 'createExecutor({ operation: { headers: { Authorization: | } as const } });', 'header-value header=Authorization quote=none replace=[] typed=[]'],
    // new forms
    ['secrets.value key', 'idp.oidc("i", { clientSecret: secrets.value("default", "|") });', 'key vault=default quote=" replace=[] typed=[]'],
    ['a destructured getSecret', 'const { getSecret } = tailor.secretmanager;\ngetSecret("api-keys", "|");', 'key vault=api-keys quote=" replace=[] typed=[]'],
    ['a renamed destructured getSecret, half typed at the end of the file', 'const { getSecret: read } = tailor.secretmanager;\nread("api-keys", "st|', 'key vault=api-keys quote=" replace=[st] typed=[st]'],
    ['an aliased runtime import', 'import { secretmanager as sm } from "@tailor-platform/sdk/runtime";\nsm.getSecrets("api-keys", [|', 'key vault=api-keys quote=none replace=[] typed=[]'],
    ['a getSecret of your own', 'function getSecret(a: string, b: string) { return a + b; }\ngetSecret("api-keys", "|"); // secretmanager', undefined],
    ['secretName, the tutorials\' typo', 'const s = { vaultName: "idp", secretName: "|" };', 'key vault=idp quote=" replace=[] typed=[]'],
    // {{secret.vault.key}} in a string
    ['template vault right after secret.', 'createExecutor({ operation: { headers: { "X-Token": "{{secret.|" } } });', 'vault quote=" replace=[] typed=[]'],
    ['template vault half typed inside a complete template', 'const h = { A: "{{secret.sho|pify-vault.shopify-key}}" };', 'vault quote=" replace=[shopify-vault] typed=[sho]'],
    ['template key after the vault\'s dot', 'createExecutor({ operation: { headers: { "X-Token": "{{secret.shopify-vault.|" } } });', 'key vault=shopify-vault quote=" replace=[] typed=[]'],
    ['template key half typed', "const h = { A: 'Basic {{ secret.basic.us|er }}' };", "key vault=basic quote=' replace=[user] typed=[us]"],
    ['template in a template literal', 'const h = `{{secret.v-a.|}}`;', 'key vault=v-a quote=` replace=[] typed=[]'],
    ['after a closed template', 'const h = "{{secret.v-a.k-a}} |";', undefined],
    ['{{secrets. is another engine', 'const h = "{{secrets.|";', undefined],
    ['{{secret. in a comment', '// {{secret.|\nconst a = 1;', undefined],
    // none
    ['a fetch header in a function body', 'async function f() { await fetch(u, { headers: { Authorization: | } }); }', undefined],
    ['another property', 'const a = { name: "|" };', undefined],
    ['another call', 'console.log("|");', undefined],
    ['the third getSecret argument', 'tailor.secretmanager.getSecret("a", "b", "|");', undefined],
    ['after the closing quote', 'const a = { vault: "api-keys"| };', undefined],
    ['before the opening quote', 'const a = { vault: |"api-keys" };', undefined],
    ['the method name', 'tailor.secretmanager.getSec|ret("a", "b");', undefined],
    ['after the closing parenthesis', 'tailor.secretmanager.getSecret("a", "b") |', undefined],
    ['a property name', 'const a = { vau|lt: "x" };', undefined],
  ];
  for (const [name, marked, expected] of cases) {
    it(name, () => {
      assert.equal(summarizeContext(marked), expected);
    });
  }

  describe('a header value typed anywhere in the headers object', () => {
    const executor = (lines: string[]): string =>
      ['export default createExecutor({', '  name: "e",', '  operation: {', '    kind: "webhook",', '    headers: {', ...lines.map((line) => `      ${line}`), '    },', '  },', '});'].join('\n');
    const headerCases: Array<[string, string[], string | undefined]> = [
      ['at the start, above a { vault, key } header', ['"X-Other": |', 'Authorization: { vault: "api-keys", key: "k" },'], 'header-value header=X-Other suffix=, quote=none replace=[] typed=[]'],
      ['at the start, above a quoted header name', ['"X-Other": |', '"Authorization": { vault: "api-keys", key: "k" },'], 'header-value header=X-Other suffix=, quote=none replace=[] typed=[]'],
      ['in the middle', ['"X-First": "one",', '"X-Other": |', '"Authorization": "two",'], 'header-value header=X-Other suffix=, quote=none replace=[] typed=[]'],
      ['in the middle, above a last header without a trailing comma', ['"X-First": "one",', '"X-Other": |', '"Authorization": "two"'], 'header-value header=X-Other suffix=, quote=none replace=[] typed=[]'],
      ['in the middle, above a comment', ['"X-Other": |', '// the token', '"Authorization": "two",'], 'header-value header=X-Other suffix=, quote=none replace=[] typed=[]'],
      ['in the middle, a value being typed', ['"X-Other": Bea|', '"Authorization": "two",'], 'header-value header=X-Other suffix=, quote=none replace=[Bea] typed=[Bea]'],
      ['in the middle, inside auto-closed quotes', ['"X-Other": "|"', '"Authorization": "two",'], 'header-value header=X-Other suffix=, quote=none replace=[""] typed=[]'],
      ['in the middle, inside auto-closed braces', ['"X-Other": {|}', '"Authorization": "two",'], 'header-value header=X-Other suffix=, quote=none replace=[{}] typed=[]'],
      ['at the end, after a trailing comma', ['"Authorization": "two",', '"X-Other": |'], 'header-value header=X-Other quote=none replace=[] typed=[]'],
      ['at the end, with its own trailing comma typed', ['"Authorization": "two",', '"X-Other": |,'], 'header-value header=X-Other quote=none replace=[] typed=[]'],
      ['in the middle, with its own comma typed', ['"X-Other": |,', '"Authorization": "two",'], 'header-value header=X-Other quote=none replace=[] typed=[]'],
      ['a vault typed above the key of its object', ['Authorization: {', '  vault: |', '  key: "k",', '},'], 'vault quote=none replace=[] typed=[]'],
      ['before a value on the same line', ['"X-Other": |"one",', '"Authorization": "two",'], undefined],
    ];
    for (const [name, lines, expected] of headerCases) {
      it(name, () => {
        assert.equal(summarizeContext(executor(lines)), expected);
      });
    }

    it('is not offered in a fetch call\'s headers inside a function body', () => {
      const marked = ['async function send() {', '  await fetch(url, { headers: {', '    "X-Other": |', '    Authorization: token,', '  } });', '}'].join('\n');
      assert.equal(summarizeContext(marked), undefined);
    });
  });

  it('has a one-shot form that parses the text itself', () => {
    const { text, offset } = withCursor('secrets.get("api-keys", "|");');
    assert.deepEqual(parser.completionContextInText('a.ts', text, offset), parser.completionContextAt(parser.parseSource('a.ts', text), offset));
    assert.equal(parser.completionContextInText('a.ts', text, offset)?.kind, 'key');
  });

  it('works in TSX and JavaScript files', () => {
    assert.equal(summarizeContext('const x = <A v={secrets.get("|")} />;', 'a.tsx'), 'vault quote=" replace=[] typed=[]');
    assert.equal(summarizeContext('module.exports = { vault: "v", key: "|" };', 'a.cjs'), 'key vault=v quote=" replace=[] typed=[]');
  });
});
