// Starts and stops code-server (the VS Code server) from the cached test host, the way every runner needs it:
// loopback only, a port the system picks, fresh profile folders, no gallery, in a process group of its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { testHost, repositoryFolder } from './test-host-paths.mjs';

/** Installs the test host into its cache folder when it is not there yet (the install script is idempotent). */
export function ensureTestHostInstalled() {
  if (testHost.installed) return;
  const result = spawnSync('bash', [path.join(repositoryFolder, 'scripts/install-test-host.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not install the code-server test host (scripts/install-test-host.sh)');
}

/** Environment for code-server and so for the extension host: ours, plus what quietens the server. */
function serverEnvironment(extra) {
  return {
    ...process.env,
    // The gallery is unreachable offline; an empty one stops the lookups.
    EXTENSIONS_GALLERY: '{}',
    PATH: `${testHost.nodeBinFolder}${path.delimiter}${process.env.PATH ?? ''}`,
    ...extra,
  };
}

function sharedArguments({ userDataDirectory, extensionsDirectory }) {
  const configFile = path.join(userDataDirectory, '..', 'code-server-config.yaml');
  mkdirSync(userDataDirectory, { recursive: true });
  mkdirSync(extensionsDirectory, { recursive: true });
  // Without --config, code-server writes ~/.config/code-server/config.yaml.
  writeFileSync(configFile, '');
  return ['--config', configFile, '--user-data-dir', userDataDirectory, '--extensions-dir', extensionsDirectory];
}

/** Runs a one-shot code-server command such as --install-extension; throws with its output on failure. */
export function runCodeServerCommand(argumentList, { userDataDirectory, extensionsDirectory, env = {} }) {
  const result = spawnSync(
    testHost.nodeBinary,
    [testHost.codeServerEntry, ...sharedArguments({ userDataDirectory, extensionsDirectory }), ...argumentList],
    { env: serverEnvironment(env), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`code-server ${argumentList.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Starts code-server and resolves once it listens. `workspaceTrust: true` keeps VS Code's workspace trust on
 * (tests of restricted mode need it); by default it is off so the test workspace is trusted.
 */
export async function startCodeServer({
  userDataDirectory,
  extensionsDirectory,
  workspaceTrust = false,
  env = {},
  host = '127.0.0.1',
  port = 0,
  startTimeoutMs = 60_000,
}) {
  const argumentList = [
    testHost.codeServerEntry,
    ...sharedArguments({ userDataDirectory, extensionsDirectory }),
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // A built workbench honours the test payload only with the smoke-test driver; without it the run hangs.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  if (!workspaceTrust) argumentList.push('--disable-workspace-trust');

  const child = spawn(testHost.nodeBinary, argumentList, {
    env: serverEnvironment(env),
    detached: true, // its own process group, so stopping it ends the extension host and every helper too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the runner exits early (Ctrl-C, an uncaught error), the detached server must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
  process.on('exit', killOnExit);
  child.on('exit', () => process.off('exit', killOnExit));
  const output = [];
  const server = {
    child,
    output,
    url: '',
    port: 0,
    authority: '',
    stop: () => stopProcessGroup(child),
  };
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${startTimeoutMs} ms:\n${output.join('')}`)), startTimeoutMs);
    const onData = (chunk) => {
      output.push(chunk.toString());
      const match = /HTTP server listening on (http:\/\/([^/\s]+)\/)/.exec(output.join(''));
      if (match && !server.url) {
        clearTimeout(timer);
        server.url = match[1];
        server.authority = match[2];
        server.port = Number(match[2].split(':').pop());
        resolve(server);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!server.url) reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output.join('')}`));
    });
  });
  try {
    return await listening;
  } catch (error) {
    await stopProcessGroup(child);
    throw error;
  }
}

/** Ends a process group we started (and only that one): politely first, then for sure. */
export async function stopProcessGroup(child) {
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!groupAlive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  for (let waited = 0; waited < 3000 && groupAlive(); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (groupAlive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}

/** The workbench URL that opens `folder` and runs an extension's tests in development mode. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (absolutePath) => `vscode-remote://${server.authority}${absolutePath}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}?${query.join('&')}`;
}
