// Fills a local store with demo vaults and secrets for `npm start` and the UI tests, through the built library
// (dist/library.js). Safe to run again: what exists is left alone. The values are random, never printed.
//
//   SECRET_MANAGER_HOME=/some/folder SECRET_MANAGER_PASSPHRASE=… node scripts/seed-demo-store.mjs
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { repositoryFolder } from './lib/test-host-paths.mjs';

/** Vault → secret → description. `rotations` gives a secret earlier versions to roll back to. */
export const demoVaults = {
  'api-keys': {
    'stripe-secret-key': { description: 'Stripe live secret key used by the charge-on-order executor', rotations: 2 },
    'sendgrid-api-key': { description: 'SendGrid key for receipts' },
    'carrier-api-key': { description: 'Shipping carrier quotes API' },
  },
  'idp-credentials': {
    'oidc-client-secret': { description: 'Corporate SSO client secret' },
    'scim-bearer-token': { description: 'SCIM provisioning bearer token' },
  },
  'staging-keys': {},
};

function demoValue() {
  return `demo-${randomBytes(18).toString('base64url')}`;
}

export async function seedDemoStore({ home = process.env.SECRET_MANAGER_HOME, log = console.log } = {}) {
  if (!home) throw new Error('seed-demo-store: set SECRET_MANAGER_HOME to the folder of the store to fill');
  const libraryFile = path.join(repositoryFolder, 'dist/library.js');
  if (!existsSync(libraryFile)) throw new Error('seed-demo-store: dist/library.js is missing; run `npm run build` first');
  const { openStore } = createRequire(import.meta.url)(libraryFile);
  const store = await openStore({ kind: 'local', home, actor: 'demo-seed' });
  let created = 0;
  try {
    const existingVaults = new Set((await store.listVaults()).map((vault) => vault.name));
    for (const [vault, secrets] of Object.entries(demoVaults)) {
      if (!existingVaults.has(vault)) {
        await store.createVault(vault);
        created += 1;
      }
      const existingSecrets = new Set((await store.listSecrets(vault)).map((secret) => secret.name));
      for (const [key, { description, rotations = 0 }] of Object.entries(secrets)) {
        if (existingSecrets.has(key)) continue;
        await store.createSecret({ vault, key, value: demoValue(), description, labels: { origin: 'demo' } });
        for (let rotation = 0; rotation < rotations; rotation += 1) {
          await store.updateSecret({ vault, key, value: demoValue() });
        }
        created += 1;
      }
    }
  } finally {
    await store.close();
  }
  log(`seed-demo-store: ${created === 0 ? 'demo store already seeded' : `created ${created} vaults and secrets`} in ${home}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(repositoryFolder, 'scripts/seed-demo-store.mjs')) {
  seedDemoStore().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
