import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh store home for one test; call the returned cleanup in afterEach. */
export function makeTemporaryHome(prefix = 'secret-manager-test-'): { home: string; cleanup: () => void } {
  const home = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Every file under `folder`, recursively, with its bytes. */
export function readAllFiles(folder: string): Array<{ file: string; bytes: Buffer }> {
  const files: Array<{ file: string; bytes: Buffer }> = [];
  for (const name of readdirSync(folder, { recursive: true }).map(String)) {
    const file = path.join(folder, name);
    if (statSync(file).isFile()) files.push({ file, bytes: readFileSync(file) });
  }
  return files;
}

/** The environment of a process that has no OS keychain to talk to. */
export function environmentWithoutKeychain(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.SECRET_MANAGER_PASSPHRASE;
  return env;
}

export const REGISTER = path.resolve(__dirname, '../register.cjs');
