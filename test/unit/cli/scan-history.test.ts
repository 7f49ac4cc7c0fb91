import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isUsageError } from '../../../src/cli/arguments';
import { scanCommand } from '../../../src/cli/commands/scan';
import { fake } from '../core/detect/fake-credentials';
import { TemporaryRepository } from '../helpers/git-repository';
import { createMemoryIo } from './memory-io';
import { storeSecretForTest } from '../helpers/store-secret';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';

describe('cli/scan --history (a real git repository)', function () {
  this.timeout(60_000);
  let repository: TemporaryRepository;
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let env: NodeJS.ProcessEnv;

  async function run(cwd: string, ...argv: string[]) {
    const io = createMemoryIo({ env, cwd });
    return { code: await scanCommand(argv, { store: 'local', json: false }, io), ...io.output };
  }

  let removedKey: string;
  let keptKey: string;
  let commits: string[];

  beforeEach(() => {
    repository = new TemporaryRepository('scan-history-');
    storeHome = makeTemporaryHome('scan-history-store-');
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: 'passphrase for history scans' };
    removedKey = fake.stripeLive();
    keptKey = fake.githubToken();
    commits = [];
    repository.write('src/pay.ts', `export const key = "${removedKey}";\n`);
    commits.push(repository.commit('Add payments\u001b[31m'));
    repository.write('src/pay.ts', 'export const key = process.env.KEY;\n');
    repository.write('src/github.ts', `export const token = "${keptKey}";\n`);
    commits.push(repository.commit('Move to the environment'));
    repository.write('src/github.ts', `export const token = "${keptKey}"; // changed line\n`);
    commits.push(repository.commit('Touch'));
  });

  afterEach(() => {
    storeHome.cleanup();
    repository.cleanup();
  });

  it('prints each finding with its commit and whether HEAD still holds it, then the credentials to rotate', async () => {
    const result = await run(path.join(repository.root, 'src'), '--history');
    assert.equal(result.code, 1, result.stderr);
    const [first, second, blank, heading, ...rotate] = result.stdout.trimEnd().split('\n');
    assert.match(first, new RegExp(`^src/github\\.ts:1:\\d+ error @secretlint/secretlint-rule-github .* \\(${commits[1]} \\d{4}-\\d\\d-\\d\\d "Move to the environment", added in 2 commits; still at HEAD\\)$`));
    assert.match(second, new RegExp(`^src/pay\\.ts:1:\\d+ error @secretlint/secretlint-rule-stripe .* \\(${commits[0]} \\d{4}-\\d\\d-\\d\\d "Add payments\\\\u001b\\[31m"; gone from HEAD\\)$`));
    assert.equal(blank, '');
    assert.match(heading, /^Rotate these/);
    assert.equal(rotate.length, 2);
    assert.match(rotate.join('\n'), new RegExp(`ghp_… \\(40 characters\\)  still at HEAD  in ${commits[1]}, ${commits[2]}`));
    assert.match(rotate.join('\n'), new RegExp(`sk_l… \\(\\d+ characters\\)  gone from HEAD  in ${commits[0]}`));
    assert.ok(!`${result.stdout}${result.stderr}`.includes(removedKey) && !`${result.stdout}${result.stderr}`.includes(keptKey), 'keys are masked');
    assert.match(result.stderr, /2 hard-coded credentials in the history, 2 distinct credentials to rotate \(3 commits scanned\)/);
  });

  it('carries the commit fields in JSON, and partialFingerprints that stay the same across runs in SARIF', async () => {
    const json = await run(repository.root, '--history', '--format', 'json');
    const findings = JSON.parse(json.stdout) as Array<{ file: string; commit: { hash: string; shortHash: string; authorDate: string; subject: string }; commitCount: number; presentAtHead: boolean }>;
    assert.deepEqual(
      findings.map((finding) => [finding.file, finding.commit.shortHash, finding.commitCount, finding.presentAtHead]),
      [
        ['src/github.ts', commits[1], 2, true],
        ['src/pay.ts', commits[0], 1, false],
      ],
    );
    assert.match(findings[0].commit.hash, /^[0-9a-f]{40}$/);
    assert.equal(findings[0].commit.subject, 'Move to the environment');

    const sarifOf = async () => JSON.parse((await run(repository.root, '--history', '--format', 'sarif')).stdout) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string>; properties: { commit: { shortHash: string } } }> }> };
    const first = await sarifOf();
    const fingerprints = first.runs[0].results.map((result) => result.partialFingerprints['secretManagerCredential/v1']);
    assert.equal(fingerprints.length, 2);
    assert.notEqual(fingerprints[0], fingerprints[1]);
    assert.equal(first.runs[0].results[0].properties.commit.shortHash, commits[1]);
    repository.write('other.ts', '// more history\n');
    repository.commit('more');
    const second = await sarifOf();
    assert.deepEqual(second.runs[0].results.map((result) => result.partialFingerprints['secretManagerCredential/v1']), fingerprints);
  });

  it('matches the stored secrets of the local store in history', async () => {
    const value = `v${fake.githubToken().slice(4, 28)}`;
    await storeSecretForTest(env, 'api-keys', 'billing', value);
    repository.write('src/billing.ts', `const options = { label: "${value}" };\n`);
    repository.commit('billing');
    repository.write('src/billing.ts', '// gone\n');
    repository.commit('billing gone');
    const result = await run(repository.root, '--history', '--format', 'json');
    const findings = JSON.parse(result.stdout) as Array<{ file: string; matchedSecret?: { vault: string; key: string } }>;
    assert.deepEqual(findings.find((finding) => finding.file === 'src/billing.ts')?.matchedSecret, { vault: 'api-keys', key: 'billing' });
  });

  it('says when the clone is shallow', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'scan-history-clone-'));
    try {
      const clone = path.join(parent, 'clone');
      execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repository.root}`, clone], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      const result = await run(clone, '--history');
      assert.match(result.stderr, /shallow clone: the history was scanned as far back as it was fetched/);
      assert.match(result.stderr, /\(1 commit scanned\)/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('is clean on a clean range, and refuses options that do not go with --history', async () => {
    const clean = await run(repository.root, '--history', `${commits[2]}..HEAD`);
    assert.equal(clean.code, 0);
    assert.match(clean.stderr, /No hard-coded credentials in the history \(0 commits scanned\)/);
    for (const argv of [['--history', '--staged'], ['--history', 'a..b', 'c..d'], ['--history', '--jobs', '2'], ['--history', 'nothing-like-this']]) {
      await assert.rejects(run(repository.root, ...argv), (error: unknown) => isUsageError(error), argv.join(' '));
    }
  });
});
