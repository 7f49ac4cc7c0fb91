import { fake, join, randomText, URL_SAFE } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/google', () => {
  it('finds OAuth client secrets, refresh tokens and access tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/google-oauth-client-secret', fake.googleOauthClientSecret);
    await assertFoundInFiveContexts('secret-manager/google-oauth-token', fake.googleRefreshToken);
    await assertFoundInFiveContexts('secret-manager/google-oauth-token', fake.googleAccessToken);
  });

  it('finds Firebase Cloud Messaging server keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/firebase-server-key', fake.firebaseServerKey);
  });

  it('leaves near-misses alone', async () => {
    // A device registration token has the same middle, without the "AAAA" head.
    await assertNothingFound(`const device = "${join(randomText(11, URL_SAFE).replace(/^A/, 'b'), ':APA', '91b', randomText(134, URL_SAFE))}";\n`);
    await assertNothingFound(`x = 1//0 if broken else 2\n`, '/workspace/src/divide.py');
    await assertNothingFound(`const value = "${join('ya', '29.', 'your-access-token')}"; const secret = "${join('GOC', 'SPX-', 'short')}";\n`);
  });
});
