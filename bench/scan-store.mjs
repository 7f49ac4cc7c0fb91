// The local store of bench/scan.bench.mjs: 1,000 secrets of the shapes people keep (API keys, tokens,
// passwords, hex keys, UUIDs), created through the library in one store session with a passphrase and
// the keychain off, as a user without a keychain (or CI) has it. Some of the values are planted in the
// scanned tree, so that the known-secret findings are real and can be counted.
import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { keychainEnvironment } from './private-keyring.mjs';

export const STORE_SECRETS = 1000;
export const STORE_PASSPHRASE = 'scan bench passphrase';
const VAULTS = 10;
const PLANTED = 25;

const join = (...parts) => parts.join('');

function randomAlphanumeric(length) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (const byte of randomBytes(length)) text += alphabet[byte % alphabet.length];
  return text;
}

/** A value of one of the usual shapes, by index: 32 to 69 characters, and 16 to 24 for passwords. */
function storedValue(index) {
  const makers = [
    () => join('sk_', 'live_', randomAlphanumeric(24)),
    () => join('gh', 'p_', randomAlphanumeric(36)),
    () => randomAlphanumeric(40),
    () => randomAlphanumeric(16 + (index % 9)),
    () => randomBytes(16).toString('hex'),
    () => randomBytes(32).toString('hex'),
    () => randomUUID(),
    () => join('xo', 'xb-', String(1e11 + index), '-', String(1e12 + index), '-', randomAlphanumeric(24)),
    () => join('S', 'G.', randomAlphanumeric(22), '.', randomAlphanumeric(43)),
    () => randomBytes(33).toString('base64'),
  ];
  return makers[index % makers.length]();
}

/**
 * Creates the store in `home` with dist/library.js, unlocked by passphrase or by the keychain alone
 * (`unlock`), and plants some of its values in `plantFile`.
 * Returns how many were planted (each is one known-secret finding) and the seconds it took.
 */
export async function createBenchStore(repository, home, plantFile, unlock = 'passphrase') {
  const { openStore } = createRequire(import.meta.url)(path.join(repository, 'dist', 'library.js'));
  const started = performance.now();
  const store = await openStore(unlock === 'keychain' ? { kind: 'local', home, keychain: 'auto', env: keychainEnvironment(home) } : { kind: 'local', home, passphrase: STORE_PASSPHRASE, keychain: 'off' });
  for (let vault = 0; vault < VAULTS; vault += 1) await store.createVault(`vault-${vault}`);
  const planted = [];
  for (let index = 0; index < STORE_SECRETS; index += 1) {
    const value = storedValue(index);
    await store.createSecret({ vault: `vault-${index % VAULTS}`, key: `secret-${index}`, value });
    if (index % (STORE_SECRETS / PLANTED) === 0) planted.push(value);
  }
  await store.close();
  const seconds = (performance.now() - started) / 1000;
  appendFileSync(plantFile, planted.map((value, index) => `export const leakedSetting${index} = "${value}";\n`).join(''));
  return { planted: planted.length, seconds };
}

/** Opening the store and building its matcher in a fresh process, in ms (the median of `runs`). */
export function measureStoreOpen(repository, home, runs = 5) {
  const script = `
    const started = performance.now();
    const { openStore } = require(${JSON.stringify(path.join(repository, 'dist', 'library.js'))});
    const loaded = performance.now();
    openStore({ kind: 'local', home: ${JSON.stringify(home)}, passphrase: ${JSON.stringify(STORE_PASSPHRASE)}, keychain: 'off' })
      .then(async (store) => { const opened = performance.now(); await store.fingerprintMatcher(); const matcher = performance.now();
        console.log(JSON.stringify({ load: loaded - started, open: opened - loaded, matcher: matcher - opened })); });`;
  const samples = Array.from({ length: runs }, () => JSON.parse(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout));
  const median = (key) => samples.map((sample) => sample[key]).sort((left, right) => left - right)[runs >> 1];
  return { load: median('load'), open: median('open'), matcher: median('matcher') };
}
