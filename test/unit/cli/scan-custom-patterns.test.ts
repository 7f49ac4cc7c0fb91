import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo, GlobalOptions } from '../../../src/cli/command';
import { scanCommand } from '../../../src/cli/commands/scan';
import { randomText } from '../core/detect/fake-credentials';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';
import { CLI_BUNDLE, ensureBundlesBuilt } from './built-bundles';

describe('cli/scan-custom-patterns (.secretmanager.json)', () => {
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let workspace: string;
  let env: NodeJS.ProcessEnv;
  // A made-up format, assembled here: "acme_" and 24 characters.
  const acmeToken = () => ['ac', 'me_', randomText(24)].join('');
  const acmePattern = { id: 'acme-token', title: 'ACME API token', pattern: 'acme_[A-Za-z0-9]{24}\\b', severity: 'error' };

  async function write(name: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), text);
  }
  const writeConfig = (config: unknown) => write('.secretmanager.json', typeof config === 'string' ? config : JSON.stringify(config, null, 2));

  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdin: new PassThrough(), stdinIsTerminal: false, env, cwd: workspace };
    const globals: GlobalOptions = { store: 'local', json: false };
    const code = await scanCommand(argv, globals, io);
    return { code, stdout, stderr };
  }

  beforeEach(async () => {
    storeHome = makeTemporaryHome('scan-custom-store-');
    workspace = await mkdtemp(path.join(os.tmpdir(), 'scan-custom-'));
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home };
  });

  afterEach(async () => {
    storeHome.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  it('reports custom patterns from the root .secretmanager.json as custom/<id>, masked', async () => {
    const token = acmeToken();
    await write('src/client.ts', `export const client = connect("${token}");\n`);
    assert.equal((await run()).code, 0, 'clean without the file');
    await writeConfig({ detection: { customPatterns: [acmePattern] } });
    const result = await run();
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^src\/client\.ts:1:32 error custom\/acme-token ACME API token: acme… \(29 characters\)\n$/);
    assert.ok(!result.stdout.includes(token) && !result.stderr.includes(token));
    const sarif = JSON.parse((await run('--format', 'sarif')).stdout);
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'custom/acme-token'));
  });

  it('--min-confidence and detection.minimumConfidence show what the default threshold hides', async () => {
    // A common password behind substitutions: judged a weak credential (0.3), hidden at the default 0.5.
    await write('config/app.ts', 'export const settings = { password: "P@ssw0rd2024!" };\n');
    assert.equal((await run()).code, 0);
    const lowered = await run('--min-confidence', '0.2', '--format', 'json');
    assert.equal(lowered.code, 1, lowered.stderr);
    const [finding] = JSON.parse(lowered.stdout);
    assert.equal(finding.ruleId, 'secret-manager/credential-field');
    assert.equal(finding.confidence, 0.3);
    await writeConfig({ detection: { minimumConfidence: 0.25 } });
    assert.equal((await run()).code, 1, 'the file lowers the threshold');
    assert.equal((await run('--min-confidence', '0.9')).code, 0, 'the flag wins over the file');
    await assert.rejects(run('--min-confidence', 'high'), (error: Error) => error.name === 'UsageError' && /--min-confidence must be a number from 0 to 1/.test(error.message));
    await writeConfig({ detection: { minimumConfidence: 3 } });
    const badFile = await run();
    assert.equal(badFile.code, 2);
    assert.match(badFile.stderr, /\.secretmanager\.json: detection\.minimumConfidence: must be a number from 0 to 1/);
  });

  it('exits 2 with an error line naming the file and the field of a mistake, before scanning', async () => {
    await write('src/client.ts', `export const client = connect("${acmeToken()}");\n`);
    await writeConfig({ detection: { customPatterns: [{ ...acmePattern, id: 'ACME' }] } });
    let result = await run();
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Error: \.secretmanager\.json detection\.customPatterns: custom pattern "ACME": id must be 2–63 lowercase letters/);
    assert.doesNotMatch(result.stderr, /scanned/);
    await writeConfig('{ "detection": [ }');
    result = await run();
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Error: \.secretmanager\.json is not valid JSON: /);
  });

  it('exits 2 on a pattern that does not compile or backtracks catastrophically, without hanging', async () => {
    await write('src/a.ts', 'export const a = 1;\n');
    await writeConfig({
      detection: {
        customPatterns: [
          { ...acmePattern, id: 'broken', pattern: 'acme_[' },
          { ...acmePattern, id: 'nested', pattern: '(a+)+$' },
          acmePattern,
        ],
      },
    });
    const started = Date.now();
    const result = await run();
    assert.equal(result.code, 2);
    const errors = result.stderr.trim().split('\n');
    assert.equal(errors.length, 2, result.stderr);
    assert.match(errors[0], /^Error: \.secretmanager\.json: Custom pattern "broken": the regular expression does not compile: /);
    assert.match(errors[1], /^Error: \.secretmanager\.json: Custom pattern "nested": the regular expression took longer than 200 ms/);
    assert.ok(Date.now() - started < 10_000);
  });

  it('applies the file at the root given on the command line, on worker threads too (built CLI)', async function () {
    this.timeout(180_000);
    ensureBundlesBuilt();
    await writeConfig({ detection: { customPatterns: [acmePattern] } });
    const expected: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      const token = index % 10 === 0 ? acmeToken() : undefined;
      await write(`src/module-${index}.ts`, `export const id${index} = "${randomText(12)}";\n${token ? `export const t = "${token}";\n` : ''}`);
      if (token) expected.push(`src/module-${index}.ts:2:19 error custom/acme-token`);
    }
    const result = spawnSync(process.execPath, [CLI_BUNDLE, 'scan', '--jobs', '2'], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /on 2 threads/);
    assert.deepEqual(result.stdout.trim().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')), expected.sort());
  });
});
