import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/api/open-store';
import { runCli } from '../../../src/cli/run';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';
import { createMemoryIo } from './memory-io';

const PASSPHRASE = 'correct horse battery staple for check';
const CANARY_VALUE = 'canary-value-7f3a9c1e-never-printed';

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('cli/check', () => {
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let workspace: string;
  let env: NodeJS.ProcessEnv;

  async function run(...argv: string[]): Promise<Captured> {
    const io = createMemoryIo({ env, cwd: workspace });
    const code = await runCli(argv, io);
    return { code, ...io.output };
  }

  async function writeWorkspaceFile(name: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), text);
  }

  beforeEach(async () => {
    storeHome = makeTemporaryHome('check-store-');
    workspace = await mkdtemp(path.join(os.tmpdir(), 'check-workspace-'));
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE };
    const store = await openStore({ kind: 'local', env });
    try {
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: CANARY_VALUE });
      await store.createSecret({ vault: 'api-keys', key: 'github-token', value: `${CANARY_VALUE}-2` });
    } finally {
      await store.close();
    }
    await writeWorkspaceFile(
      'executors/stripe.ts',
      [
        'export default createExecutor({',
        '  name: "stripe-webhook",',
        '  operation: { kind: "webhook", url: () => "https://example.invalid", headers: {',
        '    Authorization: { vault: "api-keys", key: "stripe-secret-key" },',
        '  } },',
        '});',
        '',
      ].join('\n'),
    );
  });

  afterEach(async () => {
    storeHome.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  it('exits 0 when every reference resolves', async () => {
    const result = await run('check');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /1 reference in 1 file checked.*all resolve/);
  });

  it('exits 1 and lists each unresolved reference with file:line:col and a suggestion', async () => {
    const tokenLine = '  const token = await tailor.secretmanager.getSecret("api-keys", "github-tokne");';
    const otherLine = '  const other = await secrets.get("api-kyes", "stripe-secret-key");';
    await writeWorkspaceFile('src/resolvers/sync.ts', ['export async function sync() {', tokenLine, otherLine, '  return [token, other];', '}', ''].join('\n'));
    const keyColumn = tokenLine.indexOf('github-tokne') + 1;
    const vaultColumn = otherLine.indexOf('api-kyes') + 1;
    const result = await run('check');
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines, [
      `src/resolvers/sync.ts:2:${keyColumn} api-keys/github-tokne: Secret "github-tokne" does not exist in vault "api-keys" in Local store. Did you mean "github-token"?`,
      `src/resolvers/sync.ts:3:${vaultColumn} api-kyes/stripe-secret-key: Vault "api-kyes" does not exist in Local store. Did you mean "api-keys"?`,
    ].map((line) => line.replace('Local store', storeLabelIn(result.stdout))));
    assert.match(result.stderr, /3 references in 2 files checked.*2 unresolved/);
    assert.ok(!result.stdout.includes(CANARY_VALUE) && !result.stderr.includes(CANARY_VALUE));
  });

  it('escapes control characters in file names and reference texts from the repository', async () => {
    await writeWorkspaceFile('src/a\u001b]0;retitled\u0007.ts', 'secrets.get("api-keys", "missing\\u001b[2Jone");\n');
    const result = await run('check');
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character but line ends');
    assert.match(result.stdout, /^src\/a\\u001b\]0;retitled\\u0007\.ts:1:/);
  });

  it('prints one JSON document with --json', async () => {
    await writeWorkspaceFile('src/a.ts', 'secrets.getAll("api-keys", ["stripe-secret-key", "missing-one"]);\n');
    const result = await run('check', '--json');
    assert.equal(result.code, 1);
    const document = JSON.parse(result.stdout);
    assert.equal(document.referencesChecked, 3);
    assert.equal(document.filesScanned, 2);
    assert.equal(document.problems.length, 1);
    assert.deepEqual(
      { ...document.problems[0], message: undefined },
      { file: 'src/a.ts', line: 1, column: 'secrets.getAll("api-keys", ["stripe-secret-key", "'.length + 1, vault: 'api-keys', key: 'missing-one', kind: 'missing-key', message: undefined },
    );
    assert.ok(!result.stdout.includes(CANARY_VALUE));
  });

  it('checks only the paths given, and honours .gitignore', async () => {
    await writeWorkspaceFile('generated/x.ts', 'secrets.get("nope-vault", "nope-key");\n');
    await writeWorkspaceFile('node_modules/pkg/index.js', 'secrets.get("nope-vault", "nope-key");\n');
    await writeWorkspaceFile('.gitignore', 'generated/\n');
    assert.equal((await run('check')).code, 0);
    assert.equal((await run('check', 'executors')).code, 0);
    const direct = await run('check', 'generated/x.ts');
    assert.equal(direct.code, 1);
    assert.match(direct.stdout, /^generated\/x\.ts:1:14 nope-vault\/nope-key: Vault "nope-vault" does not exist/);
  });

  it('applies the workspace .gitignore to a subfolder given as a path, and skips huge files', async () => {
    await writeWorkspaceFile('.gitignore', 'src/generated/\n');
    await writeWorkspaceFile('src/generated/x.ts', 'secrets.get("nope-vault", "nope-key");\n');
    await writeWorkspaceFile('src/big.min.js', `secrets.get("nope-vault", "nope-key");${' '.repeat(2 * 1024 * 1024)}`);
    const result = await run('check', 'src');
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stderr, /Skipped src\/big\.min\.js: larger than 2 MiB/);
  });

  it('skips declarations unless --include-declarations', async () => {
    const config = 'defineConfig({ secrets: defineSecretManager({ "new-vault": { "new-key": process.env.X } }) });';
    await writeWorkspaceFile('tailor.config.ts', `${config}\n`);
    assert.equal((await run('check')).code, 0);
    const withDeclarations = await run('check', '--include-declarations');
    assert.equal(withDeclarations.code, 1);
    assert.ok(withDeclarations.stdout.startsWith(`tailor.config.ts:1:${config.indexOf('new-vault') + 1} new-vault/new-key: Vault "new-vault" does not exist`), withDeclarations.stdout);
    assert.match(withDeclarations.stdout, /new-vault\/new-key: Vault "new-vault" does not exist/);
  });

  it('exits 2 on a usage mistake', async () => {
    const missing = await run('check', 'no-such-folder');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or folder: no-such-folder/);
    const unknownOption = await run('check', '--frobnicate');
    assert.equal(unknownOption.code, 2);
  });
});

/** The store's label as the command printed it, so the test does not hard-code another helper's wording. */
function storeLabelIn(stdout: string): string {
  return /does not exist(?: in vault "[^"]*")? in (.*?)\. Did you mean/.exec(stdout)?.[1] ?? 'Local store';
}
