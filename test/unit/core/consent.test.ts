import assert from 'node:assert/strict';
import { CONSENT_MEMENTO_KEY, ConsentBook, ConsentGate, type ConsentAnswer, type ConsentRequest, type KeyValueMemento } from '../../../src/core/consent';
import { isSecretManagerError } from '../../../src/core/model';

class MemoryMemento implements KeyValueMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown) {
    this.values.set(key, structuredClone(value));
  }
}

const request: ConsentRequest = { requester: 'extension:acme.deployer', requesterLabel: 'extension acme.deployer', storeId: 'local', vault: 'api-keys' };

function gateAnswering(answers: Array<ConsentAnswer | undefined>) {
  const memento = new MemoryMemento();
  const book = new ConsentBook(memento);
  const asked: ConsentRequest[] = [];
  const gate = new ConsentGate(book, async (question) => {
    asked.push(question);
    return answers.shift();
  });
  return { memento, book, gate, asked };
}

describe('core/consent', () => {
  it('asks once and remembers "allow" per requester and vault', async () => {
    const { gate, asked, book } = gateAnswering(['allow']);
    await gate.check(request);
    await gate.check(request);
    assert.equal(asked.length, 1);
    assert.equal(book.find(request)?.decision, 'allow');
  });

  it('asks again for another vault or another extension', async () => {
    const { gate, asked } = gateAnswering(['allow', 'allow', 'allow']);
    await gate.check(request);
    await gate.check({ ...request, vault: 'other-vault' });
    await gate.check({ ...request, requester: 'extension:evil.one' });
    assert.equal(asked.length, 3);
  });

  it('does not remember "allow once"', async () => {
    const { gate, asked, book } = gateAnswering(['allow-once', 'allow-once']);
    await gate.check(request);
    await gate.check(request);
    assert.equal(asked.length, 2);
    assert.equal(book.find(request), undefined);
  });

  it('remembers "deny" and refuses without asking again', async () => {
    const { gate, asked } = gateAnswering(['deny']);
    await assert.rejects(gate.check(request), (error) => isSecretManagerError(error, 'denied') && /Revoke Consent/.test(error.message));
    await assert.rejects(gate.check(request), /Access denied: extension acme\.deployer may not read secrets from vault "api-keys"/);
    assert.equal(asked.length, 1);
  });

  it('refuses a dismissed question without remembering it', async () => {
    const { gate, asked, book } = gateAnswering([undefined, 'allow']);
    await assert.rejects(gate.check(request), (error) => isSecretManagerError(error, 'denied'));
    assert.equal(book.find(request), undefined);
    await gate.check(request);
    assert.equal(asked.length, 2);
  });

  it('asks again after a decision is forgotten (revoked)', async () => {
    const { gate, asked, book } = gateAnswering(['allow', 'deny']);
    await gate.check(request);
    await book.forget(request);
    await assert.rejects(gate.check(request), (error) => isSecretManagerError(error, 'denied'));
    assert.equal(asked.length, 2);
  });

  it('shares one question between concurrent checks', async () => {
    const { gate, asked } = gateAnswering(['allow']);
    await Promise.all([gate.check(request), gate.check(request), gate.check(request)]);
    assert.equal(asked.length, 1);
  });

  it('ignores malformed stored decisions instead of trusting them', () => {
    const memento = new MemoryMemento();
    memento.values.set(CONSENT_MEMENTO_KEY, [{ requester: 'extension:acme.deployer', decision: 'allow' }]);
    assert.deepEqual(new ConsentBook(memento).decisions(), []);
  });
});
