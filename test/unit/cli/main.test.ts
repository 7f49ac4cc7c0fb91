import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE, ensureBundlesBuilt } from './built-bundles';

const CANARY = 'canary-process-Hh42-keep-out';

/** The built dist/cli.js, run as its own process with piped (non-terminal) stdin. */
describe('cli/main (dist/cli.js as a process)', function () {
  this.timeout(120_000);
  let home: string;

  before(() => ensureBundlesBuilt());
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-process-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  function run(argv: string[], stdin = '') {
    const env = { ...process.env, SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'process test passphrase', SECRET_MANAGER_KEYCHAIN: 'off' };
    const result = spawnSync(process.execPath, [CLI_BUNDLE, ...argv], { env, input: stdin, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('is an executable script', () => {
    assert.ok(readFileSync(CLI_BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('exits 0 for --help, 2 for a usage mistake', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: secret-manager/);
    const mistake = run(['vault', 'list', '--bogus']);
    assert.equal(mistake.code, 2);
    assert.match(mistake.stderr, /Unknown option '--bogus'/);
    assert.equal(mistake.stdout, '');
  });

  it('creates a secret from piped stdin and prints it only for `secret get`', () => {
    assert.equal(run(['vault', 'create', 'api-keys']).code, 0);
    const created = run(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key', '--json'], `${CANARY}\n`);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).version, 1);
    assert.ok(!created.stdout.includes(CANARY) && !created.stderr.includes(CANARY));

    const got = run(['--json', 'secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-key']);
    assert.equal(got.code, 0, got.stderr);
    assert.equal(JSON.parse(got.stdout).value, CANARY);
    assert.equal(got.stderr, '');

    const listed = run(['secret', 'list', '--vault-name', 'api-keys', '--json']);
    assert.deepEqual(JSON.parse(listed.stdout).map((secret: { name: string }) => secret.name), ['stripe-key']);
    assert.ok(!listed.stdout.includes(CANARY));
  });

  it('refuses to delete without --yes when stdin is a pipe', () => {
    run(['vault', 'create', 'api-keys']);
    const refused = run(['vault', 'delete', 'api-keys'], 'y\n');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Pass --yes/);
    assert.equal(run(['vault', 'delete', 'api-keys', '--yes']).code, 0);
  });

  it('prints exactly one JSON document for status', () => {
    const status = run(['status', '--json']);
    assert.equal(status.code, 0, status.stderr);
    const document = JSON.parse(status.stdout);
    assert.equal(document.keySource, 'passphrase');
    assert.equal(document.home, home);
  });
});
