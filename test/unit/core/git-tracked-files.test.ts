import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listScanFiles } from '../../../src/core/detect/scan-files';
import { trackedPathsUnder } from '../../../src/core/git-tracked-files';

describe('core/git-tracked-files', function () {
  this.timeout(30_000);
  let repository: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  const write = (name: string, content: string) => {
    mkdirSync(path.dirname(path.join(repository, name)), { recursive: true });
    writeFileSync(path.join(repository, name), content);
  };

  beforeEach(() => {
    repository = mkdtempSync(path.join(os.tmpdir(), 'git-tracked-'));
    git('init', '--quiet');
    write('.gitignore', '.env\nconfig/\n');
    write('app.ts', 'export {};\n');
    write('.env', 'STRIPE_KEY=committed-before-it-was-ignored\n');
    write('config/production.env', 'TOKEN=force-added\n');
    write('config/local.env', 'TOKEN=never-added\n');
    git('add', '.gitignore', 'app.ts');
    git('add', '--force', '.env', 'config/production.env');
  });
  afterEach(() => rmSync(repository, { recursive: true, force: true }));

  it('lists what git tracks, and the folders that hold it', async () => {
    const tracked = await trackedPathsUnder(repository);
    assert.ok(tracked);
    assert.deepEqual([...tracked.files].map((file) => path.relative(repository, file)).sort(), ['.env', '.gitignore', 'app.ts', path.join('config', 'production.env')]);
    assert.deepEqual([...tracked.folders], [path.join(repository, 'config')]);
  });

  it('is undefined outside a git working tree', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'not-a-repository-'));
    try {
      assert.equal(await trackedPathsUnder(plain), undefined);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('makes a scan read tracked files that .gitignore names, and still skip the untracked ones', async () => {
    const listed = await listScanFiles(['.'], { respectGitignore: true, workspaceRoot: repository });
    assert.deepEqual(listed.map((file) => path.relative(repository, file)), ['.env', '.gitignore', 'app.ts', path.join('config', 'production.env')]);
  });
});
