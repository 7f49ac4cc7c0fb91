import assert from 'node:assert/strict';
import { isSecretManagerError } from '../../../../src/core/model';
import { DEFAULT_WORKOS_ENDPOINT, parseWorkosEndpoint } from '../../../../src/core/workos/endpoint';

describe('core/workos/endpoint', () => {
  it('defaults to https://api.workos.com when unset or blank', () => {
    assert.deepEqual(parseWorkosEndpoint(undefined), DEFAULT_WORKOS_ENDPOINT);
    assert.deepEqual(parseWorkosEndpoint('  '), DEFAULT_WORKOS_ENDPOINT);
  });

  it('turns a URL into the SDK options apiHostname, https and port', () => {
    assert.deepEqual(parseWorkosEndpoint('https://vault.example.com:8443'), {
      apiHostname: 'vault.example.com',
      https: true,
      port: 8443,
      origin: 'https://vault.example.com:8443',
    });
    assert.deepEqual(parseWorkosEndpoint('http://127.0.0.1:9000/'), { apiHostname: '127.0.0.1', https: false, port: 9000, origin: 'http://127.0.0.1:9000' });
    assert.equal(parseWorkosEndpoint('http://localhost:9000').https, false);
  });

  for (const [text, problem] of [
    ['http://vault.example.com', /plain http/],
    ['http://10.0.0.5:8080', /plain http/],
    ['ftp://api.workos.com', /must be an https URL/],
    ['https://api.workos.com/v2', /only a scheme, host and port/],
    ['https://user:password@api.workos.com', /only a scheme, host and port/],
    ['not a url', /is not a URL/],
  ] as const) {
    it(`refuses ${text}`, () => {
      assert.throws(
        () => parseWorkosEndpoint(text),
        (error: unknown) => isSecretManagerError(error, 'invalid-input') && problem.test(error.message),
      );
    });
  }
});
