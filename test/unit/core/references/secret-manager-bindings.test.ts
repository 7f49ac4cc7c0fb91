import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';

const parser = loadParser();

/** Each reference the finder reports, as "form vault/key". */
function summarize(text: string, fileName = 'job.ts'): string[] {
  return parser.findReferences(parser.parseSource(fileName, text)).map((reference) => `${reference.form} ${reference.vault}/${reference.key}`);
}

describe('core/references/secret-manager-bindings', () => {
  describe('names bound to the client or its methods', () => {
    const cases: Array<[string, string, string[]]> = [
      [
        'destructured from tailor.secretmanager',
        'const { getSecret, getSecrets } = tailor.secretmanager;\nexport const a = getSecret("v-a", "k-a");\nexport const b = getSecrets("v-a", ["k-b"]);',
        ['get-secret v-a/k-a', 'get-secrets v-a/k-b'],
      ],
      ['destructured and renamed', 'const { getSecret: fetchSecret } = globalThis.tailor.secretmanager;\nfetchSecret("v-a", "k-a");', ['get-secret v-a/k-a']],
      ['destructured inside a function', 'async function run() {\n  const { getSecret } = tailor.secretmanager;\n  return getSecret("v-a", "k-a");\n}', ['get-secret v-a/k-a']],
      ['nested destructuring', 'const { secretmanager: { getSecret } } = tailor;\ngetSecret("v-a", "k-a");', ['get-secret v-a/k-a']],
      [
        'destructured from the imported client',
        'import { secretmanager } from "@tailor-platform/sdk/runtime";\nconst { getSecrets } = secretmanager;\ngetSecrets("v-a", ["k-a"]);',
        ['get-secrets v-a/k-a'],
      ],
      ['the client under another name', 'const sm = tailor.secretmanager;\nsm.getSecret("v-a", "k-a");', ['get-secret v-a/k-a']],
      ['a method kept in a variable', 'const read = tailor.secretmanager.getSecret;\nread("v-a", "k-a");', ['get-secret v-a/k-a']],
      ['the imported client', 'import { secretmanager } from "@tailor-platform/sdk/runtime";\nsecretmanager.getSecret("v-a", "k-a");', ['get-secret v-a/k-a']],
      ['an aliased import', 'import { secretmanager as sm } from "@tailor-platform/sdk/runtime";\nexport const a = await sm.getSecret("v-a", "k-a");', ['get-secret v-a/k-a']],
      ['a namespace import of the module', 'import * as vault from "@tailor-platform/sdk/runtime/secretmanager";\nvault.getSecrets("v-a", ["k-a"]);', ['get-secrets v-a/k-a']],
      ['methods imported from the module', 'import { getSecret as read } from "@tailor-platform/sdk/runtime/secretmanager";\nread("v-a", "k-a");', ['get-secret v-a/k-a']],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => {
        assert.deepEqual(summarize(text), expected);
      });
    }

    it('works in JavaScript', () => {
      assert.deepEqual(summarize('const { getSecret } = tailor.secretmanager;\nmodule.exports = () => getSecret("v-a", "k-a");', 'job.js'), ['get-secret v-a/k-a']);
    });

    it('follows scopes: a local getSecret of its own shadows the destructured one', () => {
      const text = [
        'const { getSecret } = tailor.secretmanager;',
        'getSecret("v-a", "outer");',
        'function other() {',
        '  const getSecret = (a: string, b: string) => a + b;',
        '  return getSecret("v-a", "shadowed");',
        '}',
        'function parameter(getSecret: (a: string, b: string) => string) { return getSecret("v-a", "parameter"); }',
        'for (const getSecret of handlers) getSecret("v-a", "loop");',
        'try { run(); } catch (getSecret) { getSecret("v-a", "caught"); }',
      ].join('\n');
      assert.deepEqual(summarize(text), ['get-secret v-a/outer']);
    });
  });

  describe('names that are not bound to the client', () => {
    const cases: Array<[string, string]> = [
      ['a function declared in the file', 'function getSecret(a: string, b: string) { return a + b; }\ngetSecret("v-a", "k-a"); // secretmanager'],
      ['an import from elsewhere', 'import { getSecret } from "./vault";\nconst { getSecrets } = tailor.secretmanager;\ngetSecret("v-a", "k-a");'],
      ['a global never declared', 'getSecret("v-a", "k-a"); tailor.secretmanager;'],
      ['destructured from another object', 'const { getSecret } = client;\ngetSecret("v-a", "k-a"); // secretmanager'],
      ['another package, aliased', 'import { secretmanager as sm } from "other-sdk";\nsm.getSecret("v-a", "k-a");'],
      ['a cycle of names', 'const a = b; const b = a; a.getSecret("v-a", "k-a"); // secretmanager'],
      ['a destructured name in a file that never names secretmanager', 'const { getSecret } = tailor.vault;\ngetSecret("v-a", "k-a");'],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        assert.deepEqual(summarize(text), []);
      });
    }
  });
});
