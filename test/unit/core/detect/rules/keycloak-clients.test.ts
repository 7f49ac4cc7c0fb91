import assert from 'node:assert/strict';
import { isPublicKeycloakClientSecret } from '../../../../../src/core/detect/rules/keycloak-clients';

describe('core/detect/rules/keycloak-clients', () => {
  const realm = (isPublic: boolean) => `{"clients": [{"clientId": "admin-cli", "secret": "s3", "protocolMappers": [{"config": {"publicClient": "true"}}], "publicClient": ${isPublic}}]}`;

  it("knows a public client's secret by the object's own publicClient member, not a nested one's", () => {
    assert.equal(isPublicKeycloakClientSecret(realm(true), realm(true).indexOf('"secret"'), 'secret'), true);
    assert.equal(isPublicKeycloakClientSecret(realm(false), realm(false).indexOf('"secret"'), 'secret'), false);
  });

  it('judges only a member named secret, in a file that speaks of public clients', () => {
    assert.equal(isPublicKeycloakClientSecret(realm(true), realm(true).indexOf('"secret"'), 'clientSecret'), false);
    const other = '{"secret": "s3", "enabled": true}';
    assert.equal(isPublicKeycloakClientSecret(other, other.indexOf('"secret"'), 'secret'), false);
  });
});
