import assert from 'node:assert/strict';
import path from 'node:path';
import { fileSetMatcher, globLiteralFolder, globLiteralSegments } from '../../../../src/core/references/file-set-matcher';

describe('core/references/file-set-matcher', () => {
  const base = path.resolve('/work/repo/app');
  const at = (relative: string) => path.join(base, relative);

  it('matches source files by the globs relative to the base folder, leaving out tests unless ignores are set', () => {
    const matches = fileSetMatcher(base, { section: 'executor', files: ['./executors/**/*.ts'], ignores: undefined });
    assert.ok(matches(at('executors/a/b.ts')));
    assert.ok(!matches(at('executors/b.test.ts')) && !matches(at('executors/b.spec.ts')));
    assert.ok(!matches(at('other/b.ts')));
    const withIgnores = fileSetMatcher(base, { section: 'executor', files: ['executors/*.ts'], ignores: ['executors/old.ts'] });
    assert.ok(withIgnores(at('executors/b.test.ts')));
    assert.ok(!withIgnores(at('executors/old.ts')));
  });

  it('resolves ".." and absolute globs as path.resolve would', () => {
    const parent = fileSetMatcher(base, { section: 'resolver', files: ['../shared/*.ts'], ignores: undefined });
    assert.ok(parent(path.resolve(base, '../shared/a.ts')));
    assert.ok(!parent(at('shared/a.ts')));
    const absolute = fileSetMatcher(base, { section: 'resolver', files: [`${path.resolve('/work/repo/app/jobs').split(path.sep).join('/')}/*.ts`], ignores: undefined });
    assert.ok(absolute(at('jobs/a.ts')));
  });

  it('names the folder before the first wildcard, and its segments', () => {
    assert.equal(globLiteralFolder(base, './apps/admin/executors/*.ts'), at('apps/admin/executors'));
    assert.equal(globLiteralFolder(base, 'executors/one.ts'), at('executors'));
    assert.deepEqual(globLiteralSegments('./apps/admin/executors/*.ts'), ['apps', 'admin', 'executors']);
    assert.deepEqual(globLiteralSegments('**/*.ts'), []);
  });
});
