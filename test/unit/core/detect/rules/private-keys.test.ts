import { fake, join } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/private-keys', () => {
  it('finds age secret keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/age-secret-key', fake.ageSecretKey);
  });

  it('leaves near-misses alone', async () => {
    // "b", "i", "o" and "1" are not in bech32's alphabet, and the key is 58 characters long.
    await assertNothingFound(`const value = "${join('AGE-', 'SECRET-', 'KEY-1', 'B'.repeat(58))}";\n`);
    await assertNothingFound(`const value = "${join('AGE-', 'SECRET-', 'KEY-1', 'QPZRY9X8')}";\n`);
    await assertNothingFound(`// age identities start with ${join('AGE-', 'SECRET-', 'KEY-1')}.\n`);
  });
});
