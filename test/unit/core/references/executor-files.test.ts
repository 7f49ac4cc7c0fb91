import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { executorFilesFromConfig, resolveExecutorFiles } from '../../../../src/core/references/executor-files';

describe('core/references/executor-files', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'executor-files-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const at = (relative: string) => path.join(root, relative);

  it('defaults to executors/**/*.ts without a config, skipping tests and specs', async () => {
    const files = await resolveExecutorFiles(root);
    assert.equal(files.configPath, undefined);
    assert.ok(files.isExecutorFile(at('executors/stripe.ts')));
    assert.ok(files.isExecutorFile(at('executors/nested/deep/github.ts')));
    assert.ok(!files.isExecutorFile(at('executors/stripe.test.ts')));
    assert.ok(!files.isExecutorFile(at('executors/stripe.spec.ts')));
    assert.ok(!files.isExecutorFile(at('src/executors/stripe.ts')));
    assert.ok(!files.isExecutorFile(at('executors/readme.md')));
    assert.ok(!files.isFunctionFile(at('executors/stripe.ts')));
  });

  it('follows tailor.config.ts: files, ignores, workflows and resolvers', async () => {
    await writeFile(
      at('tailor.config.ts'),
      `export default defineConfig({
        executor: { files: ["./src/executor/*.ts"], ignores: ["src/executor/legacy.ts"] },
        workflow: { files: ["workflows/**/*.ts"] },
        resolver: { main: { files: ["resolvers/*.ts"] } },
      });`,
    );
    const files = await resolveExecutorFiles(root);
    assert.equal(files.configPath, at('tailor.config.ts'));
    assert.ok(files.isExecutorFile(at('src/executor/stripe.ts')));
    assert.ok(!files.isExecutorFile(at('src/executor/legacy.ts')));
    assert.ok(!files.isExecutorFile(at('src/executor/nested/stripe.ts')), '* does not cross folders');
    assert.ok(!files.isExecutorFile(at('executors/stripe.ts')), 'the default no longer applies');
    assert.ok(files.isFunctionFile(at('workflows/a/b.ts')));
    assert.ok(files.isFunctionFile(at('resolvers/user.ts')));
    assert.ok(!files.isFunctionFile(at('resolvers/user.test.ts')));
  });

  it('never matches files outside the workspace', () => {
    const files = executorFilesFromConfig(root, { executorFiles: ['**/*.ts'], executorIgnores: [], functionFiles: [], functionIgnores: [] });
    assert.ok(files.isExecutorFile(at('anything/x.ts')));
    assert.ok(!files.isExecutorFile(path.join(root, '..', 'outside.ts')));
    assert.ok(!files.isExecutorFile(root));
  });
});
