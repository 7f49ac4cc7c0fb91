import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { command, shownPrompts } from './helpers';

describe('Install Pre-commit Leak Check', function () {
  this.timeout(60_000);

  it('adds the leak check to the repository once, and says where', async () => {
    const repository = mkdtempSync(path.join(os.tmpdir(), 'hook-command-'));
    try {
      execFileSync('git', ['init', '--quiet', repository], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      const first = await command<{ change: string; target: { kind: string; file: string } }>('installPreCommitHook', vscode.Uri.file(repository));
      assert.equal(first?.change, 'installed');
      assert.equal(first?.target.kind, 'git');
      const hook = readFileSync(path.join(repository, '.git', 'hooks', 'pre-commit'), 'utf8');
      assert.match(hook, /secret-manager scan --staged/);
      assert.match((await shownPrompts()).filter((prompt) => prompt.kind === 'status').at(-1)?.text ?? '', /^Pre-commit leak check added to .*pre-commit$/);

      const second = await command<{ change: string }>('installPreCommitHook', vscode.Uri.file(repository));
      assert.equal(second?.change, 'already-installed');
      assert.equal(readFileSync(path.join(repository, '.git', 'hooks', 'pre-commit'), 'utf8'), hook);
    } finally {
      rmSync(repository, { recursive: true, force: true });
    }
  });
});
