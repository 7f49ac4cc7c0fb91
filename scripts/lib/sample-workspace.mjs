// Copies sample-workspace/ to a folder of its own and adds the ONE deliberately leaked credential. The credential is
// generated here, at run time, so no token-shaped literal is ever committed or packaged (vsce's secretlint refuses those).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { repositoryFolder } from './test-host-paths.mjs';

export const sampleWorkspaceSource = path.join(repositoryFolder, 'sample-workspace');
/** The file, relative to the workspace, that holds the leaked fake credential. */
export const leakedCredentialFile = 'executors/refund-order.ts';

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fake Stripe-shaped secret key: random, and never valid anywhere. */
export function fakeStripeSecretKey() {
  let body = '';
  for (let index = 0; index < 32; index += 1) body += alphanumerics[randomInt(alphanumerics.length)];
  return ['sk', 'live', body].join('_');
}

function leakedExecutorSource(credential) {
  return `import { createExecutor, recordDeletedTrigger } from "@tailor-platform/sdk";
import { order } from "../tailordb/order";

// Refunds a deleted order. Someone pasted the API key straight into the header: the extension flags it,
// and its quick fix moves it into the "api-keys" vault and writes a reference in its place.
export default createExecutor({
  name: "refund-order",
  trigger: recordDeletedTrigger({ type: order }),
  operation: {
    kind: "webhook",
    url: () => "https://api.stripe.com/v1/refunds",
    headers: {
      Authorization: "Bearer ${credential}",
    },
    requestBody: ({ oldRecord }) => ({ charge: oldRecord.chargeId }),
  },
});
`;
}

/**
 * Makes `target` a fresh copy of the sample workspace with the leaked credential written in.
 * Returns the credential so a test can look for it (and make sure it never shows up where it must not).
 */
export function prepareSampleWorkspace(target, { credential = fakeStripeSecretKey() } = {}) {
  mkdirSync(target, { recursive: true });
  cpSync(sampleWorkspaceSource, target, { recursive: true });
  writeFileSync(path.join(target, leakedCredentialFile), leakedExecutorSource(credential));
  return { folder: target, leakedCredential: credential, leakedCredentialFile };
}
