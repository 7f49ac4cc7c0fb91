import assert from 'node:assert/strict';
import * as z from 'zod';
import { lazySchema } from '../../../src/core/lazy-schema';

describe('core/lazy-schema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return z.object({ name: z.string().min(3) });
    });
    assert.equal(builds, 0);
    assert.deepEqual(schema.parse({ name: 'abc' }), { name: 'abc' });
    assert.equal(schema.safeParse({ name: 'a' }).success, false);
    assert.equal(builds, 1);
  });

  it('composes into other schemas, with the same errors and paths', () => {
    const inner = lazySchema(() => z.string().regex(/^[a-z]+$/, { error: 'lowercase only' }));
    const outer = z.object({ vault: inner, key: inner.optional() });
    assert.deepEqual(outer.parse({ vault: 'api' }), { vault: 'api' });
    const failure = outer.safeParse({ vault: 'API', key: 'Key' });
    assert.equal(failure.success, false);
    assert.deepEqual(
      failure.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [
        ['vault', 'lowercase only'],
        ['key', 'lowercase only'],
      ],
    );
  });

  it('is a zod schema to instanceof and to zod itself', () => {
    const schema = lazySchema(() => z.enum(['a', 'b']));
    assert.ok(schema instanceof z.ZodType);
    assert.ok(schema instanceof z.ZodEnum);
    assert.deepEqual(schema.options, ['a', 'b']);
    assert.equal(z.array(schema).safeParse(['a', 'c']).success, false);
  });
});
