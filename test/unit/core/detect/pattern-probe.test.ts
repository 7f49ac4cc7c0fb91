import assert from 'node:assert/strict';
import type { CustomPattern } from '../../../../src/core/detect/custom-patterns';
import { PROBE_TIME_LIMIT_MILLISECONDS, vetCustomPatterns } from '../../../../src/core/detect/pattern-probe';

describe('core/detect/pattern-probe', () => {
  const pattern = (id: string, source: string, flags?: string): CustomPattern => ({ id, title: id, pattern: source, severity: 'error', ...(flags ? { flags } : {}) });

  it('accepts linear patterns', async () => {
    const { accepted, refused } = await vetCustomPatterns([pattern('acme-token', 'acme_[A-Za-z0-9]{32}'), pattern('key-value', 'key=(?<secret>[a-f0-9]{40})', 'i')]);
    assert.deepEqual(refused, []);
    assert.deepEqual(
      accepted.map((entry) => entry.id),
      ['acme-token', 'key-value'],
    );
  });

  it('refuses a pattern that does not compile, or matches empty text, saying why', async () => {
    const { accepted, refused } = await vetCustomPatterns([pattern('broken', '(unclosed'), pattern('empty', 'acme|'), pattern('fine', 'acme_\\w+')]);
    assert.deepEqual(
      accepted.map((entry) => entry.id),
      ['fine'],
    );
    assert.equal(refused[0].id, 'broken');
    assert.match(refused[0].reason, /^the regular expression does not compile: .*Unterminated group/);
    assert.equal(refused[1].id, 'empty');
    assert.match(refused[1].reason, /matches empty text/);
  });

  it('refuses catastrophic backtracking within the time limit, without hanging, and probes the rest', async function () {
    this.timeout(10_000);
    const started = Date.now();
    const { accepted, refused } = await vetCustomPatterns([
      pattern('nested', '(a+)+$'),
      pattern('prefixed', 'acme_(\\w+)*!x'),
      pattern('after-overrun', 'acme_[a-z]{8}'),
    ]);
    const elapsed = Date.now() - started;
    assert.deepEqual(
      refused.map((entry) => entry.id),
      ['nested', 'prefixed'],
    );
    assert.match(refused[0].reason, new RegExp(`took longer than ${PROBE_TIME_LIMIT_MILLISECONDS} ms`));
    assert.deepEqual(
      accepted.map((entry) => entry.id),
      ['after-overrun'],
    );
    // Two overruns and a restart, not the minutes (or years) the patterns would take.
    assert.ok(elapsed < 5_000, `${elapsed} ms`);
  });

  it('remembers verdicts per source and flags', async () => {
    const slow = pattern('slow', '(x+x+)+y');
    await vetCustomPatterns([slow]);
    const started = Date.now();
    const again = await vetCustomPatterns([{ ...slow, id: 'same-source' }]);
    assert.ok(Date.now() - started < PROBE_TIME_LIMIT_MILLISECONDS / 2, 'answered from the cache');
    assert.deepEqual(
      again.refused.map((entry) => entry.id),
      ['same-source'],
    );
  });
});
