// Where the offline test host (code-server on Node 24) lives: one cache folder outside the repository,
// named after the versions in scripts/test-host.json. Run as a script, it prints one path for the shell.
import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const versions = JSON.parse(readFileSync(path.join(repositoryFolder, 'scripts/test-host.json'), 'utf8'));
const nodeArchitecture = { x64: 'x64', arm64: 'arm64' }[process.arch] ?? process.arch;
const nodePackageName = `node-linux-${nodeArchitecture}`;

const cacheRoot = process.env.SECRET_MANAGER_TEST_HOST_CACHE || path.join(homedir(), '.cache', 'secret-manager-test-host');
const folder = path.join(cacheRoot, `code-server-${versions.codeServerVersion}-node-${versions.nodeVersion}`);
const nodeHome = path.join(folder, 'node', 'node_modules', nodePackageName);

export const testHost = {
  codeServerVersion: versions.codeServerVersion,
  nodePackage: `${nodePackageName}@${versions.nodeVersion}`,
  folder,
  nodeBinary: path.join(nodeHome, 'bin', 'node'),
  nodeBinFolder: path.join(nodeHome, 'bin'),
  codeServerEntry: path.join(folder, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  get installed() {
    return existsSync(path.join(folder, '.complete'));
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const printable = {
    folder: testHost.folder,
    node: testHost.nodeBinary,
    'node-package': testHost.nodePackage,
    'code-server-version': testHost.codeServerVersion,
    'code-server-entry': testHost.codeServerEntry,
  };
  const value = printable[process.argv[2]];
  if (value === undefined) {
    console.error(`usage: test-host-paths.mjs ${Object.keys(printable).join('|')}`);
    process.exit(2);
  }
  console.log(value);
}
