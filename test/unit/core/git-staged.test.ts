import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStagedFiles } from '../../../src/core/git-staged';
import { isSecretManagerError } from '../../../src/core/model';

describe('core/git-staged', function () {
  this.timeout(30_000);
  let repository: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  const write = (name: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(repository, name)), { recursive: true });
    writeFileSync(path.join(repository, name), content);
  };

  beforeEach(() => {
    repository = mkdtempSync(path.join(os.tmpdir(), 'git-staged-'));
    git('init', '--quiet');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Git Staged Test');
  });
  afterEach(() => rmSync(repository, { recursive: true, force: true }));

  it('reads the staged bytes exactly, names with spaces and non-ASCII letters included, before the first commit', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x00, 0xff]);
    write('dir with space/ünïcödé.txt', bytes);
    write('plain.ts', 'export {};\n');
    git('add', '.');
    write('plain.ts', 'changed in the working tree only\n');
    const { root, files } = await readStagedFiles(repository);
    assert.equal(root, execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: repository, encoding: 'utf8' }).trim());
    const byName = new Map(files.map((file) => [path.relative(root, file.file), file.content]));
    assert.deepEqual([...byName.keys()].sort(), [path.join('dir with space', 'ünïcödé.txt'), 'plain.ts']);
    assert.ok(byName.get(path.join('dir with space', 'ünïcödé.txt'))!.equals(bytes));
    assert.equal(byName.get('plain.ts')!.toString('utf8'), 'export {};\n');
  });

  it('lists added, modified and renamed files, not deleted or unchanged ones', async () => {
    write('keep.ts', 'a\n');
    write('change.ts', 'b\n');
    write('remove.ts', 'c\n');
    write('rename-me.ts', 'a file long enough to be recognised as renamed\n'.repeat(5));
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');
    write('change.ts', 'b2\n');
    git('rm', '--quiet', 'remove.ts');
    git('mv', 'rename-me.ts', 'renamed.ts');
    write('new.ts', 'd\n');
    git('add', '.');
    const { root, files } = await readStagedFiles(repository);
    assert.deepEqual(files.map((file) => path.relative(root, file.file)).sort(), ['change.ts', 'new.ts', 'renamed.ts']);
  });

  it('says a folder outside any working tree has no staged files', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'git-staged-outside-'));
    try {
      await assert.rejects(readStagedFiles(outside), (error: unknown) => isSecretManagerError(error, 'invalid-input') && /not inside a git working tree/.test(error.message));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
