// UI tests: packages the extension as a .vsix, installs it into a fresh code-server, and drives the real
// workbench in headless Chromium (test/e2e/*.test.mjs, mocha). Screenshots go to test-results/e2e/.
//
//   node scripts/run-e2e.mjs [--update-screenshots] [--grep TEXT]
//
// --update-screenshots also copies them to media/screenshots/ (the README's pictures).
// Run it under scripts/with-keyring.sh (npm test does) so the extension meets a real, throwaway keychain.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { ensureTestHostInstalled } from './lib/code-server.mjs';
import { packageVsix } from './package-vsix.mjs';
import { repositoryFolder } from './lib/test-host-paths.mjs';

const { values: options } = parseArgs({
  options: { 'update-screenshots': { type: 'boolean', default: false }, grep: { type: 'string' } },
});

if (!existsSync(path.join(repositoryFolder, 'dist/extension.js'))) {
  console.error('run-e2e: dist/extension.js is missing; run `npm run build` first');
  process.exit(1);
}
ensureTestHostInstalled();
// Ctrl-C: exit normally, so the 'exit' hooks stop the code-server process group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const scratch = mkdtempSync(path.join(tmpdir(), 'secret-manager-vsix-'));
const vsix = path.join(scratch, 'secret-manager-vscode.vsix');
try {
  console.log(`run-e2e: ${packageVsix(vsix)}`);
} catch (error) {
  console.error(`run-e2e: ${error.message}`);
  process.exit(1);
}

process.env.SECRET_MANAGER_E2E_VSIX = vsix;
if (options['update-screenshots']) process.env.SECRET_MANAGER_E2E_UPDATE_SCREENSHOTS = '1';
mkdirSync(path.join(repositoryFolder, 'test-results', 'e2e'), { recursive: true });

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000 });
if (options.grep) mocha.grep(options.grep);
const testFolder = path.join(repositoryFolder, 'test/e2e');
for (const file of readdirSync(testFolder).filter((name) => name.endsWith('.test.mjs')).sort()) {
  mocha.addFile(path.join(testFolder, file));
}
await mocha.loadFilesAsync();
const stats = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve(runner.stats));
});
rmSync(scratch, { recursive: true, force: true });
console.log(`run-e2e: screenshots in test-results/e2e/${options['update-screenshots'] ? ' and media/screenshots/' : ''}`);
console.log(`e2e: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
process.exit(stats.failures > 0 || stats.passes === 0 ? 1 : 0);
