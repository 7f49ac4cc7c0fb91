// Completion latency through the real provider, in a real extension host (code-server, as the integration
// tests run it): p50 and p99 of vscode.executeCompletionItemProvider at a reference key, in a small executor and
// mid-file in a 3,000-line one, against TypeScript's own completion mid-file in the same file (the anchor).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync('bash', ['scripts/with-keyring.sh', 'node', 'scripts/run-integration.mjs'], {
  cwd: repository,
  env: { ...process.env, SECRET_MANAGER_TEST_BENCH: '1' },
  encoding: 'utf8',
});
const figures = `${result.stdout}`.split('\n').filter((line) => line.startsWith('bench: '));
for (const figure of figures) console.log(figure.slice('bench: '.length));
if (result.status !== 0 || figures.length === 0) {
  console.error(`completion-host: the host run failed (see test-results/integration.log)\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  process.exit(1);
}
