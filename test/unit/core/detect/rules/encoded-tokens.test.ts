import { join, randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound } from './five-contexts';

const RULE = 'secret-manager/base64-provider-token';
const base64 = (text: string): string => Buffer.from(text).toString('base64');

describe('core/detect/rules/encoded-tokens', () => {
  it('finds GitHub, GitLab and Stripe tokens encoded once more in base64', async () => {
    for (const token of [join('github', '_pat_', randomText(22), '_', randomText(59)), join('gh', 'p_', randomText(36)), join('gl', 'pat-', randomText(20)), join('sk', '_live_', randomText(24))]) {
      const encoded = base64(token);
      await assertFinds(`\tpat := "${encoded}" // read-only token for the test repository\n`, RULE, encoded, '/w/core/integration/git_test.go');
    }
  });

  it('leaves base64 of stand-ins, of the prefix alone and of random text alone', async () => {
    await assertNothingFound(`const encoded = "${base64(join('gh', 'p_', 'x'.repeat(36)))}";\n`);
    await assertNothingFound(`const encoded = "${base64(join('gh', 'p_', 'short'))}";\n`);
    await assertNothingFound(`const encoded = "${base64(randomText(40))}";\n`);
    await assertNothingFound(`const sample = "${base64(`${join('gh', 'p_')}${'abcdefghijklmnopqrstuvwxyz0123456789'}`)}";\n`);
  });
});
