import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { NAME_RULE } from '../../../src/core/model';
import { createMemoryIo } from './memory-io';

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const CANARY = 'canary-Zq7x-NEVER-PRINT-9f3k';

describe('cli/run', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  /** Everything printed so far, except `secret get`'s stdout, for the canary check. */
  let printed: string;

  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-cli-'));
    env = { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'cli test passphrase', SECRET_MANAGER_KEYCHAIN: 'off', HOME: home };
    printed = '';
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  async function cli(argv: string[], options: { stdin?: string; terminal?: boolean } = {}): Promise<CliResult> {
    const io = createMemoryIo({ ...options, env });
    const code = await runCli(argv, io);
    const isReveal = argv.includes('get');
    printed += `${isReveal ? '' : io.output.stdout}${io.output.stderr}`;
    return { code, ...io.output };
  }

  async function json(argv: string[], options: { stdin?: string } = {}): Promise<unknown> {
    const result = await cli([...argv, '--json'], options);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout);
  }

  async function createVaultAndSecret(value = CANARY): Promise<void> {
    assert.equal((await cli(['vault', 'create', 'api-keys'])).code, 0);
    const created = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key', '--description', 'Stripe'], {
      stdin: `${value}\n`,
    });
    assert.equal(created.code, 0, created.stderr);
  }

  describe('help and usage errors', () => {
    it('prints the top usage for --help, -h and help, with exit 0', async () => {
      for (const argv of [['--help'], ['-h'], ['help']]) {
        const result = await cli(argv);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /^Usage: secret-manager \[global options\] <command>/);
        assert.match(result.stdout, /--store local\|tailor/);
        assert.equal(result.stderr, '');
      }
    });

    const commands = [
      'vault create', 'vault list', 'vault delete',
      'secret create', 'secret update', 'secret list', 'secret get', 'secret versions', 'secret rollback', 'secret delete',
      'audit', 'status', 'scan', 'check',
    ];
    for (const command of commands) {
      it(`prints the usage of "${command} --help"`, async () => {
        const result = await cli([...command.split(' '), '--help']);
        assert.equal(result.code, 0);
        assert.ok(result.stdout.startsWith(`Usage: secret-manager ${command}`), result.stdout);
      });
    }

    it('prints the usage of what "help" names', async () => {
      const command = await cli(['help', 'secret', 'update']);
      assert.equal(command.code, 0);
      assert.ok(command.stdout.startsWith('Usage: secret-manager secret update'), command.stdout);
      const group = await cli(['help', 'vault']);
      assert.match(group.stdout, /secret-manager vault delete <name> \[--yes\]/);
      const unknown = await cli(['help', 'vaults']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /Unknown command "vaults"/);
    });

    it('prints a group usage for "secret -h"', async () => {
      const result = await cli(['secret', '-h']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /secret-manager secret rollback --vault-name V --name N --version K \[--expected-version C\]/);
    });

    const mistakes: Array<[string[], RegExp]> = [
      [[], /No command given/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['vault'], /vault needs a subcommand/],
      [['vault', 'rename'], /Unknown command "vault rename"/],
      [['vault', 'list', '--bogus'], /Unknown option '--bogus'/],
      [['--bogus', 'vault', 'list'], /Unknown option '--bogus'/],
      [['vault', 'create'], /vault create needs a name/],
      [['secret', 'get', '--vault-name', 'api-keys'], /secret get needs --name/],
      [['secret', 'rollback', '--vault-name', 'api-keys', '--name', 'abc', '--version', 'two'], /--version must be a positive whole number/],
      [['audit', '--limit', '0'], /--limit must be a positive whole number/],
      [['--store', 'cloud', 'status'], /--store must be "local", "tailor" or "workos"/],
      [['constructor'], /Unknown command "constructor"/],
      [['vault', 'toString'], /Unknown command "vault toString"/],
      [['help', '__proto__'], /Unknown command "__proto__"/],
      [['vault', 'list', '--toString'], /Unknown option '--toString'/],
      [['--profile', 'staging', 'status'], /only apply with --store tailor/],
    ];
    for (const [argv, message] of mistakes) {
      it(`exits 2 with the usage on stderr for: ${argv.join(' ') || '(nothing)'}`, async () => {
        const result = await cli(argv);
        assert.equal(result.code, 2);
        assert.match(result.stderr, message);
        assert.match(result.stderr, /Usage:/);
        assert.equal(result.stdout, '');
      });
    }

    it('prints a usage error document with --json, still exiting 2', async () => {
      const result = await cli(['vault', 'list', '--bogus', '--json']);
      assert.equal(result.code, 2);
      assert.equal(JSON.parse(result.stdout).error.code, 'usage');
    });
  });

  describe('vault', () => {
    it('creates, lists and deletes vaults, noting the store and key source on stderr', async () => {
      const created = await cli(['vault', 'create', 'api-keys']);
      assert.equal(created.code, 0, created.stderr);
      assert.equal(created.stdout, 'Created vault api-keys.\n');
      assert.ok(created.stderr.includes(home), created.stderr);
      assert.match(created.stderr, /master key from a passphrase/);

      const listed = await cli(['vault', 'list']);
      assert.equal(listed.code, 0);
      assert.match(listed.stdout, /^NAME\s+SECRETS\s+CREATED\s+UPDATED\napi-keys\s+0\s+just now\s+just now\n$/);

      const deleted = await cli(['vault', 'delete', 'api-keys', '--yes']);
      assert.equal(deleted.code, 0, deleted.stderr);
      assert.deepEqual(await json(['vault', 'list']), []);
    });

    it('prints vault metadata as JSON', async () => {
      const vault = (await json(['vault', 'create', 'db-creds'])) as Record<string, unknown>;
      assert.equal(vault.name, 'db-creds');
      const vaults = (await json(['vault', 'list'])) as Array<Record<string, unknown>>;
      assert.equal(vaults.length, 1);
      assert.equal(vaults[0]!.name, 'db-creds');
      assert.ok(!Number.isNaN(Date.parse(String(vaults[0]!.createdAt))));
      assert.ok(!Number.isNaN(Date.parse(String(vaults[0]!.updatedAt))));
      assert.deepEqual(await json(['vault', 'delete', 'db-creds', '--yes']), { deleted: { vault: 'db-creds' } });
    });

    for (const [name, reason] of [['API-keys', 'uppercase'], ['ab', 'too short'], ['api_keys', 'contains "_"']]) {
      it(`refuses the bad name "${name}" with the rule, exit 1`, async () => {
        const result = await cli(['vault', 'create', name]);
        assert.equal(result.code, 1);
        assert.ok(result.stderr.includes(reason), result.stderr);
        assert.ok(result.stderr.includes(NAME_RULE), result.stderr);
      });
    }

    it('suggests the closest vault or secret when one is not found, as the editor and check do', async () => {
      await cli(['vault', 'create', 'api-keys']);
      await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key', '--value-stdin'], { stdin: 'value-for-suggestions' });
      const missingVault = await cli(['secret', 'list', '--vault-name', 'api-kyes']);
      assert.equal(missingVault.code, 1);
      assert.match(missingVault.stderr, /Vault "api-kyes" was not found\. Did you mean "api-keys"\?/);
      const missingSecret = await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-kye']);
      assert.equal(missingSecret.code, 1);
      assert.match(missingSecret.stderr, /api-keys\/stripe-kye was not found\. Did you mean "stripe-key"\?/);
      const nothingClose = await cli(['vault', 'delete', 'unrelated-name', '--yes']);
      assert.equal(nothingClose.code, 1);
      assert.doesNotMatch(nothingClose.stderr, /Did you mean/);
    });

    it('refuses to delete without --yes when stdin is not a terminal, and keeps the vault', async () => {
      await cli(['vault', 'create', 'api-keys']);
      const refused = await cli(['vault', 'delete', 'api-keys'], { stdin: 'y\n', terminal: false });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /not a terminal/);
      assert.match(refused.stderr, /Pass --yes/);
      assert.equal((await json(['vault', 'list']) as unknown[]).length, 1);
    });

    it('asks on a terminal and deletes on "y", keeps on "n"', async () => {
      await cli(['vault', 'create', 'api-keys']);
      const kept = await cli(['vault', 'delete', 'api-keys'], { stdin: 'n\n', terminal: true });
      assert.equal(kept.code, 1);
      assert.match(kept.stderr, /Delete vault api-keys\? \[y\/N\] /);
      assert.equal((await json(['vault', 'list']) as unknown[]).length, 1);
      const deleted = await cli(['vault', 'delete', 'api-keys'], { stdin: 'y\n', terminal: true });
      assert.equal(deleted.code, 0, deleted.stderr);
      assert.equal((await json(['vault', 'list']) as unknown[]).length, 0);
    });

    it('refuses to delete a vault that holds secrets, saying how many', async () => {
      await createVaultAndSecret();
      const result = await cli(['vault', 'delete', 'api-keys', '--yes', '--json']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /still holds 1 secret\./);
      assert.equal(JSON.parse(result.stdout).error.code, 'vault-not-empty');
    });

    it('refuses a duplicate vault', async () => {
      await cli(['vault', 'create', 'api-keys']);
      const result = await cli(['vault', 'create', 'api-keys']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /already exists/);
    });
  });

  describe('secret', () => {
    it('creates from piped stdin and gets the value back exactly', async () => {
      await createVaultAndSecret();
      const got = await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-key']);
      assert.equal(got.code, 0, got.stderr);
      assert.equal(got.stdout, `${CANARY}\n`);
      const document = (await json(['secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-key'])) as Record<string, unknown>;
      assert.deepEqual(document, { vault: 'api-keys', name: 'stripe-key', value: CANARY });
    });

    it('creates with --value-stdin and with --value (warning about shell history)', async () => {
      await cli(['vault', 'create', 'api-keys']);
      const fromStdin = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'one-key', '--value-stdin'], {
        stdin: 'first value\n',
      });
      assert.equal(fromStdin.code, 0, fromStdin.stderr);
      const fromArgument = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'two-key', '--value', 'second value']);
      assert.equal(fromArgument.code, 0, fromArgument.stderr);
      assert.match(fromArgument.stderr, /shell history/);
      assert.equal((await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'one-key'])).stdout, 'first value\n');
      assert.equal((await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'two-key'])).stdout, 'second value\n');
    });

    it('refuses an empty value and a missing vault', async () => {
      await cli(['vault', 'create', 'api-keys']);
      const empty = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'abc'], { stdin: '\n' });
      assert.equal(empty.code, 1);
      assert.match(empty.stderr, /The secret value is empty/);
      const missing = await cli(['secret', 'create', '--vault-name', 'no-vault', '--name', 'abc'], { stdin: 'x' });
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /no-vault/);
    });

    it('refuses a bad secret name with the rule', async () => {
      const result = await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'Stripe_Key']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /Invalid secret name "Stripe_Key"/);
      assert.ok(result.stderr.includes(NAME_RULE));
    });

    it('lists metadata, never values, as a table and as JSON', async () => {
      await createVaultAndSecret();
      const table = await cli(['secret', 'list', '--vault-name', 'api-keys']);
      assert.equal(table.code, 0);
      assert.match(table.stdout, /^NAME\s+VERSION\s+CREATED\s+UPDATED\s+AGE\s+DESCRIPTION\nstripe-key\s+1\s+just now\s+just now\s+0d\s+Stripe\n$/);
      const secrets = (await json(['secret', 'list', '--vault-name', 'api-keys'])) as Array<Record<string, unknown>>;
      assert.equal(secrets.length, 1);
      const [secret] = secrets;
      assert.equal(secret!.name, 'stripe-key');
      assert.equal(secret!.version, 1);
      assert.equal(secret!.description, 'Stripe');
      assert.ok(typeof secret!.createdAt === 'string' && typeof secret!.updatedAt === 'string');
      assert.ok(!('value' in secret!));
    });

    it('updates, refuses a stale --expected-version, lists versions and rolls back', async () => {
      await createVaultAndSecret('value-one');
      const reference = ['--vault-name', 'api-keys', '--name', 'stripe-key'];
      const updated = (await json(['secret', 'update', ...reference, '--expected-version', '1'], { stdin: 'value-two' })) as Record<string, unknown>;
      assert.equal(updated.version, 2);

      const stale = await cli(['secret', 'update', ...reference, '--expected-version', '1', '--json'], { stdin: 'value-three' });
      assert.equal(stale.code, 1);
      assert.equal(JSON.parse(stale.stdout).error.code, 'conflict');
      assert.match(stale.stderr, /not the expected version 1/);
      assert.equal((await cli(['secret', 'get', ...reference])).stdout, 'value-two\n');

      const versions = (await json(['secret', 'versions', ...reference])) as Array<Record<string, unknown>>;
      assert.deepEqual(versions.map((version) => [version.version, version.current]), [[2, true], [1, false]]);

      const staleRollback = await cli(['secret', 'rollback', ...reference, '--version', '1', '--expected-version', '1']);
      assert.equal(staleRollback.code, 1);
      assert.match(staleRollback.stderr, /is at version 2, not the expected version 1/);

      const rolledBack = await cli(['secret', 'rollback', ...reference, '--version', '1', '--expected-version', '2']);
      assert.equal(rolledBack.code, 0, rolledBack.stderr);
      assert.match(rolledBack.stdout, /back to version 1, as version 3/);
      assert.equal((await cli(['secret', 'get', ...reference])).stdout, 'value-one\n');
      const table = await cli(['secret', 'versions', ...reference]);
      assert.match(table.stdout, /^VERSION\s+CREATED\s+CURRENT\s+NOTE\n3\s+just now\s+yes\s+restores version 1\n2\s+just now\n1\s+just now\n$/);
    });

    it('deletes only with --yes when stdin is not a terminal', async () => {
      await createVaultAndSecret();
      const reference = ['--vault-name', 'api-keys', '--name', 'stripe-key'];
      const refused = await cli(['secret', 'delete', ...reference]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Refusing to delete secret api-keys\/stripe-key/);
      assert.equal((await json(['secret', 'list', '--vault-name', 'api-keys']) as unknown[]).length, 1);
      assert.deepEqual(await json(['secret', 'delete', ...reference, '--yes']), { deleted: { vault: 'api-keys', name: 'stripe-key' } });
      const gone = await cli(['secret', 'get', ...reference]);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /not found/);
    });
  });

  describe('audit and status', () => {
    it('refuses a negative --limit with its own message, not the argument parser\'s', async () => {
      for (const limit of ['-3', '0', 'ten']) {
        const result = await cli(['audit', '--limit', limit]);
        assert.equal(result.code, 2);
        assert.match(result.stderr, new RegExp(`^secret-manager: --limit must be a positive whole number, not "${limit}"\\.`));
      }
    });

    it('shows the audit trail, filtered and limited, with reveals recorded', async () => {
      await createVaultAndSecret();
      await cli(['vault', 'create', 'other-vault']);
      await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-key']);
      const all = (await json(['audit'])) as Array<Record<string, unknown>>;
      assert.deepEqual(all.map((record) => record.action), ['vault.create', 'secret.create', 'vault.create', 'secret.reveal']);
      for (const record of all) {
        assert.ok(typeof record.actor === 'string' && typeof record.time === 'string');
      }
      const filtered = (await json(['audit', '--vault-name', 'api-keys'])) as Array<Record<string, unknown>>;
      assert.ok(filtered.length === 3 && filtered.every((record) => record.vault === 'api-keys'));
      const limited = (await json(['audit', '--limit', '2'])) as Array<Record<string, unknown>>;
      assert.deepEqual(limited.map((record) => record.action), ['vault.create', 'secret.reveal']);
      const table = await cli(['audit', '--vault-name', 'api-keys']);
      assert.match(table.stdout, /^TIME\s+ACTOR\s+ACTION\s+TARGET\s+VERSION\n/);
      assert.match(table.stdout, /secret\.reveal\s+api-keys\/stripe-key\s+1\n$/);
    });

    it('notes audit log lines it could not read, on stderr, and still prints the rest as one JSON document', async () => {
      await createVaultAndSecret();
      appendFileSync(path.join(home, 'audit.jsonl'), 'garbage{\n');
      const result = await cli(['audit', '--json']);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual((JSON.parse(result.stdout) as Array<{ action: string }>).map((record) => record.action), ['vault.create', 'secret.create']);
      assert.match(result.stderr, /^Note: 1 line of the audit log .*audit\.jsonl could not be read and was left out/);
    });

    it('warns on writes and in status when the store sits in a git working tree, and only then', async () => {
      const clean = await cli(['vault', 'create', 'api-keys']);
      assert.doesNotMatch(clean.stderr, /Warning/);
      assert.doesNotMatch((await cli(['status'])).stderr, /Warning/);
      const workTree = path.join(home, 'project');
      mkdirSync(path.join(workTree, '.git'), { recursive: true });
      env = { ...env, SECRET_MANAGER_HOME: path.join(workTree, 'config', 'secret-store') };
      const inside = await cli(['vault', 'create', 'api-keys']);
      assert.equal(inside.code, 0, inside.stderr);
      assert.ok(inside.stderr.includes(`Warning: the local store is inside the git working tree ${workTree}, so its encrypted files can be committed.`), inside.stderr);
      const status = await cli(['status']);
      assert.match(status.stderr, /^Warning: the local store is inside the git working tree .*SECRET_MANAGER_HOME/);
      assert.match(status.stdout, /^Store:/, 'the warning stays off stdout');
    });

    it('does not warn when the working tree ignores the store folder (as .demo/ is)', async () => {
      const workTree = path.join(home, 'ignoring-project');
      mkdirSync(workTree, { recursive: true });
      assert.equal(spawnSync('git', ['init', '-q', workTree]).status, 0);
      writeFileSync(path.join(workTree, '.gitignore'), '.demo/\n');
      env = { ...env, SECRET_MANAGER_HOME: path.join(workTree, '.demo', 'home') };
      const ignored = await cli(['vault', 'create', 'api-keys']);
      assert.equal(ignored.code, 0, ignored.stderr);
      assert.doesNotMatch(ignored.stderr, /Warning/);
      env = { ...env, SECRET_MANAGER_HOME: path.join(workTree, 'kept', 'home') };
      const committable = await cli(['vault', 'create', 'api-keys']);
      assert.match(committable.stderr, /Warning: the local store is inside the git working tree/, 'a folder the .gitignore leaves in is still warned about');
    });

    it('refuses a store folder others can write to, and status --fix-permissions repairs it', async () => {
      await cli(['vault', 'create', 'api-keys']);
      chmodSync(home, 0o777);
      const refused = await cli(['vault', 'list']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /The store folder .* is writable by other users \(mode 0777\)/);
      assert.match(refused.stderr, /secret-manager status --fix-permissions/);
      const repaired = await cli(['status', '--fix-permissions']);
      assert.equal(repaired.code, 0, repaired.stderr);
      assert.match(repaired.stderr, /Made 1 entry private \(folders 0700, files 0600\)/);
      assert.equal(statSync(home).mode & 0o777, 0o700);
      assert.equal((await cli(['vault', 'list'])).code, 0);
    });

    it('reports the store, home, key source and counts', async () => {
      await createVaultAndSecret();
      const status = (await json(['status'])) as Record<string, unknown>;
      assert.deepEqual(status.store, { id: 'local', label: 'Local store', kind: 'local' });
      assert.equal(status.home, home);
      assert.equal(status.keySource, 'passphrase');
      assert.equal(status.vaults, 1);
      assert.equal(status.secrets, 1);
      assert.deepEqual(status.capabilities, { reveal: true, versions: true, rollback: true, metadata: true, audit: true });
      const text = await cli(['status']);
      assert.match(text.stdout, /^Store:\s+Local store \(local\)\n/);
      assert.ok(text.stdout.includes(`Home:        ${home}\n`), text.stdout);
      assert.match(text.stdout, /Master key:\s+from a passphrase \(SECRET_MANAGER_PASSPHRASE\)\n/);
      assert.match(text.stdout, /Vaults:\s+1\nSecrets:\s+1\n/);
    });

    it('uses the OS keychain when there is one and no passphrase, and says so', async function () {
      if (process.env.SECRET_MANAGER_TEST_KEYRING !== '1') this.skip();
      env = { SECRET_MANAGER_HOME: home, HOME: home };
      const created = await cli(['vault', 'create', 'api-keys']);
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stderr, /master key from the OS keychain\.\n$/);
      const status = (await json(['status'])) as Record<string, unknown>;
      assert.equal(status.keySource, 'keychain');
      assert.match((await cli(['status'])).stdout, /Master key:\s+from the OS keychain\n/);
    });

    it('says what to do when there is neither a keychain nor a passphrase', async () => {
      env = { SECRET_MANAGER_HOME: home, HOME: home, SECRET_MANAGER_KEYCHAIN: 'off' };
      const result = await cli(['vault', 'list']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /Hint: Set SECRET_MANAGER_PASSPHRASE/);
    });

    it('refuses a bad SECRET_MANAGER_KEYCHAIN', async () => {
      env = { ...env, SECRET_MANAGER_KEYCHAIN: 'sometimes' };
      const result = await cli(['vault', 'list']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /SECRET_MANAGER_KEYCHAIN must be "auto" or "off", not "sometimes"/);
    });

    it('fails clearly with a wrong passphrase', async () => {
      await cli(['vault', 'create', 'api-keys']);
      env = { ...env, SECRET_MANAGER_PASSPHRASE: 'not the passphrase' };
      const result = await cli(['vault', 'list']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /passphrase does not unlock/);
      assert.match(result.stderr, /Hint: /);
    });
  });

  describe('the Tailor store', () => {
    it('fails with a clear message and exit 1 when it cannot connect', async () => {
      const result = await cli(['--store', 'tailor', 'vault', 'list'], {});
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^Error: \S/);
      assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
    });
  });

  it('never prints the value anywhere but `secret get`', async () => {
    await createVaultAndSecret();
    const reference = ['--vault-name', 'api-keys', '--name', 'stripe-key'];
    const commands = [
      ['vault', 'list'], ['vault', 'list', '--json'],
      ['secret', 'list', '--vault-name', 'api-keys'], ['secret', 'list', '--vault-name', 'api-keys', '--json'],
      ['secret', 'versions', ...reference], ['secret', 'versions', ...reference, '--json'],
      ['audit'], ['audit', '--json'], ['status'], ['status', '--json'],
      ['secret', 'create', ...reference], ['secret', 'create', ...reference, '--json'],
      ['secret', 'update', ...reference, '--expected-version', '7'],
      ['secret', 'create', '--vault-name', 'no-vault', '--name', 'abc'],
      ['secret', 'create', '--vault-name', 'api-keys', '--name', 'Bad_Name'],
    ];
    for (const argv of commands) {
      const needsValue = argv[1] === 'create' || argv[1] === 'update';
      await cli(argv, needsValue ? { stdin: CANARY } : {});
    }
    await cli(['secret', 'update', ...reference, '--value', CANARY]);
    await cli(['secret', 'create', ...reference, '--value', `-${CANARY}`]);
    await cli(['secret', 'rollback', ...reference, '--version', '1']);
    assert.ok(printed.length > 1000, 'the commands printed something');
    assert.ok(!printed.includes(CANARY), 'the canary leaked');
    assert.ok(!printed.includes(CANARY.slice(0, 12)), 'part of the canary leaked');
  });
});
