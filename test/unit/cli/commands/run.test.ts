import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../../src/api/open-store';
import { runCli } from '../../../../src/cli/run';
import { openKeychainEntry } from '../../../../src/core/keychain';
import { environmentWithoutKeychain, makeTemporaryHome } from '../../helpers/temporary-home';
import { CLI_BUNDLE, ensureBundlesBuilt } from '../built-bundles';
import { createMemoryIo } from '../memory-io';

const PASSPHRASE = 'correct horse battery staple for run';
// Assembled at run time, so no literal value sits in the test.
const CANARY = ['canary', 'run', 'Qz7', 'never-shown'].join('-');
const OTHER = ['second', 'canary', 'K9'].join('-');

describe('cli/commands/run', function () {
  this.timeout(60_000);
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let workspace: string;
  let env: NodeJS.ProcessEnv;

  async function run(argv: string[], stdin?: string) {
    const io = createMemoryIo({ env, cwd: workspace, stdin });
    const code = await runCli(argv, io);
    return { code, ...io.output };
  }

  /** `node -e script` as the command to run. */
  function node(script: string): string[] {
    return ['--', process.execPath, '-e', script];
  }

  async function auditText(): Promise<string> {
    const files = await readdir(storeHome.home, { recursive: true });
    const texts = await Promise.all(files.map((file) => readFile(path.join(storeHome.home, String(file)), 'latin1').catch(() => '')));
    return texts.join('\n');
  }

  beforeEach(async () => {
    storeHome = makeTemporaryHome('run-store-');
    workspace = await mkdtemp(path.join(os.tmpdir(), 'run-workspace-'));
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE };
    const store = await openStore({ kind: 'local', env });
    try {
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: CANARY });
      await store.createSecret({ vault: 'api-keys', key: 'github-token', value: OTHER });
    } finally {
      await store.close();
    }
    await writeFile(
      path.join(workspace, '.env'),
      '# local settings\nPORT=8080\nexport STRIPE_KEY="secret-manager://api-keys/stripe-secret-key"\r\nGITHUB_TOKEN=secret-manager://api-keys/github-token # the bot\n',
    );
  });
  afterEach(async () => {
    storeHome.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  it('starts the command with referenced values and plain values in its environment', async () => {
    const script = 'const e = process.env; process.exit(e.STRIPE_KEY === process.argv[1] && e.GITHUB_TOKEN === process.argv[2] && e.PORT === "8080" ? 0 : 5)';
    const result = await run(['run', '--env-file', '.env', '--', process.execPath, '-e', script, CANARY, OTHER]);
    assert.equal(result.code, 0, result.stderr);
  });

  it('passes the exit code through', async () => {
    assert.equal((await run(['run', ...node('process.exit(7)')])).code, 7);
    assert.equal((await run(['run', '--env-file', '.env', ...node('process.exit(0)')])).code, 0);
  });

  it('masks values in stdout and stderr, and a dump of the environment shows none', async () => {
    const result = await run(['run', '--env-file', '.env', ...node('console.log(JSON.stringify(process.env)); console.error("err " + process.env.GITHUB_TOKEN)')]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes(CANARY) && !result.stdout.includes(OTHER));
    assert.ok(!result.stderr.includes(OTHER));
    const dumped = JSON.parse(result.stdout.trim()) as Record<string, string>;
    assert.equal(dumped.STRIPE_KEY, '<concealed by secret-manager>');
    assert.equal(dumped.PORT, '8080');
    assert.match(result.stderr, /err <concealed by secret-manager>/);
  });

  it('masks a value the child writes in two pieces, with a pause between them', async () => {
    const script = 'const v = process.env.STRIPE_KEY; process.stdout.write("a " + v.slice(0, 9)); setTimeout(() => process.stdout.write(v.slice(9) + " b\\n"), 150)';
    const result = await run(['run', '--env', 'STRIPE_KEY=api-keys/stripe-secret-key', ...node(script)]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'a <concealed by secret-manager> b\n');
  });

  it('shows values with --no-masking', async () => {
    const result = await run(['run', '--no-masking', '--env', 'STRIPE_KEY=secret-manager://api-keys/stripe-secret-key', ...node('process.stdout.write(process.env.STRIPE_KEY)')]);
    assert.equal(result.stdout, CANARY);
  });

  it('passes standard input to the command', async () => {
    const result = await run(['run', ...node('process.stdin.pipe(process.stdout)')], 'from stdin\n');
    assert.equal(result.stdout, 'from stdin\n');
  });

  it('refuses to start when a reference does not resolve, naming each, and starts nothing', async () => {
    const marker = path.join(workspace, 'started');
    await writeFile(path.join(workspace, 'more.env'), 'MISSING=secret-manager://api-keys/no-such-key\nALSO=secret-manager://no-vault/stripe-secret-key\n');
    const result = await run(['run', '--env-file', '.env', '--env-file', 'more.env', ...node(`require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`)]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not started: 2 references do not resolve/);
    assert.match(result.stderr, /MISSING \(more\.env:1\) → secret-manager:\/\/api-keys\/no-such-key/);
    assert.match(result.stderr, /ALSO \(more\.env:2\)/);
    await assert.rejects(readFile(marker));
    assert.ok(!result.stderr.includes(CANARY) && !result.stdout.includes(CANARY));
  });

  it('refuses a malformed reference, a bad --env and a missing env file as usage mistakes', async () => {
    await writeFile(path.join(workspace, 'bad.env'), 'KEY=secret-manager://API/x\n');
    const malformed = await run(['run', '--env-file', 'bad.env', ...node('')]);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /bad\.env:1: KEY: "API" is not a valid vault name/);
    const badOption = await run(['run', '--env', 'no-equals', ...node('')]);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--env no-equals: write --env NAME=vault\/key/);
    const missingFile = await run(['run', '--env-file', 'nope.env', ...node('')]);
    assert.match(missingFile.stderr, /Cannot read the env file nope\.env: no such file/);
    const noCommand = await run(['run', '--env-file', '.env']);
    assert.equal(noCommand.code, 2);
    assert.match(noCommand.stderr, /after "--"/);
  });

  it('refuses a store that cannot reveal values before starting anything', async () => {
    const marker = path.join(workspace, 'started');
    env = { ...env, TAILOR_PLATFORM_TOKEN: 'not-a-real-token' };
    const result = await run(['run', '--store', 'tailor', '--workspace-id', '00000000-0000-0000-0000-000000000000', '--env', 'KEY=api-keys/stripe-secret-key', ...node(`require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`)]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot run a command with secret values: the platform never returns secret values/);
    await assert.rejects(readFile(marker));
  });

  it('exits 127 when the command does not exist', async () => {
    const result = await run(['run', '--', path.join(workspace, 'no-such-program')]);
    assert.equal(result.code, 127);
    assert.match(result.stderr, /no such command/);
  });

  it('audits each read as secret.resolve by "run", with no value in the audit log', async () => {
    assert.equal((await run(['run', '--env-file', '.env', ...node('')])).code, 0);
    const audit = await run(['audit', '--json']);
    const records = JSON.parse(audit.stdout) as Array<{ action: string; actor: string; key: string }>;
    const resolved = records.filter((record) => record.action === 'secret.resolve');
    assert.deepEqual(resolved.map((record) => [record.key, record.actor]).sort(), [['github-token', 'run'], ['stripe-secret-key', 'run']]);
    assert.ok(!(await auditText()).includes(CANARY));
  });

  describe('as its own process (dist/cli.js)', () => {
    before(() => ensureBundlesBuilt());

    function start(argv: string[]) {
      const child = spawn(process.execPath, [CLI_BUNDLE, ...argv], { env: { ...env, SECRET_MANAGER_KEYCHAIN: 'off' }, cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
      return { child, exited, output: () => stdout };
    }

    async function waitFor(condition: () => boolean): Promise<void> {
      for (let tries = 0; tries < 200 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(condition(), 'timed out');
    }

    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      it(`forwards ${signal} to the command`, async () => {
        const script = `process.on(${JSON.stringify(signal)}, () => { console.log("got ${signal} " + process.env.STRIPE_KEY); process.exit(42); }); console.log("ready"); setInterval(() => {}, 1000);`;
        const started = start(['run', '--env-file', '.env', '--', process.execPath, '-e', script]);
        await waitFor(() => started.output().includes('ready'));
        started.child.kill(signal);
        const result = await started.exited;
        assert.equal(result.code, 42, result.stderr);
        assert.match(result.stdout, new RegExp(`got ${signal} <concealed by secret-manager>`));
        assert.ok(!result.stdout.includes(CANARY));
      });
    }

    it('passes Ctrl-C in a terminal to the command once, not twice (the terminal interrupts it already)', async function () {
      if (process.platform !== 'linux') this.skip();
      // util-linux's script gives run a terminal; ^C written to it interrupts the terminal's foreground process group.
      const count = `let count = 0; process.on("SIGINT", () => { count += 1; if (count === 1) setTimeout(() => { console.log("interrupts " + count); process.exit(3); }, 400); }); console.log("ready"); setInterval(() => {}, 1000);`;
      // exec: a shell left waiting would die of the same ^C (dash does) and script would report that instead.
      const command = 'exec ' + [process.execPath, CLI_BUNDLE, 'run', '--env-file', '.env', '--', process.execPath, '-e', count].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
      const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...env, SHELL: '/bin/sh', SECRET_MANAGER_KEYCHAIN: 'off' }, cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await waitFor(() => output.includes('ready'));
      child.stdin.write('\u0003');
      const code = await exited;
      child.stdin.destroy();
      assert.match(output, /interrupts 1\b/, output);
      assert.equal(code, 3, output);
    });

    it('exits 128 + the signal number when a signal ends the command', async () => {
      const started = start(['run', '--', process.execPath, '-e', 'console.log("ready"); setInterval(() => {}, 1000);']);
      await waitFor(() => started.output().includes('ready'));
      started.child.kill('SIGTERM');
      assert.equal((await started.exited).code, 128 + os.constants.signals.SIGTERM);
    });

    it("loads run's own bundles, never cli-main.js, and prints run's usage for --help", async () => {
      const cacheFolder = await mkdtemp(path.join(os.tmpdir(), 'run-code-cache-'));
      try {
        const started = spawn(process.execPath, [CLI_BUNDLE, 'run', '--env-file', '.env', ...node('process.exit(process.env.STRIPE_KEY ? 0 : 5)')], {
          env: { ...env, SECRET_MANAGER_KEYCHAIN: 'off', SECRET_MANAGER_CODE_CACHE: cacheFolder },
          cwd: workspace,
          stdio: 'ignore',
        });
        assert.equal(await new Promise((resolve) => started.on('close', resolve)), 0);
        const cached = (await readdir(cacheFolder)).map((entry) => entry.replace(/-[0-9a-f]{32}\.bin$/, '')).sort();
        assert.deepEqual(cached, ['cli-run-main', 'cli-run-resolve']);
        const help = start(['run', '--help']);
        const result = await help.exited;
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /secret-manager run \[--env-file/);
      } finally {
        await rm(cacheFolder, { recursive: true, force: true });
      }
    });

    it('resolves from a store whose master key is in the OS keychain, and audits the read as run', async function () {
      if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
      const keychainHome = makeTemporaryHome('run-keychain-store-');
      const keychainEnv: NodeJS.ProcessEnv = { ...process.env, SECRET_MANAGER_HOME: keychainHome.home };
      delete keychainEnv.SECRET_MANAGER_PASSPHRASE;
      delete keychainEnv.SECRET_MANAGER_KEYCHAIN;
      const store = await openStore({ kind: 'local', env: keychainEnv });
      try {
        assert.equal(store.keySource, 'keychain');
        await store.createVault('api-keys');
        await store.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: CANARY });
        const child = spawn(process.execPath, [CLI_BUNDLE, 'run', '--env-file', '.env', ...node(`process.exit(process.env.STRIPE_KEY === ${JSON.stringify(CANARY)} ? 0 : 5)`)], {
          env: keychainEnv,
          cwd: workspace,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        // GITHUB_TOKEN's secret is not in this store: the refusal names it, and nothing starts.
        assert.equal(await new Promise((resolve) => child.on('close', resolve)), 1);
        assert.match(stderr, /GITHUB_TOKEN/);
        assert.ok(!stderr.includes(CANARY));
        await store.createSecret({ vault: 'api-keys', key: 'github-token', value: OTHER });
        const again = spawn(process.execPath, [CLI_BUNDLE, 'run', '--env-file', '.env', ...node(`process.exit(process.env.STRIPE_KEY === ${JSON.stringify(CANARY)} ? 0 : 5)`)], {
          env: keychainEnv,
          cwd: workspace,
          stdio: 'ignore',
        });
        assert.equal(await new Promise((resolve) => again.on('close', resolve)), 0);
        const records = (await store.readAudit()).filter((record) => record.action === 'secret.resolve');
        // The refused start had read stripe-secret-key already: that read is audited too.
        assert.deepEqual(records.map((record) => [record.key, record.actor]).sort(), [
          ['github-token', 'run'],
          ['stripe-secret-key', 'run'],
          ['stripe-secret-key', 'run'],
        ]);
      } finally {
        const account = JSON.parse(await readFile(path.join(keychainHome.home, 'key.json'), 'utf8')).slots[0].account as string;
        await store.close();
        await openKeychainEntry(account).remove();
        keychainHome.cleanup();
      }
    });

    it('lets the command inherit standard input', async () => {
      const started = start(['run', '--env-file', '.env', '--', process.execPath, '-e', 'process.stdin.pipe(process.stdout)']);
      started.child.stdin.end(`echo ${CANARY}\n`);
      const result = await started.exited;
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'echo <concealed by secret-manager>\n');
    });
  });
});
