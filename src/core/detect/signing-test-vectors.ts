import { enclosingOpenBrace, objectOwnText } from './enclosing-object';
import { forLastText } from './last-text-cache';

/** How far the enclosing record's braces are looked for: a test vector of a transaction is a few KB. */
const REACH = 20_000;

/**
 * A member that holds, in hex, what signing with a key must give: `signedLegacy`, `unsignedEip155`,
 * `signedTransactionRLP`, `serialized`, the `sendersAddress` it recovers to.
 */
const SIGNING_OUTPUT_MEMBER = /["']?(?:(?:un)?signed[A-Z_]\w*|serialized\w*|sendersAddress)["']?\s*:\s*["'](?:0x)?[0-9a-fA-F]{40,}["']/;

/** A file's findings are judged one after another: the text is searched for such members once. */
const mayHoldSigningOutputs = forLastText((text: string): boolean => /signed|serialized|sendersAddress/i.test(text));

/**
 * True when the value at `index` sits in a record beside what signing with it must give: a signing
 * library's test vector (ethers' and ethereumjs' transactions), whose key is published with its outputs.
 */
export function isBesideItsSigningOutput(text: string, index: number): boolean {
  if (!mayHoldSigningOutputs(text)) return false;
  const start = enclosingOpenBrace(text, index + 1, REACH);
  return start !== undefined && SIGNING_OUTPUT_MEMBER.test(objectOwnText(text, start, REACH));
}
