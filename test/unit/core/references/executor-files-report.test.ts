import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveExecutorFiles } from '../../../../src/core/references/executor-files';
import { executorFilesReport, formatExecutorFilesReport } from '../../../../src/core/references/executor-files-report';
import { tailorProject } from '../../helpers/tailor-projects';

describe('core/references/executor-files-report', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'executor-files-report-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the files of each config relative to the workspace, with ".." for a folder above it', async () => {
    const app = path.join(tailorProject('multi-application'), 'apps/user');
    const report = await executorFilesReport(await resolveExecutorFiles(app));
    assert.deepEqual(report, {
      configs: [
        {
          config: 'tailor.config.ts',
          baseFolders: ['../..'],
          executorFiles: ['executors/welcome-email.test.ts', 'executors/welcome-email.ts'],
          functionFiles: ['workflows/onboarding/send-welcome.ts'],
          unreadSections: [],
        },
      ],
      unreadConfigs: [],
      searchLimited: false,
    });
  });

  it('says which sections could not be read, and that the search stopped at its limit', async () => {
    for (const folder of ['a', 'b']) {
      await mkdir(path.join(root, folder, 'executors'), { recursive: true });
      await writeFile(path.join(root, folder, 'tailor.config.ts'), 'const files = ["executors/*.ts"]; export default defineConfig({ executor: { files } });');
    }
    const lines = formatExecutorFilesReport(await executorFilesReport(await resolveExecutorFiles(root, { maxDepth: 8, maxConfigs: 1 })));
    assert.deepEqual(lines, [
      'a/tailor.config.ts (globs resolved against a): 0 executor files, 0 function files',
      '  (executor files are not literal strings: they are known only by running the config)',
      'The search stopped at its limit of tailor.config files; any further ones were left out.',
    ]);
  });
});
