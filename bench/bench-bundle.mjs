// Bundles TypeScript sources into .bench/<name>.cjs for a benchmark, and loads the result.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** `exportLines` are `export … from './src/…'` lines, resolved from the repository root. */
export async function bundleForBench(name, exportLines) {
  const outfile = path.join(root, '.bench', `${name}.cjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    stdin: { contents: exportLines.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    // The keychain's platform packages too: src/core/keychain.ts requires the native binding directly, as the build does.
    external: ['@napi-rs/keyring', '@napi-rs/keyring/*', '@napi-rs/keyring-*'],
    logLevel: 'warning',
  });
  return { path: outfile, load: () => require(outfile) };
}
