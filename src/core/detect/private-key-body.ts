// Whether a PEM private key block holds as much body as the smallest key of its type.

/**
 * The fewest base64 characters in the body of each PEM label's private key: a 512-bit RSA or DSA
 * key, an Ed25519 OpenSSH key, an encrypted Ed25519 PKCS#8 key, a P-256 SEC1 key without its public
 * part, an Ed25519 PKCS#8 key (the smallest of all, 64).
 */
const SHORTEST_BODY: Readonly<Record<string, number>> = { RSA: 300, DSA: 300, PGP: 300, OPENSSH: 200, ENCRYPTED: 120, EC: 60 };
const SHORTEST_ANY_BODY = 60;

const PEM_BLOCK = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----([\s\S]*?)(?:-----END|$)/;

/**
 * `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEApCt3ych…\n-----END RSA PRIVATE KEY-----`: a few
 * lines of a key, cut short for a test of templating or of a detector. No key of that type fits.
 */
export function isCutShortPrivateKey(block: string): boolean {
  const parts = PEM_BLOCK.exec(block);
  if (parts === null) return false;
  const label = parts[1].trim();
  // Proc-Type and DEK-Info headers hold a colon; escapes (`\n` in a JSON string) and comment markers are no body.
  const body = parts[2]
    .replace(/\\[rn]/g, '\n')
    .split('\n')
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  const shortest = SHORTEST_BODY[label.split(' ')[0]] ?? SHORTEST_ANY_BODY;
  return body.length < shortest;
}
