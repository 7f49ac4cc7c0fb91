import assert from 'node:assert/strict';
import { cachedPromise } from '../../../src/core/promise-cache';

describe('core/promise-cache', () => {
  it('makes the value once per key and hands the same promise to every caller', async () => {
    const cache = new Map<string, Promise<number>>();
    let made = 0;
    const create = async () => ++made;
    const first = cachedPromise(cache, 'a', create);
    assert.equal(cachedPromise(cache, 'a', create), first);
    assert.equal(await first, 1);
    assert.equal(await cachedPromise(cache, 'b', create), 2);
    assert.equal(made, 2);
  });

  it('drops a rejected promise so the next call tries again', async () => {
    const cache = new Map<string, Promise<string>>();
    await assert.rejects(cachedPromise(cache, 'key', () => Promise.reject(new Error('store locked'))), /store locked/);
    assert.equal(cache.has('key'), false);
    assert.equal(await cachedPromise(cache, 'key', async () => 'opened'), 'opened');
  });

  it('keeps a promise that replaced the failed one meanwhile', async () => {
    const cache = new Map<string, Promise<string>>();
    let fail!: (error: Error) => void;
    const failing = cachedPromise(cache, 'key', () => new Promise<string>((_resolve, reject) => (fail = reject)));
    const replacement = Promise.resolve('fresh');
    cache.set('key', replacement);
    fail(new Error('late failure'));
    await assert.rejects(failing, /late failure/);
    assert.equal(cache.get('key'), replacement);
  });
});
