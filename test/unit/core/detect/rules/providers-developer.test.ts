import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-developer', () => {
  it('finds Laravel application keys in the five contexts, and not base64 of zero-filled data', async () => {
    await assertFoundInFiveContexts('secret-manager/laravel-app-key', fake.laravelAppKey);
    await assertNothingFound(`"RedTRC": "${join('base', '64:', Buffer.alloc(32).fill(0).toString('base64'))}",\n`);
    await assertNothingFound(`// keys look like ${join('base', '64:')}<44 characters>\n`);
  });

  it('finds ntfy access tokens and Vikunja API tokens in the five contexts, not a stand-in', async () => {
    await assertFoundInFiveContexts('secret-manager/ntfy-token', () => join('tk', '_', randomText(29)));
    await assertFoundInFiveContexts('secret-manager/vikunja-token', () => join('tk', '_', hex(40)));
    await assertNothingFound(`const token = "${join('tk', '_', 'FAKETOKENFAKETOKENFAKETOKENFA')}"; const short = "${join('tk', '_', randomText(12))}";\n`);
  });

  it('finds PyPI, RubyGems and Clojars tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/pypi-token', fake.pypiToken);
    await assertFoundInFiveContexts('secret-manager/rubygems-api-key', fake.rubyGemsKey);
    await assertFoundInFiveContexts('secret-manager/clojars-token', fake.clojarsToken);
  });

  it('finds JFrog API keys and reference tokens, Postman, ReadMe and Sourcegraph keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/jfrog-token', fake.jfrogApiKey);
    await assertFoundInFiveContexts('secret-manager/jfrog-token', fake.jfrogReferenceToken);
    await assertFoundInFiveContexts('secret-manager/postman-api-key', fake.postmanKey);
    await assertFoundInFiveContexts('secret-manager/readme-api-key', fake.readMeKey);
    await assertFoundInFiveContexts('secret-manager/sourcegraph-token', fake.sourcegraphToken);
  });

  it('finds the GitLab tokens the preset leaves out in the five contexts', async () => {
    for (const prefix of ['gldt-', 'glrt-', 'glft-'] as const) await assertFoundInFiveContexts('secret-manager/gitlab-token', () => fake.gitLabToken(prefix));
    await assertFoundInFiveContexts('secret-manager/gitlab-token', fake.gitLabTriggerToken);
  });

  it('finds Atlassian API tokens and Bitbucket app passwords in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/atlassian-token', fake.atlassianToken);
    await assertFoundInFiveContexts('secret-manager/atlassian-token', fake.bitbucketAppPassword);
  });

  it('finds Pulumi, Prefect, Infracost and Doppler tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/pulumi-token', fake.pulumiToken);
    await assertFoundInFiveContexts('secret-manager/prefect-api-key', fake.prefectKey);
    await assertFoundInFiveContexts('secret-manager/infracost-api-key', fake.infracostKey);
    for (const kind of ['pt', 'st', 'sa', 'ct', 'scim', 'audit', 'st.production']) await assertFoundInFiveContexts('secret-manager/doppler-token', () => fake.dopplerToken(kind));
  });

  it('finds Harness, Octopus Deploy, MaxMind and 1Password credentials and GitLab runner registration tokens in the five contexts', async () => {
    for (const kind of ['pat', 'sat'] as const) await assertFoundInFiveContexts('secret-manager/harness-token', () => fake.harnessToken(kind));
    await assertFoundInFiveContexts('secret-manager/octopus-deploy-key', fake.octopusDeployKey);
    await assertFoundInFiveContexts('secret-manager/maxmind-license-key', fake.maxMindLicenseKey);
    await assertFoundInFiveContexts('secret-manager/1password-credential', fake.onePasswordServiceAccountToken);
    await assertFoundInFiveContexts('secret-manager/1password-credential', fake.onePasswordSecretKey);
    await assertFoundInFiveContexts('secret-manager/gitlab-token', fake.gitLabRunnerRegistrationToken);
  });

  it('leaves near-misses alone', async () => {
    await assertNothingFound(`const value = "${join('pn', 'u_', 'your_token_here_0000000000000000')}";\n`);
    await assertNothingFound(`const value = "${join('pn', 'u_', randomText(20))}";\n`);
    await assertNothingFound(`const name = "${join('pn', 'u_', 'abcdefghijklmnopqrstuvwxyzabcdefghij')}";\n`);
    await assertNothingFound(`const value = "${join('pu', 'l-', hex(32))}";\n`);
    await assertNothingFound(`const value = "${join('PM', 'AK-', hex(24))}";\n`);
    await assertNothingFound(`const value = "${join('rubygems', '_', 'gem_name_of_the_package')}";\n`);
    await assertNothingFound(`const icon = "${join('ic', 'o-', 'arrow-right')}"; const css = "${join('ic', 'o-', 'largeIconSizeForTheToolbarBtn')}";\n`);
    await assertNothingFound(`const feature = "${join('gl', 'dt-', 'deploy-token-settings')}";\n`);
    await assertNothingFound(`const key = "${join('dp', '.pt.', 'PLACEHOLDER')}"; const word = "${join('AT', 'BB', 'REVIATION')}";\n`);
    await assertNothingFound(`// Doppler tokens start with ${join('dp', '.st.')} and Atlassian ones with ${join('ATA', 'TT3')}.\n`);
    await assertNothingFound(`const value = "${join('AP', 'I-', 'KEYGOESHEREKEYGOESHEREKEYG')}"; const compat = "${join('com', 'pat.', randomText(22), '.', randomText(24), '.', randomText(20))}";\n`);
    await assertNothingFound(`const value = "${join('op', 's_', 'eyJ', 'x'.repeat(260))}"; const key = "${join('A', '3-', 'XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX')}";\n`);
    await assertNothingFound(`const value = "${join('your_', 'license_key_here_please_thanks_mmk')}";\n`);
  });
});
