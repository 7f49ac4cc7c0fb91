import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound, detect } from './five-contexts';
import assert from 'node:assert/strict';

const RULE = 'secret-manager/credential-map';

describe('core/detect/rules/credential-maps', () => {
  it('finds the entries of a YAML map named for credentials, whose own keys say nothing', async () => {
    const secrets = [randomText(30, '0123456789abcdef'), randomText(30, '0123456789abcdef'), `${randomText(29)}aB7`];
    const text = `app_name: shop\napp_secrets:\n  dev: ${secrets[0]}\n  # the CI one\n  test: "${secrets[1]}"\n  prod: '${secrets[2]}'\nother: value\n`;
    const findings = await detect(text, '/w/deployments/playbooks/vars.yml');
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, text.slice(...finding.range)]),
      secrets.map((secret) => [RULE, secret]),
    );
    await assertFinds(`services:\n  api:\n    api_keys:\n      openai: ${secrets[2]}\n`, RULE, secrets[2], '/w/config/services.yaml');
  });

  it("leaves CloudFormation's Credentials resources and properties alone", async () => {
    await assertNothingFound('Resources:\n  Credentials:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: !Ref User\n', '/w/templates/iam_access_key.yaml');
    await assertNothingFound('      Integration:\n        Credentials:\n          Fn::GetAtt: [MyRoleF48FFE04, Arn]\n', '/w/templates/apigw.yaml');
  });

  it('leaves lists, nested maps, references, templates and maps named otherwise alone', async () => {
    const value = `${randomText(29)}aB7`;
    await assertNothingFound(`secrets:\n  - name: db-password\n  - name: api-token\n`, '/w/k8s/serviceaccount.yaml');
    await assertNothingFound(`secrets:\n  db_password:\n    file: ./db/password.txt\n`, '/w/compose.yaml');
    await assertNothingFound(`jobs:\n  release:\n    secrets:\n      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n`, '/w/.github/workflows/release.yml');
    await assertNothingFound(`tokens:\n  primary: '#ff0066'\n  spacing: 12px\n`, '/w/design/tokens.yaml');
    await assertNothingFound(`settings:\n  dev: ${value}\n`, '/w/config/settings.yml');
    await assertNothingFound(`example_secrets:\n  dev: ${value}\n`, '/w/config/settings.yml');
    await assertNothingFound(`app_secrets:\n  dev: ${value}\n`, '/w/src/settings.ts');
  });
});
