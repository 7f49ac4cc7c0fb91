// Packages the extension as a .vsix with vsce (offline). .vscodeignore keeps the sources, tests and fixtures out
// and vsce keeps the production dependencies in (the native @napi-rs/keyring and its platform package).
//   node scripts/package-vsix.mjs [--out FILE] [--target PLATFORM]   (default: secret-manager-vscode.vsix, this platform)
// Expects a fresh build in dist/ (`npm run package` makes a minified one first).
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryFolder } from './lib/test-host-paths.mjs';

/** Packages into `out`; returns vsce's "Packaged: …" line. Throws with vsce's output when it refuses. */
export function packageVsix(out, { target } = {}) {
  const manifest = JSON.parse(readFileSync(path.join(repositoryFolder, 'package.json'), 'utf8'));
  // Relative links in the README must become absolute; vsce infers that only for GitHub and GitLab.
  const repository = String(manifest.repository?.url ?? manifest.repository ?? '').replace(/\.git$/, '');
  const baseUrls = repository.startsWith('https://')
    ? ['--baseContentUrl', `${repository}/blob/HEAD`, '--baseImagesUrl', `${repository}/raw/HEAD`]
    : [];
  const result = spawnSync(path.join(repositoryFolder, 'node_modules/.bin/vsce'), ['package', '--out', out, ...baseUrls, ...(target ? ['--target', target] : [])], {
    cwd: repositoryFolder,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(out)) {
    throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (/\.invalid(\/|$)/.test(repository)) {
    console.warn(`package-vsix: repository.url is the placeholder ${repository}: the README's images in this .vsix point nowhere (see README, Packaging)`);
  }
  return /Packaged: .*/.exec(result.stdout)?.[0] ?? `Packaged: ${out}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(repositoryFolder, 'scripts/package-vsix.mjs')) {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'secret-manager-vscode.vsix' }, target: { type: 'string' } },
  });
  try {
    console.log(packageVsix(path.resolve(values.out), { target: values.target }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
