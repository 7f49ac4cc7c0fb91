import { createHash } from 'node:crypto';
import { decodedBase64Text } from './decoded-text';
import { forLastText } from './last-text-cache';

/** The digest a value's length says it would be: md5, sha1, sha256 or sha512, in hex or in base64. */
const ALGORITHM_BY_LENGTH = new Map<number, readonly [algorithm: string, encoding: 'hex' | 'base64']>([
  [32, ['md5', 'hex']],
  [40, ['sha1', 'hex']],
  [64, ['sha256', 'hex']],
  [128, ['sha512', 'hex']],
  [24, ['md5', 'base64']],
  [28, ['sha1', 'base64']],
  [44, ['sha256', 'base64']],
  [88, ['sha512', 'base64']],
]);
/** Words a file may hash, as written: a test's or a client's known password, a product's name. */
const WORD = /[\w.@!$-]{3,40}/g;
/** Enough of a large file's distinct words; a digest is only worked out for a value of a digest's length. */
const MOST_WORDS = 5000;

const wordsIn = (text: string): readonly string[] => {
  const words = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    words.add(match[0]);
    if (words.size >= MOST_WORDS) break;
  }
  return [...words];
};

/** The digests of a text's words, by algorithm and encoding, each worked out when first asked for. */
function digestsOfWords(text: string): (algorithm: string, encoding: 'hex' | 'base64') => ReadonlySet<string> {
  const words = wordsIn(text);
  const digests = new Map<string, ReadonlySet<string>>();
  return (algorithm, encoding) => {
    const key = `${algorithm} ${encoding}`;
    let set = digests.get(key);
    if (!set) digests.set(key, (set = new Set(words.map((word) => createHash(algorithm).update(word).digest(encoding)))));
    return set;
  };
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
  const kind = ALGORITHM_BY_LENGTH.get(value.length);
  if (kind === undefined) return false;
  const [algorithm, encoding] = kind;
  if (!(encoding === 'hex' ? /^[0-9a-fA-F]+$/ : /^[A-Za-z0-9+/]+=*$/).test(value)) return false;
  const digest = encoding === 'hex' ? value.toLowerCase() : value;
  return digestsOfWordsInText(text)(algorithm, encoding).has(digest) || digestsOfWordsInPath(filePath)(algorithm, encoding).has(digest);
}
