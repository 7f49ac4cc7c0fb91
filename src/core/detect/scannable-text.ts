import type { SkipReason } from './scan-files';

/** Bigger files are generated, minified or data, not where people write credentials. */
export const LARGEST_SCANNED_BYTES = 2 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;

/**
 * The text of a file's bytes if it is worth scanning, or why it is not: larger than 2 MiB, or
 * binary (a NUL byte in its first 8,000 bytes, as git decides).
 */
export function scannableText(content: Buffer): { text: string } | { skipped: Exclude<SkipReason, 'unreadable'> } {
  if (content.length > LARGEST_SCANNED_BYTES) return { skipped: 'too-large' };
  if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary' };
  return { text: content.toString('utf8') };
}
