// Runs the same integration suites in DESKTOP VS Code through @vscode/test-electron, which downloads VS Code.
// It needs internet, so CI here uses scripts/run-integration.mjs (code-server) instead; run this one on a machine
// that has it:  npm run build && node scripts/run-integration-electron.mjs [--version 1.139.1] [--workspace DIR]
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { prepareSampleWorkspace } from './lib/sample-workspace.mjs';
import { repositoryFolder } from './lib/test-host-paths.mjs';

const { values: options } = parseArgs({
  options: {
    version: { type: 'string' },
    workspace: { type: 'string' },
    grep: { type: 'string' },
  },
});

const scratch = mkdtempSync(path.join(tmpdir(), 'secret-manager-electron-'));
const storeHome = path.join(scratch, 'store-home');
mkdirSync(storeHome, { recursive: true, mode: 0o700 });
const workspaceFolder = path.resolve(
  options.workspace ?? process.env.SECRET_MANAGER_TEST_WORKSPACE ?? prepareSampleWorkspace(path.join(scratch, 'workspace')).folder,
);
const grep = options.grep ?? process.env.SECRET_MANAGER_TEST_GREP;

let exitCode = 0;
try {
  await runTests({
    // engines.vscode is the floor; test on the host version CI tests on unless told otherwise.
    version: options.version ?? process.env.SECRET_MANAGER_TEST_VSCODE_VERSION ?? '1.139.1',
    extensionDevelopmentPath: repositoryFolder,
    extensionTestsPath: path.join(repositoryFolder, 'out/test/integration/index.js'),
    launchArgs: [
      workspaceFolder,
      '--disable-extensions',
      '--user-data-dir', path.join(scratch, 'user-data'),
      '--extensions-dir', path.join(scratch, 'extensions'),
    ],
    extensionTestsEnv: {
      SECRET_MANAGER_HOME: storeHome,
      SECRET_MANAGER_PASSPHRASE: process.env.SECRET_MANAGER_PASSPHRASE ?? 'integration-test-passphrase',
      SECRET_MANAGER_TEST_WORKSPACE: workspaceFolder,
      ...(grep ? { SECRET_MANAGER_TEST_GREP: grep } : {}),
    },
  });
} catch (error) {
  console.error(`run-integration-electron: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
