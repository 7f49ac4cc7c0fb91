import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyedFingerprint, generateKey } from '../../../../src/core/crypto';
import { createDetector, KNOWN_SECRET_RULE_ID } from '../../../../src/core/detect/detector';
import { findingFingerprint } from '../../../../src/core/detect/finding';
import { KnownSecretMatching } from '../../../../src/core/detect/known-secret-matching';
import { credentialsToRotate, scanHistory, type ScannedChange } from '../../../../src/core/history/history-scan';
import type { FingerprintMatcher } from '../../../../src/core/store';
import { fake, randomText } from '../detect/fake-credentials';
import { TemporaryRepository } from '../../helpers/git-repository';

describe('core/history/history-scan (real git repositories)', function () {
  this.timeout(60_000);
  let repository: TemporaryRepository;

  beforeEach(() => {
    repository = new TemporaryRepository('history-scan-');
  });

  afterEach(() => repository.cleanup());

  const scan = (range?: string, ignoreFileText = '', fingerprintMatcher?: FingerprintMatcher) =>
    scanHistory(repository.root, range, { detector: createDetector({ workspaceRoot: repository.root, ignoreFileText }), fingerprintMatcher });

  it('finds a key added then removed, at its line in the commit that added it, and says it is gone from HEAD', async () => {
    const key = fake.stripeLive();
    repository.write('README.md', '# app\n');
    repository.commit('start');
    repository.write('src/pay.ts', `import x from 'x';\n\nexport const key = "${key}";\n`);
    const added = repository.commit('Add payments');
    repository.write('src/pay.ts', `import x from 'x';\n\nexport const key = process.env.STRIPE_KEY;\n`);
    repository.commit('Read the key from the environment');

    const outcome = await scan();
    assert.equal(outcome.commitCount, 3);
    assert.equal(outcome.shallow, false);
    assert.equal(outcome.findings.length, 1);
    const [found] = outcome.findings;
    assert.equal(found.path, 'src/pay.ts');
    assert.equal(found.finding.line, 3);
    assert.equal(found.finding.ruleId, '@secretlint/secretlint-rule-stripe');
    assert.equal(found.commit.shortHash, added);
    assert.equal(found.commit.subject, 'Add payments');
    assert.match(found.commit.authorDate, /^2026-01-01T/);
    assert.equal(found.presentAtHead, false);
    assert.equal(found.literal, key);
    assert.ok(!found.finding.message.includes(key), 'the message is masked');
  });

  it('reports a literal committed again and again once per file, with every commit, and knows it is still at HEAD', async () => {
    const key = fake.githubToken();
    const commits: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      repository.write('config.ts', `// round ${round}\nexport const token = "${key}";\n`);
      commits.push(repository.commit(`round ${round}`));
      repository.write('config.ts', `// round ${round}\n`);
      repository.commit(`undo ${round}`);
    }
    repository.write('config.ts', `export const token = "${key}";\n`);
    commits.push(repository.commit('once more'));

    const outcome = await scan();
    assert.equal(outcome.findings.length, 1);
    const [found] = outcome.findings;
    assert.deepEqual(found.commits.map((commit) => commit.shortHash), [...commits].reverse());
    assert.equal(found.commit.shortHash, commits[0], 'the oldest commit is the one that added it');
    assert.equal(found.finding.line, 2, "the line in the oldest commit's file");
    assert.equal(found.presentAtHead, true);
  });

  it('follows a key moved between files: a rename is not a new leak, a copy into another file is', async () => {
    const key = fake.githubToken();
    repository.write('old/settings.ts', `export const token = "${key}";\n// padding so the rename is detected\n`.repeat(1));
    const added = repository.commit('settings');
    repository.git('mv', 'old', 'new');
    repository.commit('move settings');
    let outcome = await scan();
    assert.deepEqual(outcome.findings.map((found) => [found.path, found.commit.shortHash, found.presentAtHead]), [['old/settings.ts', added, true]]);

    repository.write('new/settings.ts', '// moved out\n');
    repository.write('src/client.ts', `const token = "${key}";\n`);
    const moved = repository.commit('move the token into the client');
    outcome = await scan();
    assert.deepEqual(
      outcome.findings.map((found) => [found.path, found.commit.shortHash]),
      [
        ['old/settings.ts', added],
        ['src/client.ts', moved],
      ],
    );
    const toRotate = credentialsToRotate(outcome.findings);
    assert.equal(toRotate.length, 1, 'one credential to rotate');
    assert.deepEqual(toRotate[0].commits.map((commit) => commit.shortHash), [added, moved]);
    assert.deepEqual(toRotate[0].paths, ['old/settings.ts', 'src/client.ts']);
  });

  it('scans both sides of a merge in their own commits, and a line the merge itself added in the merge', async () => {
    repository.write('app.ts', 'export const a = 1;\n');
    repository.commit('start');
    repository.git('checkout', '--quiet', '-b', 'feature');
    const branchKey = fake.slackBotToken();
    repository.write('feature.ts', `export const slack = "${branchKey}";\n`);
    const onBranch = repository.commit('feature with a key');
    repository.git('checkout', '--quiet', 'main');
    repository.write('app.ts', 'export const a = 2;\n');
    repository.commit('main moves on');
    repository.git('merge', '--quiet', '--no-commit', '--no-ff', 'feature');
    const mergeKey = fake.githubToken();
    repository.write('app.ts', `export const a = 2;\nexport const token = "${mergeKey}";\n`);
    repository.git('add', 'app.ts');
    repository.git('commit', '--quiet', '--no-edit');
    const merge = repository.git('rev-parse', '--short', 'HEAD').trim();

    const outcome = await scan();
    assert.deepEqual(
      outcome.findings.map((found) => [found.path, found.finding.line, found.commits.map((commit) => commit.shortHash)]),
      [
        ['app.ts', 2, [merge]],
        ['feature.ts', 1, [onBranch]],
      ],
    );
  });

  it('keeps an ignore comment to the commit that wrote it: a later commit\'s comment does not cover an earlier commit\'s line', async () => {
    const ignored = fake.githubToken();
    const token = fake.githubToken();
    const first = `export const token = "${token}";\n// secret-manager-ignore\nexport const fixture = "${ignored}";\n`;
    repository.write('config.ts', first);
    const added = repository.commit('a fixture, ignored, and a token');
    // Newest first, this commit's one added line comes just before the token's line, the first the commit above added.
    repository.write('config.ts', `${first}// secret-manager-ignore\n`);
    repository.commit('an ignore comment at the end');

    const outcome = await scan();
    assert.deepEqual(outcome.findings.map((found) => [found.literal, found.commit.shortHash, found.finding.line]), [[token, added, 1]]);
  });

  it('leaves binary files out and counts them', async () => {
    repository.write('assets/blob.bin', Buffer.concat([Buffer.from([0x89, 0x00, 0x01]), Buffer.from(`"${fake.stripeLive()}"`)]));
    repository.write('src/ok.ts', 'export const fine = true;\n');
    repository.commit('binary');
    const outcome = await scan();
    assert.deepEqual(outcome.findings, []);
    assert.equal(outcome.binaryFiles, 1);
  });

  it('applies the ignore file as it is now to every commit: paths and fingerprints', async () => {
    const fixtureKey = fake.stripeLive();
    const rotatedKey = fake.githubToken();
    const liveKey = fake.githubToken();
    repository.write('fixtures/sample.ts', `export const key = "${fixtureKey}";\n`);
    repository.write('src/a.ts', `export const old = "${rotatedKey}";\nexport const live = "${liveKey}";\n`);
    repository.commit('keys');
    repository.write('src/a.ts', '// keys gone\n');
    repository.commit('remove keys');
    const ignoreFileText = `fixtures/\nfingerprint:${findingFingerprint('@secretlint/secretlint-rule-github', rotatedKey)}\n`;
    const outcome = await scan(undefined, ignoreFileText);
    assert.deepEqual(
      outcome.findings.map((found) => found.literal === liveKey),
      [true],
    );
  });

  it('matches known secrets in history, with the stored reference and never the value', async () => {
    const value = `v${randomText(23)}`;
    const reference = { vault: 'api-keys', key: 'billing' };
    const key = generateKey();
    const matcher: FingerprintMatcher = (literal) => (keyedFingerprint(key, literal) === keyedFingerprint(key, value) ? [reference] : []);
    repository.write('src/billing.ts', `const options = { label: "${value}" };\n`);
    repository.commit('billing');
    repository.write('src/billing.ts', '// nothing\n');
    repository.commit('cleaned');

    const withoutStore = await scan();
    assert.deepEqual(withoutStore.findings, []);
    const outcome = await scan(undefined, '', matcher);
    assert.equal(outcome.findings.length, 1);
    assert.equal(outcome.findings[0].finding.ruleId, KNOWN_SECRET_RULE_ID);
    assert.deepEqual(outcome.findings[0].finding.matchedSecret, reference);
    assert.equal(outcome.findings[0].presentAtHead, false);
  });

  it('matches known secrets from a store that opens mid-scan, still naming the oldest commit and every commit newest first', async () => {
    const value = `v${randomText(23)}`;
    const reference = { vault: 'api-keys', key: 'billing' };
    const key = generateKey();
    const matcher: FingerprintMatcher = (literal) => (keyedFingerprint(key, literal) === keyedFingerprint(key, value) ? [reference] : []);
    const commits: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      repository.write('src/billing.ts', `// round ${round}\nconst options = { label: "${value}" };\n`);
      commits.push(repository.commit(`billing ${round}`));
      repository.write('src/billing.ts', `// round ${round}\n`);
      repository.commit(`cleaned ${round}`);
    }
    const engine = createDetector({ workspaceRoot: repository.root });
    let openStore: (opened: FingerprintMatcher) => void = () => {};
    const opening = new Promise<FingerprintMatcher | undefined>((resolve) => (openStore = resolve));
    let changesSeen = 0;
    // The store opens while the second of the four changes (newest first) is scanned: the first waits for it.
    const detector: typeof engine = {
      ...engine,
      detect: (input) => {
        changesSeen += 1;
        if (changesSeen === 2) openStore(matcher);
        return engine.detect(input);
      },
    };
    const knownSecrets = new KnownSecretMatching<ScannedChange>(detector, opening);
    const outcome = await scanHistory(repository.root, undefined, { detector, knownSecrets });
    assert.equal(changesSeen, 4);
    assert.equal(outcome.findings.length, 1);
    const [found] = outcome.findings;
    assert.deepEqual(found.finding.matchedSecret, reference);
    assert.deepEqual(found.commits.map((commit) => commit.shortHash), [...commits].reverse());
    assert.equal(found.commit.shortHash, commits[0]);
    assert.equal(found.finding.line, 2);
  });

  it('asks whether a path is an executor file once, however many commits change it', async () => {
    for (let round = 0; round < 3; round += 1) {
      repository.write('src/billing.ts', `export const round = ${round};\n`);
      repository.commit(`round ${round}`);
    }
    const asked: string[] = [];
    await scanHistory(repository.root, undefined, { detector: createDetector({ workspaceRoot: repository.root }), isExecutorFile: (file) => (asked.push(file), false) });
    assert.deepEqual(asked, [path.join(repository.root, 'src', 'billing.ts')]);
  });

  it('scans a range only, and a shallow clone as far as it goes', async () => {
    const keys = [fake.githubToken(), fake.githubToken(), fake.githubToken()];
    const commits = keys.map((key, index) => {
      repository.write(`file${index}.ts`, `export const token = "${key}";\n`);
      return repository.commit(`key ${index}`);
    });
    const ranged = await scan(`${commits[0]}..HEAD`);
    assert.deepEqual(ranged.findings.map((found) => found.literal), [keys[1], keys[2]]);
    assert.equal(ranged.commitCount, 2);

    const cloneParent = mkdtempSync(path.join(os.tmpdir(), 'history-shallow-'));
    try {
      const clonePath = path.join(cloneParent, 'clone');
      execFileSync('git', ['clone', '--quiet', '--depth', '2', `file://${repository.root}`, clonePath], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      const shallow = await scanHistory(clonePath, undefined, { detector: createDetector({ workspaceRoot: clonePath }) });
      assert.equal(shallow.shallow, true);
      assert.equal(shallow.commitCount, 2);
      // The oldest fetched commit shows as adding all it holds, so the first key is found there.
      assert.deepEqual(new Set(shallow.findings.map((found) => found.literal)), new Set(keys));
    } finally {
      rmSync(cloneParent, { recursive: true, force: true });
    }
  });

  it('refuses a folder outside git and a revision git does not know, with clear errors', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'history-outside-'));
    try {
      await assert.rejects(scanHistory(outside, undefined, { detector: createDetector() }), /is not inside a git working tree/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    repository.write('a.ts', 'export {};\n');
    repository.commit('one');
    await assert.rejects(scan('no-such-branch..HEAD'), /git log no-such-branch\.\.HEAD failed: .*bad revision/);
    await assert.rejects(scan('--output=/tmp/x'), /is not a revision range/);
  });
});
