import assert from 'node:assert/strict';
import { planImport, rewriteWithReferences, secretNameForVariable } from '../../../../src/core/env-file/env-import';
import { parseEnvFile } from '../../../../src/core/env-file/parse-env-file';
import { parseSecretUri } from '../../../../src/core/env-file/secret-uri';

const VALUE_ONE = ['value', 'one', 'Zq81'].join('-');
const VALUE_TWO = ['value', 'two', 'Lm27'].join('-');

describe('core/env-file/env-import', () => {
  it('names a secret from its variable', () => {
    assert.equal(secretNameForVariable('STRIPE_SECRET_KEY'), 'stripe-secret-key');
    assert.equal(secretNameForVariable('DB'), 'db-secret');
  });

  it('plans unique names, leaving out empty values and references', () => {
    const assignments = parseEnvFile(`API_KEY=${VALUE_ONE}\napi.key=${VALUE_TWO}\nEMPTY=\nREF=secret-manager://v-1/api-key\n`);
    const entries = planImport(assignments, 'app-secrets', new Set(['api-key']));
    assert.deepEqual(entries.map((entry) => [entry.assignment.name, entry.reference.key]), [
      ['API_KEY', 'api-key-2'],
      ['api.key', 'api-key-3'],
    ]);
  });

  it('points a value some secret of the vault holds at that secret, the one named from the variable first', () => {
    const assignments = parseEnvFile(`API_KEY=${VALUE_ONE}\nOTHER=${VALUE_TWO}\n`);
    const storedAs = (value: string) =>
      value === VALUE_ONE
        ? [{ vault: 'elsewhere', key: 'api-key' }, { vault: 'app-secrets', key: 'old-name' }, { vault: 'app-secrets', key: 'api-key' }]
        : [{ vault: 'elsewhere', key: 'other-secret' }];
    const entries = planImport(assignments, 'app-secrets', new Set(['api-key', 'old-name']), storedAs);
    assert.deepEqual(entries.map((entry) => [entry.assignment.name, entry.reference, entry.alreadyStored]), [
      ['API_KEY', { vault: 'app-secrets', key: 'api-key' }, true],
      ['OTHER', { vault: 'app-secrets', key: 'other' }, false],
    ]);
  });

  it('rewrites values as references, keeping quotes, comments, exports, order and CRLF line ends', () => {
    const text = `# keep me\r\nexport A="${VALUE_ONE}"\r\nPORT=8080\r\nB='${VALUE_TWO}' # inline\r\nC=${VALUE_ONE}\r\n`;
    const assignments = parseEnvFile(text);
    const chosen = assignments.filter((assignment) => assignment.name !== 'PORT');
    const rewritten = rewriteWithReferences(text, planImport(chosen, 'app-secrets', new Set()));
    assert.equal(
      rewritten,
      '# keep me\r\nexport A="secret-manager://app-secrets/a-secret"\r\nPORT=8080\r\nB=\'secret-manager://app-secrets/b-secret\' # inline\r\nC=secret-manager://app-secrets/c-secret\r\n',
    );
  });

  it('round-trips: the rewritten file parses to the references, and importing it again changes nothing', () => {
    const text = `X=${VALUE_ONE}\nY="${VALUE_TWO}"\n`;
    const entries = planImport(parseEnvFile(text), 'app-secrets', new Set());
    const rewritten = rewriteWithReferences(text, entries);
    assert.deepEqual(parseEnvFile(rewritten).map((assignment) => parseSecretUri(assignment.value)), entries.map((entry) => entry.reference));
    const again = planImport(parseEnvFile(rewritten), 'app-secrets', new Set(entries.map((entry) => entry.reference.key)));
    assert.deepEqual(again, []);
    assert.equal(rewriteWithReferences(rewritten, again), rewritten);
  });
});
