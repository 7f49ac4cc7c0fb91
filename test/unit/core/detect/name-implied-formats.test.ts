import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { contradictsItsName } from '../../../../src/core/detect/name-implied-formats';
import { hex, join, randomText } from './fake-credentials';

describe('core/detect/name-implied-formats', () => {
  it("knows a value that has not the format its name's provider gives every credential", () => {
    assert.equal(contradictsItsName('datadog_api_key', '2o86gyhufa2ugyf4'), true);
    assert.equal(contradictsItsName('splunk_hec_token', '386ygfhawnfud6rjftg'), true);
    assert.equal(contradictsItsName('SENDGRID_API_KEY', randomText(40)), true);
  });

  it("leaves a value of the provider's format, and names that say no provider, alone", () => {
    assert.equal(contradictsItsName('DD_API_KEY', hex(32)), false);
    assert.equal(contradictsItsName('datadog_app_key', hex(40)), false);
    assert.equal(contradictsItsName('splunk_hec_token', randomUUID()), false);
    assert.equal(contradictsItsName('sendgrid_api_key', join('SG.', randomText(22), '.', randomText(43))), false);
    assert.equal(contradictsItsName('api_key', '2o86gyhufa2ugyf4'), false);
  });
});
