// npm run bench: runs every bench/*.bench.mjs in turn. Each prints its own figures and ratios
// against the anchors it runs side by side in the same process run.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const folder = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const benches = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => !only || file.includes(only))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file.replace('.bench.mjs', '')}`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(folder, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
