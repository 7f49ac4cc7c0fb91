// The tests module VS Code's extension host loads (extensionTestsPath): it runs every *.test.js bundled next to it
// in out/test/integration. The same module serves code-server (scripts/run-integration.mjs) and desktop VS Code
// (scripts/run-integration-electron.mjs). Environment: SECRET_MANAGER_TEST_GREP runs only the tests whose title matches.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import * as vscode from 'vscode';

/** Printed first and last (with the counts), so a runner can pick the test output out of the workbench's log. */
export const startedMarker = 'secret-manager integration tests started:';
export const finishedMarker = 'secret-manager integration tests finished:';

function testFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(folder, file));
}

/**
 * The runner says which trust state it opened the folder in. A run in the wrong state would skip most suites
 * and still pass, so it fails at once.
 */
function trustStateProblem(): string | undefined {
  const expectTrusted = process.env.SECRET_MANAGER_TEST_TRUST !== 'on';
  if (vscode.workspace.isTrusted === expectTrusted) return undefined;
  return `the workspace is ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted'}, but this run expects it ${expectTrusted ? 'trusted' : 'untrusted'}`;
}

/**
 * Each runner pass selects its own suites, so that none needs to skip: the "untrusted workspace" suites run only
 * with workspace trust on, the keychain pass (no passphrase set) runs the store's lifecycle on the keychain alone, and
 * the "bench: " suites run only from `npm run bench`.
 */
function runSelection(): { grep: RegExp; invert: boolean } {
  if (process.env.SECRET_MANAGER_TEST_TRUST === 'on') return { grep: /untrusted workspace/, invert: false };
  if (process.env.SECRET_MANAGER_TEST_KEYCHAIN === 'only') return { grep: /keychain without a passphrase|vault tree and lifecycle/, invert: false };
  if (process.env.SECRET_MANAGER_TEST_BENCH === '1') return { grep: /^bench: /, invert: false };
  return { grep: /untrusted workspace|keychain without a passphrase|^bench: /, invert: true };
}

export function run(): Promise<void> {
  // The extension host's log does not apply printf placeholders, and its console.log cannot be replaced.
  Mocha.reporters.Base.consoleLog = (...parts: unknown[]) => console.log(util.format(...parts));
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const grep = process.env.SECRET_MANAGER_TEST_GREP;
  if (grep) mocha.grep(grep);
  else {
    const selection = runSelection();
    mocha.grep(selection.grep);
    if (selection.invert) mocha.invert();
  }
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  console.log(`${startedMarker} ${files.length} files in ${__dirname}${grep ? `, grep ${JSON.stringify(grep)}` : ''}`);
  const trustProblem = trustStateProblem();
  if (trustProblem) {
    console.log(`${finishedMarker} 0 passed, 1 failed, 0 skipped (${trustProblem})`);
    return Promise.reject(new Error(trustProblem));
  }

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        const pending = runner.stats?.pending ?? 0;
        console.log(`${finishedMarker} ${passes} passed, ${failures} failed, ${pending} skipped (${files.length} files)`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (passes === 0) reject(new Error('no integration test ran'));
        else if (pending > 0) reject(new Error(`${pending} integration test(s) skipped; every test this run selects is expected to run`));
        else resolve();
      });
    } catch (error) {
      console.error(`${finishedMarker} could not load the tests: ${error instanceof Error ? error.stack : String(error)}`);
      reject(error);
    }
  });
}
