/**
 * The promise cached under `key`, made by `create` when there is none. A promise that rejects is
 * dropped (unless replaced meanwhile), so the next call tries again instead of failing for good.
 */
export function cachedPromise<Key, Value>(cache: Map<Key, Promise<Value>>, key: Key, create: () => Promise<Value>): Promise<Value> {
  const cached = cache.get(key);
  if (cached) return cached;
  const created = create();
  cache.set(key, created);
  created.catch(() => {
    if (cache.get(key) === created) cache.delete(key);
  });
  return created;
}
