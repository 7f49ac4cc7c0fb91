// Runs the integration suites (out/test/integration) inside a REAL VS Code extension host: code-server serves
// VS Code 1.139 on Node 24, and headless Chromium loads the workbench with a test payload. Offline; CI uses this.
//
//   node scripts/run-integration.mjs [--workspace DIR] [--tests FILE] [--grep TEXT]
//
// Environment:
//   SECRET_MANAGER_TEST_WORKSPACE   folder to open (default: a temp copy of sample-workspace with its leaked credential)
//   SECRET_MANAGER_TEST_TRUST=on    keep workspace trust on (the folder opens in restricted mode; log: integration-untrusted.log)
//   SECRET_MANAGER_TEST_KEYCHAIN=only  set no passphrase: the keychain alone keeps the master key (log: integration-keychain.log)
//   SECRET_MANAGER_TEST_GREP        run only tests whose title matches
//   SECRET_MANAGER_TEST_CANARY      fail if this value appears in any captured log
//   SECRET_MANAGER_TEST_TIMEOUT_MS  overall limit (default 300000)
//   SECRET_MANAGER_TEST_KEEP=1      keep the temp folders (profile, store, workspace) for a look afterwards
// The extension host inherits this environment (DBUS_SESSION_BUS_ADDRESS for the keychain included), with
// SECRET_MANAGER_HOME set to a fresh store folder and SECRET_MANAGER_PASSPHRASE set for the passphrase fallback.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTestHostInstalled, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { launchBrowser, runTestsInWorkbench } from './lib/workbench.mjs';
import { prepareSampleWorkspace } from './lib/sample-workspace.mjs';
import { repositoryFolder } from './lib/test-host-paths.mjs';

const startedMarker = 'secret-manager integration tests started:';
const finishedMarker = 'secret-manager integration tests finished:';

const { values: options } = parseArgs({
  options: {
    workspace: { type: 'string' },
    tests: { type: 'string' },
    grep: { type: 'string' },
  },
});

const testsModule = path.resolve(options.tests ?? path.join(repositoryFolder, 'out/test/integration/index.js'));
if (!existsSync(testsModule)) {
  console.error(`run-integration: ${path.relative(repositoryFolder, testsModule)} is missing; run \`npm run build\` first`);
  process.exit(1);
}
if (!existsSync(path.join(repositoryFolder, 'dist/extension.js'))) {
  console.error('run-integration: dist/extension.js is missing; run `npm run build` first');
  process.exit(1);
}
ensureTestHostInstalled();
// Ctrl-C: exit normally, so the 'exit' hooks stop the code-server process group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const scratch = mkdtempSync(path.join(tmpdir(), 'secret-manager-integration-'));
const resultsFolder = path.join(repositoryFolder, 'test-results');
mkdirSync(resultsFolder, { recursive: true });
const workspaceTrust = process.env.SECRET_MANAGER_TEST_TRUST === 'on';
const keychainOnly = process.env.SECRET_MANAGER_TEST_KEYCHAIN === 'only';
const logName = workspaceTrust ? 'integration-untrusted.log' : keychainOnly ? 'integration-keychain.log' : 'integration.log';
const logFile = path.join(resultsFolder, logName);
const logLines = [];

const workspaceFolder = path.resolve(
  options.workspace ??
    process.env.SECRET_MANAGER_TEST_WORKSPACE ??
    prepareSampleWorkspace(path.join(scratch, 'workspace')).folder,
);
const userDataDirectory = path.join(scratch, 'user-data');
const storeHome = path.join(scratch, 'store-home');
mkdirSync(storeHome, { recursive: true, mode: 0o700 });
// Offline: keep the built-in extensions from trying to send telemetry.
mkdirSync(path.join(userDataDirectory, 'User'), { recursive: true });
writeFileSync(path.join(userDataDirectory, 'User', 'settings.json'), JSON.stringify({ 'telemetry.telemetryLevel': 'off' }));

