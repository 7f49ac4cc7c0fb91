const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The AWS account an access key id belongs to: characters 5 to 12 of `AKIA…` and `ASIA…` ids are
 * base32 of the account number, shifted by seven bits (as AWS's `sts get-access-key-info` answers).
 * Undefined when the id is not of that form.
 */
export function awsAccountOfKeyId(keyId: string): string | undefined {
  if (!/^A[KS]IA[A-Z2-7]{16}$/.test(keyId)) return undefined;
  // The first 48 bits of the base32 after the prefix: ten characters of five bits hold them.
  let bits = 0n;
  for (const character of keyId.slice(4, 14)) bits = (bits << 5n) | BigInt(BASE32.indexOf(character));
  const first48 = bits >> 2n;
  const account = (first48 & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}
