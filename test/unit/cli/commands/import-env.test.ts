import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../../src/api/open-store';
import { runCli } from '../../../../src/cli/run';
import { environmentWithoutKeychain, makeTemporaryHome } from '../../helpers/temporary-home';
import { fake } from '../../core/detect/fake-credentials';
import { CLI_BUNDLE, ensureBundlesBuilt } from '../built-bundles';
import { createMemoryIo } from '../memory-io';

const PASSPHRASE = 'correct horse battery staple for import';

describe('cli/commands/import-env', function () {
  this.timeout(60_000);
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let workspace: string;
  let env: NodeJS.ProcessEnv;
  let stripeKey: string;
  let githubToken: string;
  let original: string;

  async function run(...argv: string[]) {
    const io = createMemoryIo({ env, cwd: workspace });
    const code = await runCli(argv, io);
    return { code, ...io.output };
  }

  async function storedValue(vault: string, key: string): Promise<string> {
    const store = await openStore({ kind: 'local', env });
    try {
      return await store.revealSecret({ vault, key });
    } finally {
      await store.close();
    }
  }

  const envFile = () => path.join(workspace, '.env');

  beforeEach(async () => {
    storeHome = makeTemporaryHome('import-store-');
    workspace = await mkdtemp(path.join(os.tmpdir(), 'import-workspace-'));
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE };
    stripeKey = fake.stripeLive();
    githubToken = fake.githubToken();
    original = `# payments\r\nPORT=8080\r\nexport STRIPE_SECRET_KEY="${stripeKey}"\r\nGITHUB_TOKEN=${githubToken} # the bot\r\nALREADY=secret-manager://app-secrets/other-key\r\n`;
    await writeFile(envFile(), original, { mode: 0o600 });
  });
  afterEach(async () => {
    storeHome.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  it('moves the credentials into the vault and leaves references, keeping everything else', async () => {
    const result = await run('import-env', '.env', '--vault', 'app-secrets');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      await readFile(envFile(), 'utf8'),
      '# payments\r\nPORT=8080\r\nexport STRIPE_SECRET_KEY="secret-manager://app-secrets/stripe-secret-key"\r\nGITHUB_TOKEN=secret-manager://app-secrets/github-token # the bot\r\nALREADY=secret-manager://app-secrets/other-key\r\n',
    );
    assert.equal(await storedValue('app-secrets', 'stripe-secret-key'), stripeKey);
    assert.equal(await storedValue('app-secrets', 'github-token'), githubToken);
    const shown = result.stdout + result.stderr;
    assert.ok(!shown.includes(stripeKey) && !shown.includes(githubToken), 'no value in the output');
    assert.match(result.stdout, /STRIPE_SECRET_KEY \(line 3\) → secret-manager:\/\/app-secrets\/stripe-secret-key/);
  });

  it('changes nothing when run a second time', async () => {
    assert.equal((await run('import-env', '.env', '--vault', 'app-secrets')).code, 0);
    const after = await readFile(envFile(), 'utf8');
    const again = await run('import-env', '.env', '--vault', 'app-secrets');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /Nothing to import/);
    assert.equal(await readFile(envFile(), 'utf8'), after);
  });

  it('points a copy of an imported file at the secrets that already hold its values, creating no second copy', async () => {
    await writeFile(path.join(workspace, '.env.copy'), original);
    assert.equal((await run('import-env', '.env', '--vault', 'app-secrets')).code, 0);
    const otherToken = fake.githubToken();
    await writeFile(path.join(workspace, '.env.copy'), original.replace(githubToken, otherToken));
    const again = await run('import-env', '.env.copy', '--vault', 'app-secrets');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /STRIPE_SECRET_KEY \(line 3\) → secret-manager:\/\/app-secrets\/stripe-secret-key \(already holds this value\)/);
    assert.match(again.stdout, /GITHUB_TOKEN \(line 4\) → secret-manager:\/\/app-secrets\/github-token-2\n/);
    assert.match(again.stderr, /Moved 2 values from \.env\.copy into vault app-secrets \(1 already in it, not copied again\)/);
    const store = await openStore({ kind: 'local', env });
    try {
      assert.deepEqual((await store.listSecrets('app-secrets')).map((secret) => secret.name).sort(), ['github-token', 'github-token-2', 'stripe-secret-key']);
    } finally {
      await store.close();
    }
    assert.equal(await storedValue('app-secrets', 'github-token-2'), otherToken);
    assert.ok(!(again.stdout + again.stderr).includes(stripeKey));
  });

  it('prints what would change with --dry-run, never a value, and changes nothing', async () => {
    const result = await run('import-env', '.env', '--vault', 'app-secrets', '--dry-run');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /GITHUB_TOKEN \(line 4\) → secret-manager:\/\/app-secrets\/github-token/);
    assert.ok(!(result.stdout + result.stderr).includes(stripeKey));
    assert.equal(await readFile(envFile(), 'utf8'), original);
    const store = await openStore({ kind: 'local', env });
    try {
      assert.deepEqual(await store.listVaults(), []);
    } finally {
      await store.close();
    }
  });

  it('leaves the file as it was when it fails part way, and lists the secrets already created', async () => {
    // The rewritten file is written beside the original first; a file already in that place makes the write fail.
    await writeFile(path.join(workspace, `..env.secret-manager-${process.pid}`), 'in the way');
    const result = await run('import-env', '.env', '--vault', 'app-secrets');
    assert.equal(result.code, 1);
    assert.equal(await readFile(envFile(), 'utf8'), original);
    assert.match(result.stderr, /the import stopped/);
    assert.match(result.stderr, /\.env was left as it was\. Secrets already created:\n {2}secret-manager:\/\/app-secrets\/stripe-secret-key\n {2}secret-manager:\/\/app-secrets\/github-token/);
    assert.ok(!result.stderr.includes(stripeKey));
  });

  it('leaves the file whole when the process is killed while it imports', async () => {
    ensureBundlesBuilt();
    const tokens = Array.from({ length: 12 }, () => fake.stripeLive());
    const text = `# many\n${tokens.map((token, index) => `KEY_${index}_SECRET_KEY="${token}"`).join('\n')}\n`;
    await writeFile(envFile(), text);
    const child = spawn(process.execPath, [CLI_BUNDLE, 'import-env', '.env', '--vault', 'app-secrets'], { cwd: workspace, env: { ...env, SECRET_MANAGER_KEYCHAIN: 'off' } });
    // Killed as soon as it starts writing to the store: some secrets are created, the file is not rewritten yet.
    child.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Using the local store')) setTimeout(() => child.kill('SIGKILL'), 30);
    });
    await new Promise((resolve) => child.on('close', resolve));
    const after = await readFile(envFile(), 'utf8');
    const complete = after.includes('secret-manager://');
    if (complete) {
      assert.ok(tokens.every((token) => !after.includes(token)), 'a rewritten file holds every reference');
    } else {
      assert.equal(after, text, 'an unfinished import leaves the file as it was');
    }
  });

  it('names a taken secret uniquely instead of replacing it', async () => {
    const store = await openStore({ kind: 'local', env });
    try {
      await store.createVault('app-secrets');
      await store.createSecret({ vault: 'app-secrets', key: 'github-token', value: 'kept-as-it-was' });
    } finally {
      await store.close();
    }
    assert.equal((await run('import-env', '.env', '--vault', 'app-secrets')).code, 0);
    assert.match(await readFile(envFile(), 'utf8'), /GITHUB_TOKEN=secret-manager:\/\/app-secrets\/github-token-2 # the bot/);
    assert.equal(await storedValue('app-secrets', 'github-token'), 'kept-as-it-was');
  });

  it('refuses a missing file, a missing --vault and a bad vault name', async () => {
    assert.match((await run('import-env', 'nope.env', '--vault', 'app-secrets')).stderr, /Cannot read nope\.env: no such file/);
    assert.equal((await run('import-env', '.env')).code, 2);
    assert.match((await run('import-env', '.env', '--vault', 'Bad_Name')).stderr, /Invalid vault name/);
  });
});
