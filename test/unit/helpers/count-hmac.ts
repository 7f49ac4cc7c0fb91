import crypto from 'node:crypto';

/**
 * Counts the HMACs computed while `run` runs, through a wrapper around node:crypto's createHmac, which the
 * sources call through the module object. The real HMAC still runs.
 */
export function countHmacs<T>(run: () => T): { result: T; hmacs: number } {
  const original = crypto.createHmac;
  let hmacs = 0;
  const counting: typeof crypto.createHmac = (...args) => {
    hmacs += 1;
    return original(...args);
  };
  (crypto as { createHmac: typeof crypto.createHmac }).createHmac = counting;
  try {
    return { result: run(), hmacs };
  } finally {
    (crypto as { createHmac: typeof crypto.createHmac }).createHmac = original;
  }
}
