import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addToGitignore, appendToEnvFile, projectFolderOf, withLineAppended } from '../../../src/core/project-env-file';

describe('core/project-env-file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'project-env-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the folder of the nearest tailor.config above a file, within the workspace', async () => {
    mkdirSync(path.join(root, 'apps/admin/config'), { recursive: true });
    writeFileSync(path.join(root, 'apps/admin/tailor.config.ts'), '');
    assert.equal(await projectFolderOf(path.join(root, 'apps/admin/config/secrets.ts'), root), path.join(root, 'apps/admin'));
    assert.equal(await projectFolderOf(path.join(root, 'apps/admin/tailor.config.ts'), root), path.join(root, 'apps/admin'));
    mkdirSync(path.join(root, 'lib'));
    assert.equal(await projectFolderOf(path.join(root, 'lib/secrets.ts'), root), path.join(root, 'lib'), 'no config: the file’s own folder');
  });

  it('appends to a .env, creating it private to its owner, and to a .gitignore', async () => {
    const envFile = path.join(root, '.env');
    await appendToEnvFile(envFile, "NEW_KEY='v1'");
    await appendToEnvFile(envFile, "OTHER='v2'");
    assert.equal(readFileSync(envFile, 'utf8'), "NEW_KEY='v1'\nOTHER='v2'\n");
    if (process.platform !== 'win32') assert.equal(statSync(envFile).mode & 0o777, 0o600);
    writeFileSync(path.join(root, '.gitignore'), 'node_modules/');
    await addToGitignore(root, '.env');
    assert.equal(readFileSync(path.join(root, '.gitignore'), 'utf8'), 'node_modules/\n.env\n');
  });

  it('appends a line after text with or without a final newline', () => {
    assert.equal(withLineAppended('', 'x'), 'x\n');
    assert.equal(withLineAppended('a', 'x'), 'a\nx\n');
    assert.equal(withLineAppended('a\n', 'x'), 'a\nx\n');
  });
});
