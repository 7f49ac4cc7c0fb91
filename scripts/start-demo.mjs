// The body of `npm start` (scripts/start.sh builds first). See start.sh for what it does and its options.
// Environment: SECRET_MANAGER_START_PORT (code-server port, default: any free one),
// SECRET_MANAGER_PASSPHRASE (the demo store's passphrase where there is no keychain; default: a demo one).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTestHostInstalled, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { prepareSampleWorkspace } from './lib/sample-workspace.mjs';
import { calmWorkbenchSettings } from './lib/workbench-settings.mjs';
import { repositoryFolder } from './lib/test-host-paths.mjs';
import { seedDemoStore } from './seed-demo-store.mjs';

const { values: options } = parseArgs({
  options: { fresh: { type: 'boolean', default: false }, browser: { type: 'boolean', default: false } },
});
// `npm start --fresh` (without `--`) reaches us only as npm's config environment.
options.fresh ||= process.env.npm_config_fresh === 'true';
options.browser ||= process.env.npm_config_browser === 'true';

const demoFolder = path.join(repositoryFolder, '.demo');
const storeHome = path.join(demoFolder, 'home');
const workspaceFolder = path.join(demoFolder, 'workspace');
if (options.fresh) rmSync(demoFolder, { recursive: true, force: true });
mkdirSync(storeHome, { recursive: true, mode: 0o700 });

// The store lives in .demo/home (gitignored), never in your real one; the extension gets the same environment.
process.env.SECRET_MANAGER_HOME = storeHome;
process.env.SECRET_MANAGER_PASSPHRASE ??= 'secret-manager-demo-passphrase';
await seedDemoStore({ home: storeHome });
console.log(`start: demo store in ${path.relative(repositoryFolder, storeHome)}; its master key is in the OS keychain when there is one, else the passphrase "${process.env.SECRET_MANAGER_PASSPHRASE}"`);
console.log(`start: the CLI on the demo store: SECRET_MANAGER_HOME=${storeHome} SECRET_MANAGER_PASSPHRASE='${process.env.SECRET_MANAGER_PASSPHRASE}' node dist/cli.js vault list`);
stopWhenOrphaned();
if (!existsSync(workspaceFolder)) {
  prepareSampleWorkspace(workspaceFolder);
  console.log(`start: sample workspace copied to ${path.relative(repositoryFolder, workspaceFolder)} (one fake leaked key included)`);
}

const desktopCode = options.browser ? undefined : findOnPath('code');
if (desktopCode) await openInDesktop(desktopCode);
else await openInBrowser();

async function openInDesktop(code) {
  console.log('start: opening desktop VS Code with the extension from this checkout; close the window to stop');
  // A profile of its own makes a new VS Code process, so the demo environment reaches its extension host.
  const child = spawn(
    code,
    [
      '--wait',
      '--new-window',
      `--user-data-dir=${path.join(demoFolder, 'vscode-user-data')}`,
      `--extensionDevelopmentPath=${repositoryFolder}`,
      workspaceFolder,
    ],
    { stdio: 'inherit' },
  );
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
  process.exit(status);
}

async function openInBrowser() {
  ensureTestHostInstalled();
  const settingsFile = path.join(demoFolder, 'code-server-user-data', 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify(calmWorkbenchSettings, null, 2));
  }
  const server = await startCodeServer({
    userDataDirectory: path.join(demoFolder, 'code-server-user-data'),
    extensionsDirectory: path.join(demoFolder, 'code-server-extensions'),
    port: Number(process.env.SECRET_MANAGER_START_PORT ?? 0),
  });
  const url = workbenchUrl(server, { folder: workspaceFolder, extensionDevelopmentPath: repositoryFolder });
  console.log('\nstart: VS Code (code-server) is running with the extension from this checkout. Open:\n');
  console.log(`  ${url}\n`);
  console.log('start: press Ctrl-C to stop');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`start: code-server stopped (${code})`);
      process.exit(1);
    }
  });
}

/**
 * `kill` of `npm start` ends npm and its shell but not this process: when our parent is gone, stop as Ctrl-C
 * would, so that no code-server is left running.
 */
function stopWhenOrphaned() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

function findOnPath(command) {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (folder && existsSync(path.join(folder, command))) return path.join(folder, command);
  }
  return undefined;
}