const grep = options.grep ?? process.env.SECRET_MANAGER_TEST_GREP;
const environment = {
  SECRET_MANAGER_HOME: storeHome,
  SECRET_MANAGER_PASSPHRASE: keychainOnly ? undefined : (process.env.SECRET_MANAGER_PASSPHRASE ?? 'integration-test-passphrase'),
  SECRET_MANAGER_TEST_WORKSPACE: workspaceFolder,
  ...(grep ? { SECRET_MANAGER_TEST_GREP: grep } : {}),
};

/**
 * Test output arrives mixed with the workbench's own log. Between the tests module's start and finish markers,
 * show everything but the workbench's tagged lines ("[AgentHost] …"), stack frames and known noise.
 */
let showingTests = false;
function isTestOutput(message) {
  if (message.startsWith(startedMarker)) showingTests = true;
  const shown = showingTests && !/^\[[\w .:-]+\]|^\s+at |^Ignoring fetching additional builtin extensions|^Unable to read file/.test(message);
  if (message.startsWith(finishedMarker)) showingTests = false;
  return shown;
}

let server;
let browser;
let exitCode = 1;
const started = Date.now();
try {
  server = await startCodeServer({
    userDataDirectory,
    extensionsDirectory: path.join(scratch, 'extensions'),
    workspaceTrust,
    env: environment,
  });
  const url = workbenchUrl(server, {
    folder: workspaceFolder,
    extensionDevelopmentPath: repositoryFolder,
    extensionTestsPath: testsModule,
  });
  logLines.push(`[runner] ${url}`);
  browser = await launchBrowser();
  exitCode = await runTestsInWorkbench(browser, url, {
    timeoutMs: Number(process.env.SECRET_MANAGER_TEST_TIMEOUT_MS ?? 300_000),
    onLog: (level, message) => {
      logLines.push(`[${level}] ${message}`);
      if (level === 'pageerror' || isTestOutput(message)) console.log(message);
    },
  });
} catch (error) {
  console.error(`run-integration: ${error.message}`);
  logLines.push(`[runner] ${error.stack}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
}

const workbenchLog = logLines.join('\n');
const serverLog = server?.output.join('') ?? '';
writeFileSync(logFile, `${workbenchLog}\n\n===== code-server output =====\n${serverLog}`);

const counts = new RegExp(`${finishedMarker} (\\d+) passed, (\\d+) failed, (\\d+) skipped`).exec(workbenchLog);
if (!counts) {
  console.error(`run-integration: the tests module never reported a result (see test-results/${logName})`);
  exitCode = 1;
}

const canary = process.env.SECRET_MANAGER_TEST_CANARY;
if (canary) {
  const leaks = findCanary(canary, [
    ['workbench and extension host log', workbenchLog],
    ['code-server output', serverLog],
    ...filesUnder(path.join(userDataDirectory, 'logs')).map((file) => [file, readFileSync(file, 'utf8')]),
  ]);
  if (leaks.length > 0) {
    console.log(`run-integration: the canary secret value leaked into: ${leaks.join(', ')}`);
    exitCode = 1;
  } else {
    console.log('run-integration: canary value absent from every captured log');
  }
}

if (process.env.SECRET_MANAGER_TEST_KEEP === '1') console.log(`run-integration: kept ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
console.log(`run-integration: ${exitCode === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s (log: test-results/${logName})`);
console.log(`integration: ${counts?.[1] ?? 0} passed, ${counts?.[2] ?? (exitCode === 0 ? 0 : 1)} failed, ${counts?.[3] ?? 0} skipped`);
process.exit(exitCode);

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true })
    .map((file) => path.join(folder, String(file)))
    .filter((file) => statSync(file).isFile());
}

function findCanary(value, sources) {
  return sources.filter(([, text]) => text.includes(value)).map(([name]) => name);
}
