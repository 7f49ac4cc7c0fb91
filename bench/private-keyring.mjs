// Benches that measure a store whose master key is in the OS keychain (the default user's case on a
// desktop) run under a private Secret Service, never the user's own keychain (they would leave
// entries in it): a bench calls runUnderPrivateKeyring(import.meta.url) first, which starts it again
// under scripts/with-keyring.sh (gnome-keyring on a private D-Bus session) when dbus-run-session and
// gnome-keyring-daemon are installed, and otherwise says why the keychain rows are skipped.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts the bench at `moduleUrl` again under a private Secret Service when it can, and exits with its
 * status; returns when this process already runs under one (undefined) or cannot (the reason, for
 * the bench to print where its keychain rows would be).
 */
export function runUnderPrivateKeyring(moduleUrl) {
  if (process.env.SECRET_MANAGER_TEST_KEYRING === '1') return undefined;
  if (process.env.SECRET_MANAGER_BENCH_KEYRING_TRIED === '1') return 'scripts/with-keyring.sh did not provide a Secret Service';
  if (process.platform !== 'linux') return `no private Secret Service on ${process.platform} (the bench never uses your own keychain)`;
  if (!hasCommand('dbus-run-session') || !hasCommand('gnome-keyring-daemon')) {
    return 'no Secret Service: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)';
  }
  const again = spawnSync('bash', [path.join(root, 'scripts/with-keyring.sh'), process.execPath, ...process.execArgv, fileURLToPath(moduleUrl)], {
    stdio: 'inherit',
    env: { ...process.env, SECRET_MANAGER_BENCH_KEYRING_TRIED: '1' },
  });
  process.exit(again.status ?? 1);
}

/** The environment of a store whose master key is in the keychain alone: no passphrase to derive one from. */
export function keychainEnvironment(home, extra = {}) {
  const { SECRET_MANAGER_PASSPHRASE: _passphrase, SECRET_MANAGER_KEYCHAIN: _keychain, ...inherited } = process.env;
  return { ...inherited, SECRET_MANAGER_HOME: home, ...extra };
}

/** Where the store in `home` keeps its master key: "keychain", "passphrase", or both. */
export function keySources(home) {
  return JSON.parse(readFileSync(path.join(home, 'key.json'), 'utf8')).slots.map((slot) => slot.source).join(', ');
}
