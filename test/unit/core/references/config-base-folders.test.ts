import assert from 'node:assert/strict';
import path from 'node:path';
import { candidateBaseFolders, chooseBaseFolders, isInsideFolder } from '../../../../src/core/references/config-base-folders';
import type { ConfigFileSet } from '../../../../src/core/references/types';
import { tailorProject } from '../../helpers/tailor-projects';

const executors = (...files: string[]): ConfigFileSet[] => [{ section: 'executor', files, ignores: undefined }];

describe('core/references/config-base-folders', () => {
  const root = path.resolve('/work/repo');

  it('offers the config folder and each folder above it up to the workspace root', () => {
    assert.deepEqual(candidateBaseFolders(path.join(root, 'apps/admin'), root, executors('./executors/*.ts')), [
      path.join(root, 'apps/admin'),
      path.join(root, 'apps'),
      root,
    ]);
  });

  it('offers the folder above the workspace where a glob that repeats the config folder path starts', () => {
    const app = path.join(root, 'apps/admin');
    assert.deepEqual(candidateBaseFolders(app, app, executors('./apps/admin/executors/*.ts')), [app, root]);
    assert.deepEqual(candidateBaseFolders(app, app, executors('./admin/executors/*.ts')), [app, path.join(root, 'apps')]);
    assert.deepEqual(candidateBaseFolders(app, app, executors('./executors/*.ts', 'apps/other/*.ts')), [app]);
  });

  it('keeps the candidates under which the globs name existing files', async () => {
    const project = tailorProject('nested-project');
    const billing = path.join(project, 'services/billing');
    assert.deepEqual(await chooseBaseFolders(billing, project, executors('./executors/*.ts')), { folders: [billing], undecided: false });
    const monorepo = tailorProject('multi-application');
    assert.deepEqual(await chooseBaseFolders(path.join(monorepo, 'apps/user'), monorepo, executors('./apps/user/executors/*.ts')), { folders: [monorepo], undecided: false });
    const undecided = await chooseBaseFolders(path.join(monorepo, 'apps/user'), monorepo, executors('./apps/user/not-yet/*.ts'));
    assert.deepEqual(undecided, { folders: [path.join(monorepo, 'apps/user'), path.join(monorepo, 'apps'), monorepo], undecided: true }, 'while the globs name no file, every candidate, undecided');
  });

  it('tells whether a folder is inside another', () => {
    assert.ok(isInsideFolder(root, root));
    assert.ok(isInsideFolder(root, path.join(root, 'a/b')));
    assert.ok(!isInsideFolder(root, path.join(root, '../repo-other')));
    assert.ok(!isInsideFolder(path.join(root, 'a'), root));
  });
});
