import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codeCacheDirectory, requireWithCodeCache } from '../../../src/cli/code-cache';
import { CLI_BUNDLE, ensureBundlesBuilt } from './built-bundles';

describe('cli/code-cache', function () {
  this.timeout(120_000);
  let folder: string;
  let cacheFolder: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'secret-manager-code-cache-'));
    cacheFolder = path.join(folder, 'cache');
    env = { SECRET_MANAGER_CODE_CACHE: cacheFolder };
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** A CommonJS bundle of our own, loaded fresh each time (Node's require cache forgets it). */
  function writeBundle(name: string, text: string): string {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    delete require.cache[file];
    return file;
  }

  function load(file: string) {
    delete require.cache[file];
    return requireWithCodeCache(file, env);
  }

  /**
   * Loads the bundle in a fresh process, as the CLI does: within one process V8 keeps what it
   * compiled, so only a new process shows whether the cache on disk was used.
   */
  function loadInNewProcess(file: string): { usedCodeCache: boolean; twiceOfTwo: number } {
    const program = [
      `const { requireWithCodeCache } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/cli/code-cache.ts'))});`,
      `const loaded = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(env)});`,
      'loaded.saveCodeCache();',
      'console.log(JSON.stringify({ usedCodeCache: loaded.usedCodeCache, twiceOfTwo: loaded.exports.twice(2) }));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['-r', path.resolve(__dirname, '../register.cjs'), '-e', program], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { usedCodeCache: boolean; twiceOfTwo: number };
  }

  const BUNDLE = [
    '#!/usr/bin/env node',
    'const path = require("node:path");',
    'function twice(value) { return value * 2; }',
    'module.exports = { twice, folder: path.basename(__dirname), same: module === require.cache[__filename] };',
  ].join('\n');

  describe('codeCacheDirectory', () => {
    it('is off with "off", a folder of its own when given, else the platform cache folder', () => {
      assert.equal(codeCacheDirectory({ SECRET_MANAGER_CODE_CACHE: 'off' }, 'linux', '/home/ada'), undefined);
      assert.equal(codeCacheDirectory({ SECRET_MANAGER_CODE_CACHE: '/var/cache/sm' }, 'linux', '/home/ada'), path.resolve('/var/cache/sm'));
      assert.equal(codeCacheDirectory({}, 'linux', '/home/ada'), path.join('/home/ada/.cache/secret-manager/code-cache'));
      assert.equal(codeCacheDirectory({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/ada'), path.join('/xdg/secret-manager/code-cache'));
      assert.equal(codeCacheDirectory({}, 'darwin', '/Users/ada'), path.join('/Users/ada/Library/Caches/secret-manager/code-cache'));
      assert.equal(codeCacheDirectory({ LOCALAPPDATA: 'C:\\Local' }, 'win32', 'C:\\Users\\ada'), path.join('C:\\Local', 'secret-manager', 'code-cache'));
    });
  });

  it('runs the bundle as a CommonJS module, then loads it from the cache it stored', () => {
    const file = writeBundle('bundle.js', BUNDLE);
    const first = load(file);
    assert.deepEqual(first.exports, { twice: (first.exports as { twice: unknown }).twice, folder: path.basename(folder), same: true });
    assert.equal((first.exports as { twice(value: number): number }).twice(21), 42);
    assert.equal(first.usedCodeCache, false);
    assert.deepEqual(readdirSync(cacheFolder), [], 'nothing is stored before saveCodeCache');
    first.saveCodeCache();
    const [stored] = readdirSync(cacheFolder);
    assert.match(stored ?? '', /^bundle-[0-9a-f]{32}\.bin$/);
    if (process.platform !== 'win32') {
      assert.equal(statSync(cacheFolder).mode & 0o777, 0o700);
      assert.equal(statSync(path.join(cacheFolder, stored!)).mode & 0o777, 0o600);
    }
    assert.deepEqual(loadInNewProcess(file), { usedCodeCache: true, twiceOfTwo: 4 });
  });

  it('compiles afresh when the cache is damaged, and replaces it', () => {
    const file = writeBundle('bundle.js', BUNDLE);
    assert.deepEqual(loadInNewProcess(file), { usedCodeCache: false, twiceOfTwo: 4 });
    const [stored] = readdirSync(cacheFolder);
    writeFileSync(path.join(cacheFolder, stored!), Buffer.alloc(4096, 7));
    assert.deepEqual(loadInNewProcess(file), { usedCodeCache: false, twiceOfTwo: 4 });
    assert.deepEqual(loadInNewProcess(file), { usedCodeCache: true, twiceOfTwo: 4 });
  });

  it('never runs the bytecode of an older text of the same length, and drops the older cache', () => {
    const file = writeBundle('bundle.js', 'module.exports = { answer: 41 };');
    load(file).saveCodeCache();
    writeBundle('bundle.js', 'module.exports = { answer: 42 };');
    const changed = load(file);
    assert.equal(changed.usedCodeCache, false);
    assert.deepEqual(changed.exports, { answer: 42 });
    changed.saveCodeCache();
    assert.equal(readdirSync(cacheFolder).length, 1);
  });

  it('keeps no cache in a folder that others may write to', function () {
    if (process.platform === 'win32') this.skip();
    mkdirSync(cacheFolder, { mode: 0o700 });
    chmodSync(cacheFolder, 0o777);
    const file = writeBundle('bundle.js', BUNDLE);
    const loaded = load(file);
    assert.equal((loaded.exports as { twice(value: number): number }).twice(1), 2);
    loaded.saveCodeCache();
    assert.deepEqual(readdirSync(cacheFolder), []);
  });

  it('loads plainly when turned off', () => {
    env = { SECRET_MANAGER_CODE_CACHE: 'off' };
    const file = writeBundle('bundle.js', BUNDLE);
    const loaded = load(file);
    loaded.saveCodeCache();
    assert.equal((loaded.exports as { twice(value: number): number }).twice(3), 6);
    assert.throws(() => statSync(cacheFolder), /ENOENT/);
  });

  it('passes on what the bundle throws, and does not keep the half-loaded module', () => {
    const file = writeBundle('broken.js', 'throw new Error("bundle failed on purpose");');
    assert.throws(() => load(file), /bundle failed on purpose/);
    assert.equal(require.cache[file], undefined);
  });

  describe('dist/cli.js', () => {
    before(() => ensureBundlesBuilt());

    it('answers the same from the cache it stored, and never warns about import()', () => {
      const home = path.join(folder, 'home');
      const run = (argv: string[]) =>
        spawnSync(process.execPath, [CLI_BUNDLE, ...argv], {
          env: { ...process.env, ...env, SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'code cache passphrase', SECRET_MANAGER_KEYCHAIN: 'off' },
          encoding: 'utf8',
          timeout: 60_000,
        });
      const created = run(['vault', 'create', 'cached-vault']);
      assert.equal(created.status, 0, created.stderr);
      const cold = run(['vault', 'list', '--json']);
      assert.deepEqual(
        readdirSync(cacheFolder).map((entry) => entry.replace(/-[0-9a-f]{32}\.bin$/, '')).sort(),
        ['cli-main', 'cli-vault'],
      );
      const warm = run(['vault', 'list', '--json']);
      assert.equal(warm.status, 0);
      assert.equal(warm.stdout, cold.stdout);
      assert.equal(JSON.parse(warm.stdout)[0].name, 'cached-vault');
      for (const result of [created, cold, warm]) assert.doesNotMatch(result.stderr, /Warning/);
      const canary = `code-cache-canary-${process.pid}-${Date.now()}`;
      const stored = spawnSync(process.execPath, [CLI_BUNDLE, 'secret', 'create', '--vault-name', 'cached-vault', '--name', 'canary'], {
        env: { ...process.env, ...env, SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'code cache passphrase', SECRET_MANAGER_KEYCHAIN: 'off' },
        input: canary,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(stored.status, 0, stored.stderr);
      const revealed = run(['secret', 'get', '--vault-name', 'cached-vault', '--name', 'canary']);
      assert.equal(revealed.stdout.trim(), canary);
      for (const entry of readdirSync(cacheFolder)) {
        assert.ok(!readFileSync(path.join(cacheFolder, entry)).includes(canary), `${entry} holds code only, never a value`);
      }
      assert.ok(readFileSync(CLI_BUNDLE).length < 20_000, 'dist/cli.js is only the loader');
      const scan = path.join(folder, 'scanned');
      mkdirSync(scan);
      writeFileSync(path.join(scan, 'clean.ts'), 'export const answer = 42;\n');
      assert.equal(run(['scan', scan]).status, 0);
      assert.deepEqual(
        readdirSync(cacheFolder).map((entry) => entry.replace(/-[0-9a-f]{32}\.bin$/, '')).sort(),
        ['cli-main', 'cli-main-scan', 'cli-secret', 'cli-vault', 'library-scan'],
        'a scan keeps a cache of its own, beside the one of the other commands (and one of the store code it matches known secrets with)',
      );
      for (const entry of readdirSync(cacheFolder)) if (/^cli-main-[0-9a-f]{32}\.bin$/.test(entry)) rmSync(path.join(cacheFolder, entry));
      assert.equal(run(['--help']).status, 0);
      assert.equal(readdirSync(cacheFolder).length, 5, 'storing the cache of the other commands leaves the scan cache alone');
    });
  });
});
