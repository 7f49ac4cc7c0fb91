import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { tailorProject } from '../helpers/tailor-projects';
import { createMemoryIo } from './memory-io';

async function run(cwd: string, ...argv: string[]) {
  const io = createMemoryIo({ cwd });
  const code = await runCli(argv, io);
  return { code, ...io.output };
}

describe('cli/executors', () => {
  it('says which config of a monorepo gave which executor and function files', async () => {
    const result = await run(tailorProject('multi-application'), 'executors');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'apps/admin/tailor.config.ts (globs resolved against .): 1 executor file, 1 function file',
        '  executor  apps/admin/executors/notify-slack.ts',
        '  function  apps/admin/resolvers/sync-orders.ts',
        'apps/user/tailor.config.ts (globs resolved against .): 2 executor files, 1 function file',
        '  executor  apps/user/executors/welcome-email.test.ts',
        '  executor  apps/user/executors/welcome-email.ts',
        '  function  apps/user/workflows/onboarding/send-welcome.ts',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON document for a folder given, with the folders the globs resolve against', async () => {
    const project = tailorProject('nested-project');
    const result = await run(path.dirname(project), 'executors', 'nested-project', '--json');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      root: project,
      configs: [
        {
          config: 'services/billing/tailor.config.ts',
          baseFolders: ['services/billing'],
          executorFiles: ['services/billing/executors/invoice-paid.ts'],
          functionFiles: ['services/billing/resolvers/charge.ts'],
          unreadSections: [],
        },
      ],
      unreadConfigs: [],
      searchLimited: false,
    });
  });

  it('describes the default of a folder without a config', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'executors-empty-'));
    try {
      const result = await run(empty, 'executors', '--json');
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).configs, [{ config: null, baseFolders: ['.'], executorFiles: [], functionFiles: [], unreadSections: [] }]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('refuses a folder that does not exist, and more than one folder (exit 2)', async () => {
    const missing = await run(tailorProject('http-adapter'), 'executors', 'no-such-folder');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such folder: no-such-folder/);
    const two = await run(tailorProject('http-adapter'), 'executors', 'a', 'b');
    assert.equal(two.code, 2);
  });
});
