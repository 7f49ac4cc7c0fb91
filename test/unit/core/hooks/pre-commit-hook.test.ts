import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BLOCK_START } from '../../../../src/core/hooks/hook-block';
import { findHookTarget, installPreCommitHook, uninstallPreCommitHook } from '../../../../src/core/hooks/pre-commit-hook';
import { CLI_BUNDLE } from '../../cli/built-bundles';
import { fake } from '../detect/fake-credentials';
import { TemporaryRepository } from '../../helpers/git-repository';

describe('core/hooks/pre-commit-hook (real git repositories)', function () {
  this.timeout(60_000);
  let repository: TemporaryRepository;

  beforeEach(() => {
    repository = new TemporaryRepository('pre-commit-hook-');
  });

  afterEach(() => repository.cleanup());

  const read = (file: string) => readFileSync(file, 'utf8');

  it('creates an executable .git/hooks/pre-commit; a second install changes nothing; uninstall removes the file it created', async () => {
    const first = await installPreCommitHook(path.join(repository.root));
    assert.equal(first.change, 'installed');
    assert.equal(first.target.kind, 'git');
    assert.equal(first.target.file, path.join(repository.root, '.git', 'hooks', 'pre-commit'));
    const text = read(first.target.file);
    assert.ok(text.startsWith('#!/bin/sh\n') && text.includes('secret-manager scan --staged'));
    assert.ok((statSync(first.target.file).mode & 0o111) !== 0, 'executable');

    const second = await installPreCommitHook(repository.root);
    assert.equal(second.change, 'already-installed');
    assert.equal(read(first.target.file), text);

    assert.equal((await uninstallPreCommitHook(repository.root)).change, 'uninstalled');
    assert.equal(existsSync(first.target.file), false);
    assert.equal((await uninstallPreCommitHook(repository.root)).change, 'not-installed');
  });

  it('puts the block into an existing hook after its #! line and takes only the block out again', async () => {
    const hook = path.join(repository.root, '.git', 'hooks', 'pre-commit');
    const foreign = '#!/usr/bin/env bash\nset -e\nnpm run lint\nexec other-tool --check\n';
    writeFileSync(hook, foreign, { mode: 0o755 });
    await installPreCommitHook(repository.root);
    const installed = read(hook);
    assert.ok(installed.startsWith(`#!/usr/bin/env bash\n${BLOCK_START}\n`), 'runs before an exec that would never return');
    assert.ok(installed.endsWith('npm run lint\nexec other-tool --check\n'));
    await uninstallPreCommitHook(repository.root);
    assert.equal(read(hook), foreign);
  });

  it('respects core.hooksPath', async () => {
    repository.git('config', 'core.hooksPath', 'tools/git-hooks');
    const { target } = await installPreCommitHook(path.join(repository.root));
    assert.equal(target.file, path.join(repository.root, 'tools', 'git-hooks', 'pre-commit'));
    assert.equal(existsSync(path.join(repository.root, '.git', 'hooks', 'pre-commit')), false);
  });

  it('uses husky, lefthook or pre-commit when the repository does, keeping what their files held', async () => {
    mkdirSync(path.join(repository.root, '.husky'));
    writeFileSync(path.join(repository.root, '.husky', 'pre-commit'), 'npx lint-staged\n');
    const husky = await installPreCommitHook(repository.root);
    assert.equal(husky.target.kind, 'husky');
    assert.match(read(husky.target.file), new RegExp(`^${BLOCK_START.replace(/[()]/g, '\\$&')}\\n[\\s\\S]*\\nnpx lint-staged\\n$`));
    await uninstallPreCommitHook(repository.root);
    assert.equal(read(husky.target.file), 'npx lint-staged\n');
    rmSync(path.join(repository.root, '.husky'), { recursive: true });

    const lefthookText = 'pre-push:\n  commands:\n    test:\n      run: npm test\npre-commit:\n  parallel: true\n  commands:\n    lint:\n      run: npm run lint\n';
    writeFileSync(path.join(repository.root, 'lefthook.yml'), lefthookText);
    const lefthook = await installPreCommitHook(repository.root);
    assert.equal(lefthook.target.kind, 'lefthook');
    const lines = read(lefthook.target.file).split('\n');
    const commandsLine = lines.lastIndexOf('  commands:');
    assert.equal(lines[commandsLine + 1].trim(), BLOCK_START);
    assert.equal(lines[commandsLine + 2], '    secret-manager-leak-check:');
    assert.match(lines[commandsLine + 3], /^ {6}run: sh -c .*scan --staged/);
    await uninstallPreCommitHook(repository.root);
    assert.equal(read(lefthook.target.file), lefthookText);
    rmSync(lefthook.target.file);

    const preCommitText = 'repos:\n  - repo: https://example.invalid/hooks\n    rev: v1\n    hooks:\n      - id: trailing-whitespace\n';
    writeFileSync(path.join(repository.root, '.pre-commit-config.yaml'), preCommitText);
    const preCommit = await installPreCommitHook(repository.root);
    assert.equal(preCommit.target.kind, 'pre-commit');
    assert.match(read(preCommit.target.file), /^repos:\n {2}# >>> secret-manager[^\n]*\n {2}- repo: local\n {4}hooks:\n {6}- id: secret-manager-leak-check\n/);
    await uninstallPreCommitHook(repository.root);
    assert.equal(read(preCommit.target.file), preCommitText);
  });

  it('blocks a commit with a staged leak for real, and lets a clean one through', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'pre-commit-hook-bin-'));
    const home = mkdtempSync(path.join(os.tmpdir(), 'pre-commit-hook-home-'));
    try {
      // The hook runs whatever `secret-manager` is on the PATH: here, this build.
      writeFileSync(path.join(bin, 'secret-manager'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_BUNDLE}" "$@"\n`, { mode: 0o755 });
      await installPreCommitHook(repository.root);
      const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, SECRET_MANAGER_HOME: home, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
      const commit = () => execFileSync('git', ['commit', '--quiet', '-m', 'change'], { cwd: repository.root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

      repository.write('src/pay.ts', `export const key = "${fake.stripeLive()}";\n`);
      repository.git('add', '--all');
      assert.throws(commit, (error: { status?: number; stderr?: string }) => error.status !== 0 && /1 hard-coded credential/.test(error.stderr ?? ''));
      assert.throws(() => repository.git('rev-parse', '--verify', '--quiet', 'HEAD'), 'nothing was committed');

      repository.write('src/pay.ts', 'export const key = process.env.STRIPE_KEY;\n');
      repository.git('add', '--all');
      commit();
      assert.match(repository.git('log', '--oneline'), /change/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('says clearly when the folder is not in a git repository', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'pre-commit-hook-outside-'));
    try {
      await assert.rejects(findHookTarget(outside), /is not inside a git working tree/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
