import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCommandHandlers } from '../../../src/cli/load-command';
import { CLI_BUNDLE, ensureBundlesBuilt, REPOSITORY } from './built-bundles';

describe('cli/load-command', function () {
  this.timeout(120_000);

  it('loads a command module from the sources when no bundle sits beside it', () => {
    const vault = loadCommandHandlers('vault', 'vaultCommands');
    assert.deepEqual(Object.keys(vault).sort(), ['create', 'delete', 'list']);
    const audit = loadCommandHandlers('audit', 'auditCommand');
    assert.deepEqual(Object.keys(audit), ['audit']);
    assert.equal(typeof audit.audit, 'function');
  });

  describe('the built CLI, whose commands are bundles of their own', () => {
    let home: string;
    before(() => ensureBundlesBuilt());
    beforeEach(() => {
      home = mkdtempSync(path.join(tmpdir(), 'load-command-'));
    });
    afterEach(() => rmSync(home, { recursive: true, force: true }));

    const run = (...argv: string[]) => {
      const env = { ...process.env, SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'load command test passphrase', SECRET_MANAGER_KEYCHAIN: 'off' };
      return spawnSync(process.execPath, [CLI_BUNDLE, ...argv], { env, encoding: 'utf8', timeout: 60_000 });
    };

    it('ships one bundle per command beside cli-main.js, and keeps scan inside cli-main.js', () => {
      for (const name of ['main', 'vault', 'secret', 'audit', 'status', 'check', 'executors']) assert.ok(existsSync(path.join(REPOSITORY, 'dist', `cli-${name}.js`)), name);
      assert.ok(!existsSync(path.join(REPOSITORY, 'dist', 'cli-scan.js')));
      assert.match(readFileSync(path.join(REPOSITORY, 'dist', 'cli-main.js'), 'utf8'), /scanCommand/);
    });

    it("reports a command bundle's own SecretManagerError as one (exit 1, its code), not as an unexpected failure", () => {
      const result = run('vault', 'create', 'Not_A_Name', '--json');
      assert.equal(result.status, 1, result.stderr);
      assert.equal(JSON.parse(result.stdout).error.code, 'invalid-input');
      assert.match(result.stderr, /^Error: /);
      assert.doesNotMatch(result.stderr, /unexpected failure/);
    });

    it("reports a command bundle's own UsageError with the command's usage (exit 2)", () => {
      const result = run('secret', 'create', '--bogus');
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Unknown option '--bogus'/);
      assert.match(result.stderr, /Usage: secret-manager secret create/);
    });
  });
});
