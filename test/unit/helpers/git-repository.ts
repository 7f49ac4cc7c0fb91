import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A git repository in a temporary folder, free of the user's git configuration, for tests. */
export class TemporaryRepository {
  readonly root: string;
  private clock = Date.parse('2026-01-01T00:00:00Z') / 1000;

  constructor(prefix = 'repository-', root?: string) {
    this.root = root ?? mkdtempSync(path.join(os.tmpdir(), prefix));
    if (root === undefined) {
      this.git('init', '--quiet', '--initial-branch=main');
      this.git('config', 'user.email', 'test@example.invalid');
      this.git('config', 'user.name', 'History Test');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  /** Runs git here and gives its output; each call a second later, so commit dates are ordered. */
  git(...args: string[]): string {
    this.clock += 1;
    const date = `${this.clock} +0000`;
    return execFileSync('git', args, {
      cwd: this.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  }

  write(name: string, text: string | Buffer): void {
    mkdirSync(path.dirname(path.join(this.root, name)), { recursive: true });
    writeFileSync(path.join(this.root, name), text);
  }

  remove(name: string): void {
    unlinkSync(path.join(this.root, name));
  }

  /** Stages everything and commits it; the new commit's short hash. */
  commit(subject: string): string {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', subject);
    return this.git('rev-parse', '--short', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
