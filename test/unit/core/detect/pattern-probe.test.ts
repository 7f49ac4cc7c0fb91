import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
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

  it('leaves no thread behind: a process that vets patterns exits on its own', function () {
    this.timeout(60_000);
    const repository = path.resolve(__dirname, '../../../..');
    const script = `
      const { vetCustomPatterns } = require(${JSON.stringify(path.join(repository, 'src/core/detect/pattern-probe.ts'))});
      const pattern = (id, source) => ({ id, title: id, pattern: source, severity: 'error' });
      vetCustomPatterns([pattern('nested', '(c+)+$'), pattern('also-nested', '(d+d+)+e'), pattern('fine', 'acme_[a-z]{8}')])
        .then((result) => console.log(JSON.stringify(result.refused.map((entry) => entry.id))));
    `;
    const child = spawnSync(process.execPath, ['--require', path.join(repository, 'test/unit/register.cjs'), '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.signal, null, 'it had to be killed');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '["nested","also-nested"]');
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
