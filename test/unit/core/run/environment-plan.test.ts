import assert from 'node:assert/strict';
import { planEnvironment } from '../../../../src/core/run/environment-plan';

describe('core/run/environment-plan', () => {
  it('splits env files into plain values and references, with where each was written', () => {
    const plan = planEnvironment([{ name: '.env', text: 'PORT=80\nKEY=secret-manager://api-keys/stripe-key\n' }], []);
    assert.deepEqual([...plan.plain], [['PORT', '80']]);
    assert.deepEqual(plan.referenced, [{ name: 'KEY', reference: { vault: 'api-keys', key: 'stripe-key' }, source: '.env:2' }]);
    assert.deepEqual(plan.problems, []);
  });

  it('lets a later file and then --env replace an earlier variable of the same name', () => {
    const plan = planEnvironment(
      [
        { name: 'a.env', text: 'KEY=secret-manager://api-keys/one-key\nPORT=1\nMODE=x' },
        { name: 'b.env', text: 'KEY=plain\nPORT=secret-manager://api-keys/port-key' },
      ],
      ['MODE=api-keys/mode-key'],
    );
    assert.deepEqual([...plan.plain], [['KEY', 'plain']]);
    assert.deepEqual(plan.referenced.map((variable) => [variable.name, variable.reference.key, variable.source]), [
      ['PORT', 'port-key', 'b.env:2'],
      ['MODE', 'mode-key', '--env'],
    ]);
  });

  it('accepts --env with or without the scheme', () => {
    const plan = planEnvironment([], ['A=api-keys/one-key', 'B=secret-manager://api-keys/two-key']);
    assert.deepEqual(plan.referenced.map((variable) => variable.reference.key), ['one-key', 'two-key']);
  });

  it('reports every malformed reference and --env option', () => {
    const plan = planEnvironment([{ name: '.env', text: 'A=secret-manager://api-keys\nB=secret-manager://x/y' }], ['nothing', '1BAD=api-keys/k-k', 'C=bad name/key']);
    assert.equal(plan.problems.length, 5);
    assert.match(plan.problems[0]!, /^\.env:1: A: .* names no secret/);
    assert.match(plan.problems[1]!, /^\.env:2: B: "x" is not a valid vault name/);
    assert.match(plan.problems[2]!, /^--env nothing: write --env NAME=vault\/key/);
    assert.match(plan.problems[3]!, /^--env 1BAD=/);
    assert.match(plan.problems[4]!, /^--env C: "bad name" is not a valid vault name/);
    assert.deepEqual(plan.referenced, []);
  });
});
