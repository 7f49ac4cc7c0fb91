import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isSecretManagerError } from '../../../src/core/model';
import { folderHoldingStoreHome, gitWorkTreeHolding, resolveStoreHome, storeHomeFiles } from '../../../src/core/paths';

describe('core/paths', () => {
  it('prefers SECRET_MANAGER_HOME', () => {
    assert.equal(resolveStoreHome({ SECRET_MANAGER_HOME: '/tmp/x/store', XDG_CONFIG_HOME: '/tmp/xdg' }), '/tmp/x/store');
  });

  it('falls back to $XDG_CONFIG_HOME/secret-manager, then ~/.config/secret-manager', () => {
    assert.equal(resolveStoreHome({ XDG_CONFIG_HOME: '/tmp/xdg' }), '/tmp/xdg/secret-manager');
    assert.equal(resolveStoreHome({ HOME: '/home/alice' }), '/home/alice/.config/secret-manager');
    assert.equal(resolveStoreHome({}), path.join(os.homedir(), '.config', 'secret-manager'));
  });

  it('ignores a relative XDG_CONFIG_HOME and blank values, as the XDG spec says', () => {
    assert.equal(resolveStoreHome({ XDG_CONFIG_HOME: 'relative', HOME: '/home/bob' }), '/home/bob/.config/secret-manager');
    assert.equal(resolveStoreHome({ SECRET_MANAGER_HOME: '  ', HOME: '/home/bob' }), '/home/bob/.config/secret-manager');
  });

  it('refuses a relative SECRET_MANAGER_HOME, which would put the store wherever the command runs, a workspace included', () => {
    for (const relative of ['.secret-store', '~/.config/secret-manager']) {
      assert.throws(
        () => resolveStoreHome({ SECRET_MANAGER_HOME: relative, HOME: '/home/bob' }),
        (error: unknown) =>
          isSecretManagerError(error, 'invalid-input') && error.message.includes(`"${relative}"`) && /absolute path/.test(error.message),
      );
    }
  });

  it('keeps every file inside the home', () => {
    const files = storeHomeFiles('/tmp/home');
    for (const file of Object.values(files)) assert.ok(file.startsWith('/tmp/home'), file);
    assert.equal(files.storeFile, '/tmp/home/store.json');
  });
});

describe('core/paths folderHoldingStoreHome', () => {
  it('names the workspace folder that holds the store home, or the store home itself', () => {
    assert.equal(folderHoldingStoreHome('/work/app/.secrets', ['/work/other', '/work/app'], false), '/work/app');
    assert.equal(folderHoldingStoreHome('/work/app', ['/work/app'], false), '/work/app');
    assert.equal(folderHoldingStoreHome('/work/app/deep/er/store/', ['/work/app/'], false), '/work/app/');
  });

  it('is undefined for a store home beside or above the folders, including a folder whose name only starts the same', () => {
    assert.equal(folderHoldingStoreHome('/home/ada/.config/secret-manager', ['/work/app'], false), undefined);
    assert.equal(folderHoldingStoreHome('/work/app-store', ['/work/app'], false), undefined);
    assert.equal(folderHoldingStoreHome('/work', ['/work/app'], false), undefined);
    assert.equal(folderHoldingStoreHome('/work/..app/store', ['/work/..app'], false), '/work/..app');
    assert.equal(folderHoldingStoreHome('/work/..store', ['/work'], false), '/work', 'a child named "..store" is inside');
  });

  it('compares without case where the file system does', () => {
    assert.equal(folderHoldingStoreHome('/Work/App/store', ['/work/app'], true), '/work/app');
    assert.equal(folderHoldingStoreHome('/Work/App/store', ['/work/app'], false), undefined);
  });
});

describe('core/paths gitWorkTreeHolding', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'paths-git-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds the nearest folder with a .git folder or file (a worktree or submodule), at or above the home', () => {
    const repository = path.join(scratch, 'repository');
    mkdirSync(path.join(repository, '.git'), { recursive: true });
    assert.equal(gitWorkTreeHolding(path.join(repository, 'config', 'store')), repository, 'the home need not exist yet');
    assert.equal(gitWorkTreeHolding(repository), repository);
    const submodule = path.join(repository, 'vendor', 'tool');
    mkdirSync(submodule, { recursive: true });
    writeFileSync(path.join(submodule, '.git'), 'gitdir: ../../.git/modules/tool\n');
    assert.equal(gitWorkTreeHolding(path.join(submodule, 'store')), submodule);
  });

  it('is undefined outside any working tree', () => {
    assert.equal(gitWorkTreeHolding(path.join(scratch, 'plain', 'store'), (file) => file.startsWith(scratch) && existsSync(file)), undefined);
  });
});
