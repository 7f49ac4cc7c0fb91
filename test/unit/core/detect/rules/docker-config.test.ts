import assert from 'node:assert/strict';
import { fake, randomText } from '../fake-credentials';
import { assertNothingFound, detect } from './five-contexts';

const base64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
const pullSecret = (config: object, key = '.dockerconfigjson') =>
  `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  ${key}: ${base64(config)}\n`;

async function reported(text: string): Promise<string[]> {
  const findings = await detect(text, '/w/deploy/pull-secret.yaml');
  return findings.filter((finding) => finding.ruleId === 'secret-manager/docker-config').map((finding) => text.slice(finding.range[0], finding.range[1]));
}

describe('core/detect/rules/docker-config', () => {
  it('reports an image pull secret whose registry password or auth is a credential', async () => {
    const password = randomText(32);
    const withPassword = { auths: { 'ghcr.io': { username: 'deploy-bot', password, auth: base64(`deploy-bot:${password}`) } } };
    assert.deepEqual(await reported(pullSecret(withPassword)), [base64(withPassword)]);
    const withAuthOnly = { auths: { 'registry.example.com': { auth: base64(`robot$ci:${password}`) } } };
    assert.deepEqual(await reported(pullSecret(withAuthOnly)), [base64(withAuthOnly)]);
    const legacy = { 'https://index.docker.io/v1/': { auth: base64(`ci:${password}`), email: 'ci@example.com' } };
    assert.deepEqual(await reported(pullSecret(legacy, '.dockercfg')), [base64(legacy)]);
  });

  it('reports a Google service account given as the password (`_json_key`)', async () => {
    const serviceAccount = JSON.stringify({ type: 'service_account', private_key: fake.pem('', 'MIIE'), client_email: 'puller@project.iam.gserviceaccount.com' });
    const config = { auths: { 'us-docker.pkg.dev': { username: '_json_key', password: serviceAccount } } };
    assert.deepEqual(await reported(pullSecret(config)), [base64(config)]);
  });

  it('leaves placeholders, weak passwords and text that is no Docker config alone', async () => {
    await assertNothingFound(pullSecret({ auths: { 'ghcr.io': { username: 'user', password: 'password' } } }), '/w/deploy/pull-secret.yaml');
    await assertNothingFound(pullSecret({ auths: { 'ghcr.io': { username: 'user', password: '<your-token>' } } }), '/w/deploy/pull-secret.yaml');
    await assertNothingFound(`data:\n  .dockerconfigjson: ${base64(randomText(60))}\n`, '/w/deploy/pull-secret.yaml');
    await assertNothingFound('data:\n  .dockerconfigjson: {{ template "imagePullSecret" . }}\n', '/w/chart/templates/secret.yaml');
  });
});
