import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFiles, executorFilesOf, listConfigFiles, resolveExecutorFiles } from '../../../../src/core/references/executor-files';
import { tailorProject } from '../../helpers/tailor-projects';

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
    assert.deepEqual(files.configs.map((config) => config.configPath), [undefined]);
    assert.ok(files.isExecutorFile(at('executors/stripe.ts')));
    assert.ok(files.isExecutorFile(at('executors/nested/deep/github.ts')));
    assert.ok(!files.isExecutorFile(at('executors/stripe.test.ts')));
    assert.ok(!files.isExecutorFile(at('executors/stripe.spec.ts')));
    assert.ok(!files.isExecutorFile(at('src/executors/stripe.ts')));
    assert.ok(!files.isExecutorFile(at('executors/readme.md')));
    assert.ok(!files.isFunctionFile(at('executors/stripe.ts')));
  });

  it('follows tailor.config.ts: files, ignores that replace the default ones, workflows and resolvers', async () => {
    await writeFile(
      at('tailor.config.ts'),
      `export default defineConfig({
        executor: { files: ["./src/executor/*.ts"], ignores: ["src/executor/legacy.ts"] },
        workflow: { files: ["workflows/**/*.ts"] },
        resolver: { main: { files: ["resolvers/*.ts"] } },
      });`,
    );
    const files = await resolveExecutorFiles(root);
    assert.deepEqual(files.configs.map((config) => config.configPath), [at('tailor.config.ts')]);
    assert.ok(files.isConfigFile(at('tailor.config.ts')));
    assert.ok(files.isExecutorFile(at('src/executor/stripe.ts')));
    assert.ok(!files.isExecutorFile(at('src/executor/legacy.ts')));
    assert.ok(files.isExecutorFile(at('src/executor/stripe.test.ts')), 'ignores given: the default test ignores no longer apply');
    assert.ok(!files.isExecutorFile(at('src/executor/nested/stripe.ts')), '* does not cross folders');
    assert.ok(!files.isExecutorFile(at('executors/stripe.ts')), 'the default no longer applies');
    assert.ok(files.isFunctionFile(at('workflows/a/b.ts')));
    assert.ok(files.isFunctionFile(at('resolvers/user.ts')));
    assert.ok(!files.isFunctionFile(at('resolvers/user.test.ts')), 'no ignores given: tests are left out');
  });

  it('finds each app of a multi-application monorepo, with globs relative to the repository root', async () => {
    const project = tailorProject('multi-application');
    const file = (relative: string) => path.join(project, relative);
    const files = await resolveExecutorFiles(project);
    assert.deepEqual(
      files.configs.map((config) => [path.relative(project, config.configPath!), config.baseFolders]),
      [
        ['apps/admin/tailor.config.ts', [project]],
        ['apps/user/tailor.config.ts', [project]],
      ],
    );
    assert.ok(files.isExecutorFile(file('apps/admin/executors/notify-slack.ts')));
    assert.ok(!files.isExecutorFile(file('apps/admin/executors/notify-slack.test.ts')), 'the admin config keeps the default ignores');
    assert.ok(files.isFunctionFile(file('apps/admin/resolvers/sync-orders.ts')));
    assert.ok(files.isExecutorFile(file('apps/user/executors/welcome-email.ts')));
    assert.ok(files.isExecutorFile(file('apps/user/executors/welcome-email.test.ts')), "the user config's ignores replace the defaults");
    assert.ok(!files.isExecutorFile(file('apps/user/executors/draft-digest.ts')));
    assert.ok(files.isFunctionFile(file('apps/user/workflows/onboarding/send-welcome.ts')));
    assert.ok(files.isConfigFile(file('apps/user/tailor.config.ts')));
  });

  it('lists which config gave which files', async () => {
    const project = tailorProject('multi-application');
    const files = await resolveExecutorFiles(project);
    const listed = await Promise.all(files.configs.map((config) => listConfigFiles(config, project)));
    const relative = (list: string[]) => list.map((file) => path.relative(project, file));
    assert.deepEqual(
      listed.map(({ executorFiles, functionFiles }) => [relative(executorFiles), relative(functionFiles)]),
      [
        [['apps/admin/executors/notify-slack.ts'], ['apps/admin/resolvers/sync-orders.ts']],
        [['apps/user/executors/welcome-email.test.ts', 'apps/user/executors/welcome-email.ts'], ['apps/user/workflows/onboarding/send-welcome.ts']],
      ],
    );
  });

  it('still resolves root-relative globs when one app folder is opened alone', async () => {
    const project = tailorProject('multi-application');
    const app = path.join(project, 'apps/admin');
    const files = await resolveExecutorFiles(app);
    assert.deepEqual(files.configs.map((config) => config.baseFolders), [[project]]);
    assert.ok(files.isExecutorFile(path.join(app, 'executors/notify-slack.ts')));
    assert.ok(files.isFunctionFile(path.join(app, 'resolvers/sync-orders.ts')));
    assert.ok(!files.isExecutorFile(path.join(project, 'apps/user/executors/welcome-email.ts')), 'outside the workspace');
  });

  it('finds a nested project whose globs are relative to its own folder', async () => {
    const project = tailorProject('nested-project');
    const billing = path.join(project, 'services/billing');
    const files = await resolveExecutorFiles(project);
    assert.deepEqual(files.configs.map((config) => [config.configPath, config.baseFolders]), [[path.join(billing, 'tailor.config.ts'), [billing]]]);
    assert.ok(files.isExecutorFile(path.join(billing, 'executors/invoice-paid.ts')));
    assert.ok(files.isFunctionFile(path.join(billing, 'resolvers/charge.ts')));
    assert.ok(!files.isExecutorFile(path.join(project, 'executors/invoice-paid.ts')), 'the root is not a base: nothing matches there');
    assert.ok(!files.isExecutorFile(path.join(project, 'web/src/app.ts')) && !files.isFunctionFile(path.join(project, 'web/src/app.ts')));
  });

  it('counts httpAdapter files as function files', async () => {
    const project = tailorProject('http-adapter');
    const files = await resolveExecutorFiles(project);
    assert.ok(files.isFunctionFile(path.join(project, 'http-adapters/inventory.ts')));
    assert.ok(files.isExecutorFile(path.join(project, 'executors/order-shipped.ts')));
    const listed = await listConfigFiles(files.configs[0]!, project);
    assert.deepEqual(listed.functionFiles, [path.join(project, 'http-adapters/inventory.ts')]);
  });

  it('resolves against every candidate folder while the globs match no file yet', async () => {
    await mkdir(at('apps/new'), { recursive: true });
    await writeFile(at('apps/new/tailor.config.ts'), 'export default defineConfig({ executor: { files: ["./executors/*.ts"] } });');
    const files = await resolveExecutorFiles(root);
    assert.deepEqual(files.configs[0]!.baseFolders, [at('apps/new'), at('apps'), root]);
    assert.ok(files.isExecutorFile(at('apps/new/executors/first.ts')));
    assert.ok(files.isExecutorFile(at('executors/first.ts')));
  });

  it('never matches files outside the workspace', () => {
    const config = configFiles(undefined, { fileSets: [{ section: 'executor', files: ['**/*.ts'], ignores: undefined }], unreadSections: [] }, [path.dirname(root)]);
    const files = executorFilesOf(root, [config]);
    assert.ok(files.isExecutorFile(at('anything/x.ts')));
    assert.ok(!files.isExecutorFile(path.join(root, '..', 'outside.ts')));
    assert.ok(!files.isExecutorFile(root));
  });
});
