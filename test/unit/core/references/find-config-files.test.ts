import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findConfigFiles } from '../../../../src/core/references/find-config-files';

describe('core/references/find-config-files', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'find-config-files-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function write(relative: string): Promise<void> {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), 'export default defineConfig({});');
  }

  const relative = (files: readonly string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

  it('finds every config, the shallowest first, outside node_modules and ignored folders, one per folder', async () => {
    for (const file of ['tailor.config.ts', 'apps/user/tailor.config.mjs', 'apps/admin/tailor.config.js', 'apps/admin/tailor.config.ts']) await write(file);
    for (const file of ['node_modules/pkg/tailor.config.ts', 'build/tailor.config.ts', 'apps/admin/other.config.ts']) await write(file);
    await writeFile(path.join(root, '.gitignore'), 'build/\n');
    const found = await findConfigFiles(root);
    assert.deepEqual(relative(found.configPaths), ['tailor.config.ts', 'apps/admin/tailor.config.ts', 'apps/user/tailor.config.mjs']);
    assert.equal(found.limited, false);
  });

  it('stops at its depth and count limits', async () => {
    for (const file of ['a/tailor.config.ts', 'b/tailor.config.ts', 'c/tailor.config.ts', 'd/e/f/tailor.config.ts']) await write(file);
    assert.deepEqual(relative((await findConfigFiles(root, { maxDepth: 2, maxConfigs: 10 })).configPaths), ['a/tailor.config.ts', 'b/tailor.config.ts', 'c/tailor.config.ts']);
    const limited = await findConfigFiles(root, { maxDepth: 8, maxConfigs: 2 });
    assert.deepEqual(relative(limited.configPaths), ['a/tailor.config.ts', 'b/tailor.config.ts']);
    assert.equal(limited.limited, true);
  });
});
