import assert from 'node:assert/strict';
import { NAME_RULE } from '../../../../src/core/model';
import { invalidNameMessage } from '../../../../src/core/references/name-problem';

describe('core/references/name-problem', () => {
  it('passes names that follow the rule', () => {
    for (const name of ['api-keys', 'k8s', 'a-b', '0ab', 'x'.repeat(63)]) assert.equal(invalidNameMessage(name, 'secret'), undefined, name);
  });

  it('names each uppercase letter and character the rule refuses, once, and states the rule', () => {
    assert.equal(
      invalidNameMessage('API_KEY', 'secret'),
      `"API_KEY" is not a valid secret name: uppercase letters "A", "P", "I", "K", "E", "Y" and "_" are not allowed. Names must be ${NAME_RULE}.`,
    );
    assert.equal(invalidNameMessage('my_vault', 'vault'), `"my_vault" is not a valid vault name: "_" is not allowed. Names must be ${NAME_RULE}.`);
    assert.equal(invalidNameMessage('Stripe', 'secret'), `"Stripe" is not a valid secret name: uppercase letter "S" is not allowed. Names must be ${NAME_RULE}.`);
    assert.match(invalidNameMessage('a.b.c', 'secret') ?? '', /: "\." is not allowed\./);
  });

  it('states a wrong length and a "-" at either end', () => {
    assert.match(invalidNameMessage('ab', 'secret') ?? '', /: it has 2 characters\./);
    assert.match(invalidNameMessage('x'.repeat(64), 'secret') ?? '', /: it has 64 characters\./);
    assert.match(invalidNameMessage('-abc', 'secret') ?? '', /: it starts with "-"\./);
    assert.match(invalidNameMessage('abc-', 'secret') ?? '', /: it ends with "-"\./);
    assert.match(invalidNameMessage('-A-', 'secret') ?? '', /: uppercase letter "A" is not allowed; it starts and ends with "-"\./);
  });

  it('escapes control characters and shortens a long name', () => {
    const message = invalidNameMessage(`bad\nname${'x'.repeat(100)}`, 'secret') ?? '';
    assert.ok(!message.includes('\n'), 'a raw newline in the message');
    assert.match(message, /"\\n" is not allowed/);
    assert.match(message, /x…" is not a valid/);
  });
});
