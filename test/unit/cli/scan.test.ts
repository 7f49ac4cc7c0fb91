import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { UsageError } from '../../../src/cli/arguments';
import type { CliIo, GlobalOptions } from '../../../src/cli/command';
import { scanCommand } from '../../../src/cli/commands/scan';
import { PARALLEL_SCAN_BYTES, ScanThread, wantedWorkers, workersToKeep } from '../../../src/cli/commands/scan-workers';
import { createIgnoreEntry } from '../../../src/core/detect/suppression';
import { fake, randomText } from '../core/detect/fake-credentials';
import { storeSecretForTest } from '../helpers/store-secret';
import { copyTailorProject } from '../helpers/tailor-projects';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';
import { CLI_BUNDLE, ensureBundlesBuilt } from './built-bundles';

const PASSPHRASE = 'correct horse battery staple for scan';

/** The fields SARIF 2.1.0 requires (and the ones this tool promises), checked by hand: no network for the schema. */
const sarifSchema = z.object({
  $schema: z.string().url(),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.literal('secret-manager'),
            rules: z.array(z.object({ id: z.string().min(1), shortDescription: z.object({ text: z.string().min(1) }) })),
          }),
        }),
        results: z.array(
          z.object({
            ruleId: z.string().min(1),
            level: z.enum(['error', 'warning', 'note']),
            message: z.object({ text: z.string().min(1) }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string().min(1), uriBaseId: z.literal('%SRCROOT%') }),
                    region: z.object({ startLine: z.number().int().min(1), startColumn: z.number().int().min(1) }),
                  }),
                }),
              )
              .length(1),
          }),
        ),
      }),
    )
    .length(1),
});

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('cli/scan', () => {
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let workspace: string;
  let env: NodeJS.ProcessEnv;

  async function run(...argv: string[]): Promise<Captured> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stdin: new PassThrough(),
      stdinIsTerminal: false,
      env,
      cwd: workspace,
    };
    const json = argv.includes('--json');
    const globals: GlobalOptions = { store: 'local', json };
    const code = await scanCommand(argv.filter((argument) => argument !== '--json'), globals, io);
    return { code, stdout, stderr };
  }

  /** Stores `value` as api-keys/stripe-secret-key in the real local store the scan will open. */
  const storeKnownSecret = (value: string) => storeSecretForTest(env, 'api-keys', 'stripe-secret-key', value);

  async function write(name: string, text: string | Buffer): Promise<void> {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), text);
  }

  beforeEach(async () => {
    storeHome = makeTemporaryHome('scan-store-');
    workspace = await mkdtemp(path.join(os.tmpdir(), 'scan-workspace-'));
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE };
    await write('src/clean.ts', 'export const id = "3f2b8c1e-9a4d-4e7b-8c6a-1d2e3f4a5b6c";\n');
  });

  afterEach(async () => {
    storeHome.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  it('exits 0 on a clean tree, and says it matched no known secrets without a store', async () => {
    const result = await run();
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no local store yet/);
    assert.match(result.stderr, /No hard-coded credentials in 1 file/);
  });

  it('exits 1 and prints file:line:col severity rule message, masked', async () => {
    const token = fake.githubToken();
    const password = fake.password();
    await write('src/config.ts', `// config\nexport const github = "${token}";\nconst password = "${password}";\n`);
    const result = await run();
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines.map((line) => line.split(' ').slice(0, 3).join(' ')), [
      'src/config.ts:2:24 error @secretlint/secretlint-rule-github',
      'src/config.ts:3:19 warning secret-manager/credential-field',
    ]);
    for (const output of [result.stdout, result.stderr]) {
      assert.ok(!output.includes(token) && !output.includes(password), 'no credential in the output');
    }
    assert.match(result.stderr, /2 hard-coded credentials in 1 file \(2 files scanned\)/);
  });

  it('escapes control characters in file names, so a repository cannot hide findings or forge lines', async () => {
    const token = fake.githubToken();
    const hostile = 'src/ok.ts\nsrc/forged.ts:1:1 error fake-rule \u001b[8mhidden\u001b]0;retitled\u0007.ts';
    await write(hostile, `export const github = "${token}";\n`);
    const result = await run();
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character but line ends');
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'one finding, one line');
    assert.ok(lines[0].startsWith('src/ok.ts\\nsrc/forged.ts:1:1 error fake-rule \\u001b[8mhidden\\u001b]0;retitled\\u0007.ts:1:'), lines[0]);
  });

  it('refuses usage mistakes with a UsageError (the CLI exits 2 on those)', async () => {
    const isUsageError = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message);
    await assert.rejects(run('--format', 'xml'), isUsageError(/--format must be text, json or sarif/));
    await assert.rejects(run('no/such/folder'), isUsageError(/No such file or folder: no\/such\/folder/));
    await assert.rejects(run('--jobs', 'zero'), isUsageError(/--jobs must be "auto" or a whole number/));
    await assert.rejects(run('--bogus'), UsageError);
  });

  it('honours .gitignore unless --no-gitignore, and always skips node_modules, binaries and files over 2 MiB', async () => {
    const token = fake.githubToken();
    await write('.gitignore', 'generated/\n');
    await write('generated/tokens.ts', `export const a = "${token}";\n`);
    await write('node_modules/pkg/index.js', `module.exports = "${token}";\n`);
    await write('assets/image.bin', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(`"${token}"`)]));
    await write('big/huge.js', `const a = "${token}";\n${'x'.repeat(2 * 1024 * 1024)}`);
    const respecting = await run();
    assert.equal(respecting.code, 0, respecting.stdout);
    assert.match(respecting.stderr, /Skipped big\/huge\.js: larger than 2 MiB/);
    const ignoring = await run('--no-gitignore', '--format', 'json');
    assert.equal(ignoring.code, 1);
    assert.deepEqual(
      JSON.parse(ignoring.stdout).map((finding: { file: string }) => finding.file),
      ['generated/tokens.ts'],
    );
  });

  it('honours .secretmanagerignore paths and fingerprints', async () => {
    const token = fake.githubToken();
    await write('fixtures/a.ts', `export const a = "${token}";\n`);
    await write('src/b.ts', `export const b = "${token}";\n`);
    const text = `export const b = "${token}";\n`;
    const start = text.indexOf(token);
    const entry = createIgnoreEntry({ ruleId: '@secretlint/secretlint-rule-github', range: [start, start + token.length] }, text);
    await write('.secretmanagerignore', `fixtures/\n${entry}\n`);
    const result = await run();
    assert.equal(result.code, 0, result.stdout);
  });

  it('writes JSON findings relative to the root', async () => {
    const key = fake.googleApiKey();
    await write('lib/maps.js', `const key = '${key}';\n`);
    const result = await run('--json');
    assert.equal(result.code, 1);
    const [finding, ...rest] = JSON.parse(result.stdout);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { ...finding, message: undefined },
      { file: 'lib/maps.js', line: 1, column: 14, severity: 'error', certainty: 'certain', confidence: 0.95, ruleId: 'secret-manager/google-api-key', message: undefined },
    );
    assert.ok(!result.stdout.includes(key));
  });

  it('writes SARIF 2.1.0 with the required fields, rules, levels and %SRCROOT%-relative locations', async () => {
    const token = fake.githubToken();
    const password = fake.password();
    await write('src/deep/dir name/config.ts', `export const github = "${token}";\nconst password = "${password}";\n`);
    const result = await run('--format', 'sarif');
    assert.equal(result.code, 1);
    const log = sarifSchema.parse(JSON.parse(result.stdout));
    const [sarifRun] = log.runs;
    assert.deepEqual(
      sarifRun.results.map((entry) => [entry.ruleId, entry.level, entry.locations[0].physicalLocation.artifactLocation.uri, entry.locations[0].physicalLocation.region.startLine]),
      [
        ['@secretlint/secretlint-rule-github', 'error', 'src/deep/dir%20name/config.ts', 1],
        ['secret-manager/credential-field', 'warning', 'src/deep/dir%20name/config.ts', 2],
      ],
    );
    assert.deepEqual(sarifRun.tool.driver.rules.map((rule) => rule.id), ['@secretlint/secretlint-rule-github', 'secret-manager/credential-field']);
    assert.ok(!result.stdout.includes(token) && !result.stdout.includes(password));
  });

  it('applies the executor header rule to executor files only', async () => {
    const headers = `export default createExecutor({ operation: { kind: "webhook", headers: { Authorization: "Bearer ${randomText(24)}" } } });\n`;
    await write('executors/notify.ts', headers);
    await write('src/notify.ts', headers);
    const result = await run('--json');
    assert.ok(Array.isArray(JSON.parse(result.stdout)), result.stdout);
    assert.doesNotMatch(result.stderr, /executor files not recognised/);
    assert.deepEqual(
      JSON.parse(result.stdout).map((finding: { file: string; ruleId: string }) => `${finding.file} ${finding.ruleId}`),
      // Outside executor files the token is a Bearer token like any other, not an executor header.
      ['executors/notify.ts secret-manager/executor-header-literal', 'src/notify.ts secret-manager/bearer-token'],
    );
  });

  it('applies the executor header rule to the executors of each app of a monorepo', async () => {
    await rm(workspace, { recursive: true, force: true });
    workspace = copyTailorProject('multi-application');
    const executor = path.join(workspace, 'apps/admin/executors/notify-slack.ts');
    const reference = '{ vault: "admin-integrations", key: "slack-bot-token" }';
    const text = await readFile(executor, 'utf8');
    assert.ok(text.includes(reference));
    const headerLine = `      Authorization: "Bearer ${randomText(32)}",`;
    await writeFile(executor, text.replace(`      Authorization: ${reference},`, headerLine));
    await write('apps/admin/lib/notify.ts', `export const headers = {\n${headerLine}\n};\n`);
    const result = await run('--json');
    assert.doesNotMatch(result.stderr, /executor files not recognised/);
    assert.deepEqual(
      JSON.parse(result.stdout).map((finding: { file: string; line: number; ruleId: string }) => `${finding.file}:${finding.line} ${finding.ruleId}`),
      ['apps/admin/executors/notify-slack.ts:11 secret-manager/executor-header-literal', 'apps/admin/lib/notify.ts:2 secret-manager/bearer-token'],
    );
  });

  it('matches literals against the secrets of the real local store', async () => {
    const value = `known-${randomText(20)}`;
    await storeKnownSecret(value);
    await write('src/pay.ts', `export const options = { label: "${value}" };\n`);
    const result = await run();
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^src\/pay\.ts:1:34 error secret-manager\/known-secret This is the value of api-keys\/stripe-secret-key\n$/);
    assert.ok(!result.stdout.includes(value) && !result.stderr.includes(value));
  });

  it('finds stored values at their line and column in files scanned while the store opens, with suppression kept', async () => {
    const value = `known-${randomText(20)}`;
    await storeKnownSecret(value);
    await write('src/a-first.ts', `// first\n\nexport const options = { label: "${value}" };\n`);
    await write('src/b-ignored.ts', `export const label = "${value}"; // secret-manager-ignore\n`);
    await write('src/c-token.ts', `export const both = ["${value}", "${fake.githubToken()}"];\n`);
    const result = await run('--jobs', '1');
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')), [
      'src/a-first.ts:3:34 error secret-manager/known-secret',
      'src/c-token.ts:1:23 error secret-manager/known-secret',
      'src/c-token.ts:1:53 error @secretlint/secretlint-rule-github',
    ]);
    assert.ok(!result.stdout.includes(value) && !result.stderr.includes(value));
  });

  it('says so and scans without known secrets when the store will not open', async () => {
    const value = `known-${randomText(20)}`;
    await storeKnownSecret(value);
    await write('src/pay.ts', `export const options = { label: "${value}", token: "${fake.githubToken()}" };\n`);
    env = { ...env, SECRET_MANAGER_PASSPHRASE: 'not the passphrase' };
    const result = await run('--jobs', '1');
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Note: not matching known secrets: .+\n/m);
    assert.deepEqual(result.stdout.trim().split('\n').map((line) => line.split(' ').slice(1, 3).join(' ')), ['error @secretlint/secretlint-rule-github']);
  });

  describe('how many threads', () => {
    it('--jobs N asks for N - 1 threads beside the main one', () => {
      assert.equal(wantedWorkers(1), 0);
      assert.equal(wantedWorkers(3), 2);
    });

    it('auto asks for one thread per idle core but one (left to V8), the main one included, at most 4', () => {
      assert.equal(wantedWorkers('auto', 2, 0), 0, 'two idle cores: one scanning thread, one core for V8');
      assert.equal(wantedWorkers('auto', 4, 0), 2);
      assert.equal(wantedWorkers('auto', 4, 0.4), 2);
      assert.equal(wantedWorkers('auto', 4, 0.6), 1, 'other processes keep one of four cores busy');
      assert.equal(wantedWorkers('auto', 4, 3.5), 0);
      assert.equal(wantedWorkers('auto', 8, 1), 3);
      assert.equal(wantedWorkers('auto', 16, 0), 3);
      assert.equal(wantedWorkers('auto', 1, 0), 0);
    });

    it('auto keeps a tree under PARALLEL_SCAN_BYTES on the main thread; no count shares fewer files than threads', () => {
      assert.equal(workersToKeep(1, 'auto', 500, PARALLEL_SCAN_BYTES - 1), 0);
      assert.equal(workersToKeep(1, 'auto', 500, PARALLEL_SCAN_BYTES), 1);
      assert.equal(workersToKeep(1, 2, 500, 100), 1);
      assert.equal(workersToKeep(3, 4, 2, PARALLEL_SCAN_BYTES), 1);
      assert.equal(workersToKeep(3, 4, 1, PARALLEL_SCAN_BYTES), 0);
    });
  });

  describe('a scan thread that fails', () => {
    const job = () => ({ files: ['a.ts'], executorFiles: [], nextFile: new SharedArrayBuffer(4) });

    it('reports a failure instead of throwing when its script throws', async () => {
      const script = path.join(workspace, 'throwing-worker.js');
      await writeFile(script, 'throw new Error("engine would not load");\n');
      const thread = new ScanThread(script, { detectorOptions: {} });
      thread.start(job());
      const reply = await thread.finish();
      assert.match(reply.failure ?? '', /engine would not load/);
      assert.deepEqual(reply.scanned, []);
    });

    it('passes on the failure a thread posts (its store would not open)', async () => {
      const script = path.join(workspace, 'failing-worker.js');
      await writeFile(
        script,
        'require("node:worker_threads").parentPort.postMessage({ results: [], skipped: [], scanned: [], failure: "it could not open the store (locked)" });\n',
      );
      const thread = new ScanThread(script, { detectorOptions: {} });
      const reply = await thread.finish();
      assert.equal(reply.failure, 'it could not open the store (locked)');
    });
  });

  describe('the built CLI on worker threads', function () {
    this.timeout(180_000);
    before(() => ensureBundlesBuilt());

    it('finds the same as one thread', async () => {
      const expected: string[] = [];
      for (let index = 0; index < 80; index += 1) {
        const token = index % 10 === 0 ? fake.githubToken() : undefined;
        await write(`src/module-${index}.ts`, `export const id${index} = "${randomText(12)}";\n${token ? `export const t = "${token}";\n` : ''}`);
        if (token) expected.push(`src/module-${index}.ts:2:19 error @secretlint/secretlint-rule-github`);
      }
      const scanWith = (jobs: string) => {
        const result = spawnSync(process.execPath, [CLI_BUNDLE, 'scan', '--jobs', jobs], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
        return { code: result.status, stderr: result.stderr, lines: result.stdout.trim().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')) };
      };
      const parallel = scanWith('2');
      const single = scanWith('1');
      assert.equal(parallel.code, 1);
      assert.match(parallel.stderr, /on 2 threads/);
      assert.doesNotMatch(single.stderr, /threads/);
      assert.deepEqual(parallel.lines, expected.sort());
      assert.deepEqual(single.lines, parallel.lines);
    });

    it('matches known secrets on every thread (each opens the store)', async () => {
      const value = `known-${randomText(20)}`;
      await storeKnownSecret(value);
      // Large enough (4.5 MB) that the other thread takes files too, not only this one.
      const filler = '// ordinary comment text that holds no credential at all, repeated to fill the file\n'.repeat(800);
      for (let index = 0; index < 70; index += 1) {
        await write(`lib/file-${String(index).padStart(2, '0')}.ts`, `export const label = "${index % 20 === 0 ? value : randomText(12)}";\n${filler}`);
      }
      const result = spawnSync(process.execPath, [CLI_BUNDLE, 'scan', 'lib', '--jobs', '2'], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /Scanning 70 files on 2 threads/);
      assert.deepEqual(result.stdout.trim().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')), [
        'file-00.ts:1:23 error secret-manager/known-secret',
        'file-20.ts:1:23 error secret-manager/known-secret',
        'file-40.ts:1:23 error secret-manager/known-secret',
        'file-60.ts:1:23 error secret-manager/known-secret',
      ]);
      assert.ok(!result.stdout.includes(value) && !result.stderr.includes(value));
    });

    it('shares a large tree between threads, finding, skipping and saying the same as --jobs 1, as does the default', async () => {
      const ordinaryLine = 'export const total = items.reduce((sum, item) => sum + item.price * item.count, 0);\n';
      const fileBytes = 128 * 1024;
      const expected: string[] = [];
      for (let index = 0; (index - 1) * fileBytes < PARALLEL_SCAN_BYTES; index += 1) {
        const name = `packages/p${index % 5}/module-${String(index).padStart(3, '0')}.ts`;
        const lines = ordinaryLine.repeat(Math.floor(fileBytes / ordinaryLine.length)).split('\n');
        if (index % 7 === 0) {
          lines.splice(index % 100, 0, `export const token = "${fake.githubToken()}";`);
          expected.push(`${name} @secretlint/secretlint-rule-github`);
        }
        if (index % 11 === 0) {
          lines.splice(5, 0, `const google = "${fake.googleApiKey()}";`);
          expected.push(`${name} secret-manager/google-api-key`);
        }
        await write(name, lines.join('\n'));
      }
      const header = `export default createExecutor({ operation: { kind: "webhook", headers: { Authorization: "Bearer ${randomText(24)}" } } });\n`;
      await write('executors/notify.ts', header);
      expected.push('executors/notify.ts secret-manager/executor-header-literal');
      await write('assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      await write('data/huge.json', `"${'x'.repeat(2 * 1024 * 1024 + 10)}"`);
      const scanWith = (...extra: string[]) =>
        spawnSync(process.execPath, [CLI_BUNDLE, 'scan', '--format', 'json', ...extra], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
      const single = scanWith('--jobs', '1');
      const parallel = scanWith('--jobs', '2');
      // The default's thread count depends on the machine's load at that moment; its output may not.
      const byDefault = scanWith();
      const findings = (stdout: string) => (JSON.parse(stdout) as { file: string; ruleId: string }[]).map((finding) => `${finding.file} ${finding.ruleId}`);
      assert.equal(single.status, 1, single.stderr);
      assert.deepEqual(findings(single.stdout).sort(), expected.sort());
      assert.doesNotMatch(single.stderr, /threads/);
      assert.match(single.stderr, /Skipped data\/huge\.json: larger than 2 MiB\./);
      for (const other of [parallel, byDefault]) {
        assert.equal(other.status, 1, other.stderr);
        assert.equal(other.stdout, single.stdout);
        assert.equal(other.stderr.replace(/^Scanning \d+ files on [2-4] threads\.\n/m, ''), single.stderr);
      }
      assert.match(parallel.stderr, /^Scanning \d+ files on 2 threads\.$/m);
    });

    it('keeps a small tree on the main thread by default', () => {
      const result = spawnSync(process.execPath, [CLI_BUNDLE, 'scan'], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /threads/);
      assert.match(result.stderr, /No hard-coded credentials in 1 file\./);
    });

    it('exits 0 when clean, 1 on findings, 2 on a usage mistake', () => {
      const scan = (...argv: string[]) => spawnSync(process.execPath, [CLI_BUNDLE, 'scan', ...argv], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 }).status;
      assert.equal(scan('src/clean.ts'), 0);
      assert.equal(scan('--format', 'xml'), 2);
      assert.equal(scan('no/such/folder'), 2);
    });
  });
});
