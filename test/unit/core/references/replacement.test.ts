import assert from 'node:assert/strict';
import ts from 'typescript';
import { loadParser } from '../../../../src/core/references/load-parser';
import { replacementEdits } from '../../../../src/core/references/replacement-text';
import type { ReplacementPlan, TextEdit } from '../../../../src/core/references/types';

const parser = loadParser();
const LITERAL = 'sk_test_fake_literal_value';

/** Plans the replacement of the one occurrence of LITERAL (quoted) in `text`. */
function plan(text: string, fileName = 'file.ts'): ReplacementPlan | undefined {
  const start = text.indexOf(LITERAL) - 1;
  assert.ok(start >= 0, 'the text must hold the literal');
  return parser.planReplacement(parser.parseSource(fileName, text), { start, end: start + LITERAL.length + 2 });
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

function replaced(text: string): string {
  const found = plan(text);
  assert.ok(found);
  const edits = replacementEdits(found, 'api-keys', 'new-key');
  assert.ok(edits, `no replacement for the ${found.context} context`);
  return applyEdits(text, edits);
}

describe('core/references/replacement', () => {
  it('uses { vault, key } in executor webhook headers, and names the header and executor', () => {
    const text = `export default createExecutor({ name: "stripe-webhook", operation: { kind: "webhook", headers: { Authorization: "${LITERAL}" } } });`;
    const found = plan(text);
    assert.equal(found?.context, 'executor-header');
    assert.equal(found?.ownerName, 'Authorization');
    assert.equal(found?.executorName, 'stripe-webhook');
    assert.equal(found?.needsAsync, false);
    const result = replaced(text);
    assert.ok(result.includes('headers: { Authorization: { vault: "api-keys", key: "new-key" } }'), result);
    assert.deepEqual(
      parser.findReferences(parser.parseSource('a.ts', result)).map((reference) => reference.form),
      ['vault-key-object'],
    );
  });

  it('uses { vaultName, secretKey } for clientSecret and bearerSecret in defineAuth', () => {
    for (const property of ['clientSecret', 'bearerSecret']) {
      const text = `export const auth = defineAuth("main", { idProvider: { ${property}: '${LITERAL}' } });`;
      assert.equal(plan(text)?.context, 'auth-secret');
      assert.ok(replaced(text).includes(`${property}: { vaultName: "api-keys", secretKey: "new-key" }`));
    }
  });

  it('a clientSecret outside defineAuth is not an auth secret', () => {
    assert.equal(plan(`const options = { clientSecret: "${LITERAL}" };`)?.context, 'other');
  });

  it('uses await getSecret inside an async function body', () => {
    const text = `export async function run() { const stripeApiKey = "${LITERAL}"; return stripeApiKey; }`;
    const found = plan(text);
    assert.equal(found?.context, 'function-body');
    assert.equal(found?.ownerName, 'stripeApiKey');
    assert.equal(found?.needsAsync, false);
    assert.equal(found?.asyncEdit, undefined);
    assert.equal(
      replaced(text),
      'export async function run() { const stripeApiKey = await tailor.secretmanager.getSecret("api-keys", "new-key"); return stripeApiKey; }',
    );
  });

  const nonAsync: Array<[string, string, string]> = [
    ['a function declaration', `export function run() { call("${LITERAL}"); }`, 'export async function run() {'],
    ['a function expression', `const run = function () { call("${LITERAL}"); };`, 'const run = async function () {'],
    ['an arrow function with a body', `const run = (x) => { call("${LITERAL}"); };`, 'const run = async (x) => {'],
    ['an arrow function with an expression body', `const run = x => call("${LITERAL}");`, 'const run = async x => call('],
    ['a method', `class A { static run() { call("${LITERAL}"); } }`, 'class A { static async run() {'],
    ['an object method', `const a = { run() { call("${LITERAL}"); } };`, 'const a = { async run() {'],
  ];
  for (const [name, text, expectedStart] of nonAsync) {
    it(`adds async to ${name} that lacks it`, () => {
      const found = plan(text);
      assert.equal(found?.context, 'function-body');
      assert.equal(found?.needsAsync, true);
      const result = replaced(text);
      assert.ok(result.startsWith(expectedStart), result);
      assert.ok(result.includes('await tailor.secretmanager.getSecret("api-keys", "new-key")'));
      const { diagnostics } = ts.transpileModule(result, { reportDiagnostics: true, fileName: 'a.ts' });
      assert.deepEqual(diagnostics?.map((diagnostic) => diagnostic.messageText), [], 'the result must still compile');
    });
  }

  it('flags a getter, which cannot be async, without an edit to add async', () => {
    const found = plan(`class A { get key() { return "${LITERAL}"; } }`);
    assert.equal(found?.context, 'function-body');
    assert.equal(found?.needsAsync, true);
    assert.equal(found?.asyncEdit, undefined);
  });

  it('treats a fetch header inside a function body as function-body, not an executor header', () => {
    const text = `async function f() { await fetch(url, { headers: { Authorization: "${LITERAL}" } }); }`;
    assert.equal(plan(text)?.context, 'function-body');
  });

  it('gives no replacement for a top-level literal outside any known place', () => {
    const text = `const stripeApiKey = "${LITERAL}";`;
    const found = plan(text);
    assert.equal(found?.context, 'other');
    assert.equal(found?.ownerName, 'stripeApiKey');
    assert.equal(replacementEdits(found!, 'api-keys', 'new-key'), undefined);
  });

  it('has a one-shot form that parses the text itself', () => {
    const text = `function f() { return "${LITERAL}"; }`;
    const start = text.indexOf(LITERAL) - 1;
    const range = { start, end: start + LITERAL.length + 2 };
    assert.deepEqual(parser.planReplacementInText('a.ts', text, range), plan(text));
    assert.equal(parser.planReplacementInText('a.ts', text, range)?.context, 'function-body');
  });

  it('accepts the range of the contents as well as of the quoted literal, and refuses other ranges', () => {
    const text = `const a = "${LITERAL}";`;
    const start = text.indexOf(LITERAL);
    const sourceFile = parser.parseSource('a.ts', text);
    assert.equal(parser.planReplacement(sourceFile, { start, end: start + LITERAL.length })?.literalRange.start, start - 1);
    assert.equal(parser.planReplacement(sourceFile, { start: 0, end: 5 }), undefined);
    assert.equal(parser.planReplacement(sourceFile, { start: start + 1, end: start + 4 }), undefined);
  });
});
