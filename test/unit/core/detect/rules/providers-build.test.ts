import { fake, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-build', () => {
  it("finds SonarQube's three kinds of token in the five contexts", async () => {
    for (const kind of ['u', 'p', 'a']) await assertFoundInFiveContexts('secret-manager/sonar-token', () => fake.sonarToken(kind));
  });

  it('finds Buildkite and CircleCI API tokens, NuGet API keys and Private Packagist tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/buildkite-token', fake.buildkiteToken);
    await assertFoundInFiveContexts('secret-manager/circleci-token', fake.circleCiToken);
    await assertFoundInFiveContexts('secret-manager/nuget-api-key', fake.nuGetKey);
    for (const kind of ['ort', 'out', 'uut'] as const) await assertFoundInFiveContexts('secret-manager/private-packagist-token', () => fake.privatePackagistToken(kind));
  });

  it('leaves stand-ins and words after the prefixes alone', async () => {
    await assertNothingFound(`const token = "${join('sq', 'p_', '0'.repeat(40))}"; const other = "${join('bk', 'ua_', 'abcdef'.repeat(6), 'abcd')}";\n`);
    await assertNothingFound(`const key = "${join('oy', '2', 'yournugetapikeygoesherereplacethisvaluenow')}"; const id = "${join('CCIP', 'AT_', randomText(22))}";\n`);
  });
});
