// Runnable example of the scripting library: node examples/library-example.mjs
// It uses a throwaway store in a temp folder, unlocked by a passphrase, so it touches nothing of yours.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, isSecretManagerError } from 'secret-manager-vscode';

const home = mkdtempSync(path.join(tmpdir(), 'secret-manager-example-'));
const client = await openStore({ kind: 'local', home, passphrase: 'correct horse battery staple', keychain: 'off' });
try {
  await client.createVault('api-keys');
  await client.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: 'sk_test_example', description: 'Stripe test key' });

  // Metadata only: names, versions, times. Never the value.
  const [secret] = await client.listSecrets('api-keys');
  console.log(`${secret.vault}/${secret.name} is at version ${secret.version}`);

  // The one way to the value; it leaves a "secret.resolve" audit record.
  const value = await client.resolve({ vault: 'api-keys', key: 'stripe-secret-key' });
  console.log(`resolved a value of ${value.length} characters`);

  // Bad input gets a specific error.
  try {
    await client.createVault('Bad_Name');
  } catch (error) {
    if (!isSecretManagerError(error, 'invalid-input')) throw error;
    console.log(`refused: ${error.message}`);
  }

  const audit = await client.readAudit({ vault: 'api-keys' });
  console.log(`audit: ${audit.map((record) => record.action).join(', ')}`);
} finally {
  await client.close();
  rmSync(home, { recursive: true, force: true });
}
