import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { isUsageError } from '../../../src/cli/arguments';
import type { CliIo, GlobalOptions } from '../../../src/cli/command';
import { scanCommand } from '../../../src/cli/commands/scan';
import { fake } from '../core/detect/fake-credentials';
import { storeSecretForTest } from '../helpers/store-secret';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';

const PASSPHRASE = 'correct horse battery staple for staged scans';

describe('cli/scan --staged (a real git repository)', function () {
  this.timeout(60_000);
  let repository: string;
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let env: NodeJS.ProcessEnv;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });

  function write(name: string, text: string | Buffer): void {
    mkdirSync(path.dirname(path.join(repository, name)), { recursive: true });
    writeFileSync(path.join(repository, name), text);
  }

  async function run(cwd: string, ...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdin: new PassThrough(), stdinIsTerminal: false, env, cwd };
    const globals: GlobalOptions = { store: 'local', json: false };
    const code = await scanCommand(argv, globals, io);
    return { code, stdout, stderr };
  }

  beforeEach(() => {
    repository = mkdtempSync(path.join(os.tmpdir(), 'scan-staged-'));
    storeHome = makeTemporaryHome('scan-staged-store-');
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE };
    git('init', '--quiet', '--initial-branch=main');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Staged Scan Test');
  });

  afterEach(() => {
    storeHome.cleanup();
    rmSync(repository, { recursive: true, force: true });
  });

  it('scans what is staged, not the working tree, and exits 1 for a pre-commit hook', async () => {
    const staged = fake.stripeLive();
    write('src/pay.ts', `export const key = "${staged}";\n`);
    git('add', 'src/pay.ts');
    // The working tree moves on: only the index holds the key now.
    write('src/pay.ts', 'export const key = process.env.STRIPE_KEY;\n');
    // A key that is not staged is not part of the commit.
    write('src/draft.ts', `export const other = "${fake.githubToken()}";\n`);

    const result = await run(repository, '--staged', '--format', 'json');
    assert.equal(result.code, 1, result.stderr);
    const findings = JSON.parse(result.stdout) as Array<{ file: string; line: number; ruleId: string; message: string }>;
    assert.deepEqual(
      findings.map((finding) => [finding.file, finding.line, finding.ruleId]),
      [['src/pay.ts', 1, '@secretlint/secretlint-rule-stripe']],
    );
    assert.ok(!result.stdout.includes(staged) && !result.stderr.includes(staged), 'the key is masked');
    assert.match(result.stderr, /1 hard-coded credential in 1 file \(1 file scanned\)/);
  });

  it('is clean once the fix is staged, and leaves out deleted, binary and ignored files', async () => {
    write('src/pay.ts', `export const key = "${fake.stripeLive()}";\n`);
    write('assets/logo.bin', Buffer.from([0x89, 0x50, 0x00, 0x01, ...Buffer.from(fake.stripeLive())]));
    write('fixtures/sample.ts', `export const key = "${fake.stripeLive()}";\n`);
    write('.secretmanagerignore', 'fixtures/\n');
    write('old.ts', 'export const nothing = 1;\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');
    write('src/pay.ts', 'export const key = process.env.STRIPE_KEY;\n');
    unlinkSync(path.join(repository, 'old.ts'));
    write('fixtures/sample.ts', `export const key = "${fake.stripeLive()}";\nexport const more = 2;\n`);
    git('add', '-A');

    const result = await run(repository, '--staged');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /No hard-coded credentials in 2 files\./, 'pay.ts and the ignored fixture were staged; old.ts was deleted');
  });

  it('finds a literal that is a stored secret, and takes pathspecs relative to the working folder', async () => {
    const value = `internal-${fake.githubToken().slice(4)}`;
    await storeSecretForTest(env, 'api-keys', 'internal-token', value);
    write('services/a/config.ts', `export const token = "${value}";\n`);
    write('services/b/config.ts', `export const token = "${value}";\n`);
    git('add', '.');
    const result = await run(path.join(repository, 'services'), '--staged', 'a', '--format', 'json');
    assert.equal(result.code, 1, result.stderr);
    const findings = JSON.parse(result.stdout) as Array<{ file: string; matchedSecret?: unknown; message: string }>;
    assert.deepEqual([...new Set(findings.map((finding) => finding.file))], ['services/a/config.ts'], 'paths from the top of the working tree; only the pathspec');
    assert.ok(findings.some((finding) => /api-keys\/internal-token/.test(finding.message)), JSON.stringify(findings));
    assert.ok(!result.stdout.includes(value));
  });

  it('refuses outside a git working tree, and with options that do not apply, as usage mistakes', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'scan-staged-outside-'));
    try {
      await assert.rejects(run(outside, '--staged'), (error: unknown) => isUsageError(error) && /is not inside a git working tree/.test(error.message));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    await assert.rejects(run(repository, '--staged', '--jobs', '2'), (error: unknown) => isUsageError(error) && /--jobs and --no-gitignore do not apply/.test(error.message));
  });
});
