import assert from 'node:assert/strict';
import path from 'node:path';
import { parseJsonWithComments } from '../../../../src/core/rotation/json-with-comments';
import { codeUsage, describeUsages, launchInputUsages, usageSummary } from '../../../../src/core/rotation/secret-usages';

describe('core/rotation/secret-usages', () => {
  const root = path.join(path.sep, 'work', 'app');
  const at = (...segments: string[]) => path.join(root, ...segments);
  const reference = { vault: 'api-keys', key: 'stripe-key' };

  it('tells executors, resolvers, declarations and other code apart', () => {
    assert.deepEqual(codeUsage(at('executors', 'charge-on-order.ts'), root, { isExecutorFile: true, isDeclaration: false }), { kind: 'executor', name: 'charge-on-order', file: at('executors', 'charge-on-order.ts') });
    assert.equal(codeUsage(at('src', 'resolvers', 'refund.ts'), root, { isExecutorFile: false, isDeclaration: false }).kind, 'resolver');
    assert.equal(codeUsage(at('resolvers.ts'), root, { isExecutorFile: false, isDeclaration: false }).kind, 'code', 'only a folder named resolvers counts');
    assert.deepEqual(codeUsage(at('src', 'lib', 'pay.ts'), root, { isExecutorFile: false, isDeclaration: false }), { kind: 'code', name: 'src/lib/pay.ts', file: at('src', 'lib', 'pay.ts') });
    assert.equal(codeUsage(at('executors', 'x.ts'), root, { isExecutorFile: true, isDeclaration: true }).kind, 'declaration');
  });

  it('finds the launch inputs that resolve the secret, in JSON with comments', () => {
    const text = `{
      // a comment with "quotes" and a , before }
      "inputs": [
        { "id": "stripeKey", "type": "command", "command": "secretManager.resolve", "args": { "vault": "api-keys", "key": "stripe-key" } },
        { "id": "asText", "type": "command", "command": "secretManager.resolve", "args": "api-keys/stripe-key", },
        /* another */ { "id": "other", "type": "command", "command": "secretManager.resolve", "args": "api-keys/github-token" },
        { "id": "url // not a comment", "type": "promptString" },
      ],
    }`;
    assert.deepEqual(launchInputUsages('/l.json', text, reference).map((usage) => usage.name), ['stripeKey', 'asText']);
    assert.deepEqual(launchInputUsages('/l.json', '{ not json', reference), []);
    assert.deepEqual(parseJsonWithComments('{"a": "x // y", /* z */ "b": [1,],}'), { a: 'x // y', b: [1] });
  });

  it('says it the way the rotation confirmation shows it', () => {
    const usages = [
      codeUsage(at('executors', 'send-receipt.ts'), root, { isExecutorFile: true, isDeclaration: false }),
      codeUsage(at('executors', 'charge-on-order.ts'), root, { isExecutorFile: true, isDeclaration: false }),
      codeUsage(at('executors', 'charge-on-order.ts'), root, { isExecutorFile: true, isDeclaration: false }),
      codeUsage(at('executors', 'refund-order.ts'), root, { isExecutorFile: true, isDeclaration: false }),
      ...launchInputUsages('/l.json', '{"inputs":[{"id":"stripeKey","command":"secretManager.resolve","args":"api-keys/stripe-key"}]}', reference),
    ];
    assert.deepEqual(describeUsages(usages), ['3 executors: charge-on-order, refund-order, send-receipt', '1 launch input: stripeKey']);
    assert.equal(usageSummary(usages), 'Used by 3 executors: charge-on-order, refund-order, send-receipt; 1 launch input: stripeKey.');
    assert.equal(usageSummary([]), 'No reference to it in the workspace.');
    const many = Array.from({ length: 7 }, (_, index) => codeUsage(at('executors', `e${index}.ts`), root, { isExecutorFile: true, isDeclaration: false }));
    assert.deepEqual(describeUsages(many), ['7 executors: e0, e1, e2, e3, e4 and 2 more']);
  });
});
