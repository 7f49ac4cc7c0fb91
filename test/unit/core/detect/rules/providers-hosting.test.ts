import { fake, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-hosting', () => {
  it('finds Heroku, Fly.io, Render and Netlify tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/heroku-api-key', fake.herokuKey);
    await assertFoundInFiveContexts('secret-manager/flyio-token', fake.flyToken);
    await assertFoundInFiveContexts('secret-manager/render-api-key', fake.renderKey);
    await assertFoundInFiveContexts('secret-manager/netlify-token', fake.netlifyToken);
  });

  it('finds Scalingo and PlanetScale tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/scalingo-token', fake.scalingoToken);
    for (const kind of ['tkn', 'pw', 'oauth']) await assertFoundInFiveContexts('secret-manager/planetscale-token', () => fake.planetScaleToken(kind));
  });

  it("finds Tailor Platform's machine-user and personal access tokens in the five contexts", async () => {
    await assertFoundInFiveContexts('secret-manager/tailor-platform-token', () => fake.tailorToken('tpmu_'));
    await assertFoundInFiveContexts('secret-manager/tailor-platform-token', () => fake.tailorToken('tpp_'));
  });

  it('leaves near-misses alone', async () => {
    await assertNothingFound(`token: ${join('tp', 'p_', 'xxxxxxxxxxxxx')}\nconst example = "${join('tp', 'mu_', 'your_machine_user_token_here')}";\n`);
    await assertNothingFound(`const value = "${join('rn', 'd_', randomText(20))}"; const seed = "${join('rn', 'd_', 'generator_state_holder_for_tests')}";\n`);
    await assertNothingFound(`const value = "${join('nf', 'p_', 'your_personal_access_token_here_xx')}";\n`);
    await assertNothingFound(`const value = "${join('HR', 'KU-AA', 'short')}"; const fly = "${join('fo', '1_', 'abc')}";\n`);
    await assertNothingFound(`const value = "${join('pscale', '_pw_', 'replace_with_your_password_please_thanks')}";\n`);
    await assertNothingFound(`// Render keys start with ${join('rn', 'd_')}, Netlify ones with ${join('nf', 'p_')}.\n`);
  });
});
