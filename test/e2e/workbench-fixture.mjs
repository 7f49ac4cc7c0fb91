// One real VS Code for the UI tests: the packaged .vsix installed into a fresh code-server, a seeded temp store,
// a temp copy of sample-workspace, and headless Chromium on the workbench. Not test mode: real input boxes.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCodeServerCommand, startCodeServer } from '../../scripts/lib/code-server.mjs';
import { launchBrowser } from '../../scripts/lib/workbench.mjs';
import { calmWorkbenchSettings } from '../../scripts/lib/workbench-settings.mjs';
import { prepareSampleWorkspace } from '../../scripts/lib/sample-workspace.mjs';
import { repositoryFolder } from '../../scripts/lib/test-host-paths.mjs';
import { seedDemoStore } from '../../scripts/seed-demo-store.mjs';

export const resultsFolder = path.join(repositoryFolder, 'test-results', 'e2e');
export const screenshotsFolder = path.join(repositoryFolder, 'media', 'screenshots');

const workbenchSettings = {
  ...calmWorkbenchSettings,
  'workbench.colorTheme': 'Default Dark Modern',
};

export async function openWorkbench() {
  const vsix = process.env.SECRET_MANAGER_E2E_VSIX;
  if (!vsix) throw new Error('SECRET_MANAGER_E2E_VSIX is not set; run the UI tests with `node scripts/run-e2e.mjs`');
  const scratch = mkdtempSync(path.join(tmpdir(), 'secret-manager-e2e-'));
  const userDataDirectory = path.join(scratch, 'user-data');
  const extensionsDirectory = path.join(scratch, 'extensions');
  const storeHome = path.join(scratch, 'store-home');
  mkdirSync(storeHome, { recursive: true, mode: 0o700 });
  const passphrase = 'e2e-test-passphrase';
  const storeEnvironment = { SECRET_MANAGER_HOME: storeHome, SECRET_MANAGER_PASSPHRASE: passphrase };

  runCodeServerCommand(['--install-extension', vsix], { userDataDirectory, extensionsDirectory });
  const installed = readdirSync(extensionsDirectory).filter((name) => name.startsWith('secret-manager.secret-manager-vscode'));
  if (installed.length !== 1) throw new Error(`the .vsix did not install into ${extensionsDirectory}`);

  Object.assign(process.env, storeEnvironment); // the seed and the library below open the same store
  await seedDemoStore({ home: storeHome, log: () => {} });
  const workspace = prepareSampleWorkspace(path.join(scratch, 'workspace'));

  // A calm workbench for the screenshots: no welcome page, no chat panel.
  mkdirSync(path.join(userDataDirectory, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDirectory, 'User', 'settings.json'), JSON.stringify(workbenchSettings, null, 2));

  const server = await startCodeServer({ userDataDirectory, extensionsDirectory, env: storeEnvironment });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto(`${server.url}?folder=${encodeURIComponent(workspace.folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: /Secret Manager/ }).waitFor({ timeout: 60_000 });

  const library = createRequire(import.meta.url)(path.join(repositoryFolder, 'dist/library.js'));

  return {
    page,
    server,
    workspace,
    storeHome,
    extensionFolder: path.join(extensionsDirectory, installed[0]),
    /** Opens the local store the extension uses, through the library, to check what the UI did. */
    openStore: () => library.openStore({ kind: 'local', home: storeHome, passphrase }),
    /** Saves a PNG in test-results/e2e, and in media/screenshots (used by the README) when asked to update them. */
    async screenshot(name) {
      mkdirSync(resultsFolder, { recursive: true });
      const file = path.join(resultsFolder, `${name}.png`);
      await page.screenshot({ path: file });
      if (process.env.SECRET_MANAGER_E2E_UPDATE_SCREENSHOTS === '1' && !name.startsWith('failed-')) {
        mkdirSync(screenshotsFolder, { recursive: true });
        copyFileSync(file, path.join(screenshotsFolder, `${name}.png`));
      }
      return file;
    },
    /** Every log the workbench, the extension host and code-server wrote so far, to look for leaked values. */
    capturedLogs() {
      const logFiles = filesUnder(path.join(userDataDirectory, 'logs'));
      return [
        ['browser console', consoleLines.join('\n')],
        ['code-server output', server.output.join('')],
        ...logFiles.map((file) => [path.relative(scratch, file), readFileSync(file, 'utf8')]),
      ];
    },
    async close() {
      await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop();
      if (process.env.SECRET_MANAGER_TEST_KEEP === '1') console.log(`kept ${scratch}`);
      else rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The mocha hooks of a UI suite: one workbench for the whole suite (handed to `onOpened`), a screenshot
 * of every failed test, and closing it all at the end.
 */
export function useWorkbench(onOpened) {
  let workbench;
  before(async function () {
    this.timeout(180_000);
    workbench = await openWorkbench();
    onOpened(workbench);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      await workbench.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => {});
    }
  });
  after(async () => {
    await workbench?.close();
  });
}

function filesUnder(folder) {
  try {
    return readdirSync(folder, { recursive: true })
      .map((file) => path.join(folder, String(file)))
      .filter((file) => statSync(file).isFile());
  } catch {
    return [];
  }
}
