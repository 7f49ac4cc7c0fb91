import assert from 'node:assert/strict';
import ts from 'typescript';
import { parseSource } from '../../../../src/core/references/parse';
import { calleeName, isExpressionWrapper, outermostWrapper, unwrapExpression } from '../../../../src/core/references/syntax';

/** The initializer of `const value = …;`, the only statement of `text`. */
function initializerOf(text: string): ts.Expression {
  const statement = parseSource('a.ts', text).statements[0] as ts.VariableStatement;
  return statement.declarationList.declarations[0]!.initializer!;
}

describe('core/references/syntax', () => {
  it('unwraps as, satisfies, type assertions, ! and parentheses, nested in any order', () => {
    for (const written of ['["a"] as const', '(["a"])', '["a"]!', '<const>["a"]', '["a"] satisfies string[]', '((<readonly string[]>(["a"] as const))! satisfies X)']) {
      const initializer = initializerOf(`const value = ${written};`);
      const inner = unwrapExpression(initializer);
      assert.ok(inner && ts.isArrayLiteralExpression(inner), written);
      assert.equal(outermostWrapper(inner), initializer, `${written}: back out to the outermost wrapper`);
    }
  });

  it('leaves other expressions alone', () => {
    const call = initializerOf('const value = f(["a"]);');
    assert.equal(isExpressionWrapper(call), false);
    assert.equal(unwrapExpression(call), call);
    assert.equal(unwrapExpression(undefined), undefined);
    const argument = (call as ts.CallExpression).arguments[0]!;
    assert.equal(outermostWrapper(argument), argument);
  });

  it('names a wrapped callee', () => {
    const call = initializerOf('const value = (tailor.secretmanager as Client)!.getSecret("v", "k");') as ts.CallExpression;
    assert.equal(calleeName(call.expression), 'getSecret');
    assert.equal(calleeName((call.expression as ts.PropertyAccessExpression).expression), 'secretmanager');
  });
});
