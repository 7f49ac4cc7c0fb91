// Checks that the installed code-server starts and serves the VS Code workbench page. Exit 0 when it does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCodeServer } from './code-server.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'secret-manager-smoke-'));
let server;
try {
  server = await startCodeServer({
    userDataDirectory: path.join(scratch, 'user-data'),
    extensionsDirectory: path.join(scratch, 'extensions'),
  });
  const response = await fetch(server.url);
  const page = await response.text();
  if (response.status !== 200 || !page.includes('workbench')) {
    throw new Error(`code-server answered ${response.status} without the workbench page`);
  }
  console.log(`test host: code-server serves the workbench at ${server.url}`);
} catch (error) {
  console.error(`test host smoke test failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (server) await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
