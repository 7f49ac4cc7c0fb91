import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/api';

interface SeedModule {
  demoVaults: Record<string, Record<string, { description: string; rotations?: number }>>;
  seedDemoStore(options: { home: string; log?: (line: string) => void }): Promise<void>;
}

// A plain .mjs script module: loaded by path so the type checker does not look for its declarations.
const modulePath = path.resolve(__dirname, '../../../scripts/seed-demo-store.mjs');
const loadModule = (): Promise<SeedModule> => import(modulePath);
const passphrase = 'seed-test-passphrase';

describe('scripts/seed-demo-store', function () {
  let home: string;
  let savedPassphrase: string | undefined;

  before(function () {
    // The script uses the built library, as `npm start` does.
    if (!existsSync(path.resolve(__dirname, '../../../dist/library.js'))) this.skip();
  });
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'seed-demo-store-test-'));
    savedPassphrase = process.env.SECRET_MANAGER_PASSPHRASE;
    process.env.SECRET_MANAGER_PASSPHRASE = passphrase;
  });
  afterEach(() => {
    if (savedPassphrase === undefined) delete process.env.SECRET_MANAGER_PASSPHRASE;
    else process.env.SECRET_MANAGER_PASSPHRASE = savedPassphrase;
    rmSync(home, { recursive: true, force: true });
  });

  it('creates the demo vaults and secrets once, with versions to roll back to, and never prints a value', async () => {
    const { seedDemoStore, demoVaults } = await loadModule();
    const lines: string[] = [];
    await seedDemoStore({ home, log: (line) => lines.push(line) });
    await seedDemoStore({ home, log: (line) => lines.push(line) });
    assert.match(lines[0], /created 8 vaults and secrets/);
    assert.match(lines[1], /already seeded/);

    const store = await openStore({ kind: 'local', home, passphrase });
    try {
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name).sort(), Object.keys(demoVaults).sort());
      const stripe = await store.describeSecret({ vault: 'api-keys', key: 'stripe-secret-key' });
      assert.equal(stripe.version, 3, 'created, then rotated twice');
      const values = await Promise.all(
        (await store.listSecrets('api-keys')).map((secret) => store.revealSecret({ vault: 'api-keys', key: secret.name })),
      );
      assert.equal(new Set(values).size, values.length, 'each secret has its own random value');
      for (const value of values) assert.ok(!lines.join('\n').includes(value), 'a value was printed');
    } finally {
      await store.close();
    }
  });
});
