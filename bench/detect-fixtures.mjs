// Generates ordinary TypeScript for the detection benches: UUIDs, hashes, base64 snapshots, and a
// few fake credentials built by concatenation (so no token-shaped literal sits in this file).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const join = (...parts) => parts.join('');

function randomAlphanumeric(length) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

const hex = (bytes) => randomBytes(bytes).toString('hex');

/** Fake credentials of the formats the detector knows, one per call in turn. */
export function fakeCredentialLine(index) {
  const makers = [
    () => `const stripeKey = "${join('sk_live_', randomAlphanumeric(24))}";`,
    () => `const githubToken = "${join('gh', 'p_', randomAlphanumeric(36))}";`,
    () => `const awsId = "${join('AKIA', randomAlphanumeric(16).toUpperCase())}";`,
    () => `const twilioApiKeySid = "${join('S', 'K', hex(16))}";`,
    () => `const googleKey = "${join('AI', 'za', randomAlphanumeric(35))}";`,
    () => `const databasePassword = "${randomAlphanumeric(18)}";`,
    () => `const cache = "${join('redis://default:', randomAlphanumeric(16), '@cache.internal:6379')}";`,
    () => `const session = "${join('ey', 'J', randomAlphanumeric(20), '.ey', 'J', randomAlphanumeric(30), '.', randomAlphanumeric(43))}";`,
  ];
  return makers[index % makers.length]();
}

/** One line of ordinary code, chosen by `index`. */
function ordinaryLine(index) {
  switch (index % 12) {
    case 0:
      return `export const requestId${index} = "${randomUUID()}";`;
    case 1:
      return `  integrity: "sha512-${createHash('sha512').update(String(index)).digest('base64')}",`;
    case 2:
      return `  const commit${index} = '${createHash('sha1').update(String(index)).digest('hex')}';`;
    case 3:
      return `  expect(snapshot).toMatchInlineSnapshot(\`${randomBytes(48).toString('base64')}\`);`;
    case 4:
      return `function handle${index}(request: Request, token: CancellationToken): Promise<Response> {`;
    case 5:
      return `  const tokenizer = createTokenizer({ maxLength: ${index}, secretName: "api-keys" });`;
    case 6:
      return `  if (user.password !== undefined) throw new Error("Enter your password");`;
    case 7:
      return `  return fetch(\`https://api.example.com/v1/items/\${id}\`, { headers: { Accept: "application/json" } });`;
    case 8:
      return `}`;
    case 9:
      return `// Loads the record ${index} and keeps it in the cache for later lookups.`;
    case 10:
      return `  const image = "data:image/png;base64,${randomBytes(30).toString('base64')}";`;
    default:
      return `  items.push({ id: ${index}, name: "item-${index}", tags: ["a", "b"], createdAt: new Date() });`;
  }
}

/**
 * A TypeScript file of `lineCount` lines; every `credentialEvery` lines (0: never) one fake credential.
 */
export function generateTypeScript(lineCount, credentialEvery = 0, seed = 0) {
  const lines = [];
  for (let index = 0; index < lineCount; index += 1) {
    if (credentialEvery > 0 && index % credentialEvery === credentialEvery - 1) lines.push(fakeCredentialLine(seed + Math.floor(index / credentialEvery)));
    else lines.push(ordinaryLine(seed + index));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the scan benches' tree into `folder`: TypeScript files of 400–1000 lines in 20 packages,
 * a fake credential every 250 lines, until `targetBytes`. Returns its size and file count.
 */
export function writeGeneratedTree(folder, targetBytes) {
  let bytes = 0;
  let index = 0;
  while (bytes < targetBytes) {
    const subfolder = path.join(folder, `package-${index % 20}`, 'src', `feature-${index % 7}`);
    mkdirSync(subfolder, { recursive: true });
    const text = generateTypeScript(400 + (index % 5) * 150, 250, index * 7);
    writeFileSync(path.join(subfolder, `module-${index}.ts`), text);
    bytes += Buffer.byteLength(text);
    index += 1;
  }
  return { bytes, files: index };
}
