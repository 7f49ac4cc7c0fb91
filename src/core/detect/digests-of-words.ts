import { createHash } from 'node:crypto';
import { decodedBase64Text } from './decoded-text';
import { forLastText } from './last-text-cache';

/** The digests that stand in for a word's: md5, sha1, sha256 and sha512. */
const ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
/** Hex and base64 lengths of those digests. */
const DIGEST_LENGTHS = new Set([32, 40, 64, 128, 24, 28, 44, 88]);
/** Words a file may hash, as written: a test's or a client's known password, a product's name. */
const WORD = /[\w.@!$-]{3,40}/g;
/** Enough of a large file's distinct words; a digest is only worked out for a value of a digest's length. */
const MOST_WORDS = 5000;

function digestsOfWords(text: string): ReadonlySet<string> {
  const digests = new Set<string>();
  const words = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    words.add(match[0]);
    if (words.size >= MOST_WORDS) break;
  }
  for (const word of words) {
    for (const algorithm of ALGORITHMS) {
      const digest = createHash(algorithm).update(word).digest();
      digests.add(digest.toString('hex'));
      digests.add(digest.toString('base64'));
    }
  }
  return digests;
}

const digestsOfWordsInText = forLastText(digestsOfWords);
const digestsOfWordsInPath = forLastText(digestsOfWords);

/**
 * True when `value` is the digest of a word written in `text` or in its path (`'password': md5("domoticz")`
 * in domoticz's tests, `'password' => '144f…', // appwrite`), also as hex in base64: a stored hash of a known
 * password, not a password. No random value is one by chance.
 */
export function isDigestOfAWordIn(text: string, filePath: string, value: string): boolean {
  // A Kubernetes Secret keeps the hex digest in base64 (`echo -n 'secret-key' | sha256sum | base64`).
  const hexInBase64 = decodedBase64Text(value);
  if (hexInBase64 !== undefined && /^[0-9a-fA-F]+$/.test(hexInBase64) && isDigestOfAWordIn(text, filePath, hexInBase64)) return true;
  if (!DIGEST_LENGTHS.has(value.length) || !/^(?:[0-9a-fA-F]+|[A-Za-z0-9+/]+=*)$/.test(value)) return false;
  const digest = /^[0-9a-fA-F]+$/.test(value) ? value.toLowerCase() : value;
  return digestsOfWordsInText(text).has(digest) || digestsOfWordsInPath(filePath).has(digest);
}
