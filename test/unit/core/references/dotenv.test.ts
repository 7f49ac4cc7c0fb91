import assert from 'node:assert/strict';
import { dotenvAssignment, dotenvAssigns, environmentVariableName } from '../../../../src/core/references/dotenv';

/** What the dotenv package reads back from a line: its quoting rules, for the three quotes this module writes. */
function readBack(line: string): string {
  const value = line.slice(line.indexOf('=') + 1);
  const quote = value[0]!;
  const inner = value.slice(1, -1);
  assert.equal(value.at(-1), quote, `the value is not closed: ${line}`);
  return quote === '"' ? inner.replace(/\\n/g, '\n') : inner;
}

describe('core/references/dotenv', () => {
  it('names the environment variable after the key', () => {
    assert.equal(environmentVariableName('new-key'), 'NEW_KEY');
    assert.equal(environmentVariableName('stripe-secret-key'), 'STRIPE_SECRET_KEY');
    assert.equal(environmentVariableName('k8s-token'), 'K8S_TOKEN');
    assert.equal(environmentVariableName('1password-token'), 'SECRET_1PASSWORD_TOKEN');
  });

  it('quotes a value so that it reads back unchanged', () => {
    for (const value of ['plain-value', 'has # and spaces', "it's", 'two\nlines', "it's \"both\"", '$HOME ${X}']) {
      const line = dotenvAssignment('NEW_KEY', value);
      assert.ok(line.startsWith('NEW_KEY='), line);
      assert.ok(!line.slice(0, -1).includes('\n'), `one line: ${line}`);
      assert.equal(readBack(line), value);
    }
    assert.throws(() => dotenvAssignment('NEW_KEY', "'\"`"), /every kind of quote\. Set NEW_KEY in the environment instead/);
  });

  it('finds an existing assignment', () => {
    assert.ok(dotenvAssigns('A=1\nexport NEW_KEY = 2\n', 'NEW_KEY'));
    assert.ok(!dotenvAssigns('A=1\n# NEW_KEY=2\nNEW_KEY_2=3\n', 'NEW_KEY'));
  });
});
