import assert from 'node:assert/strict';
import { isEnvFilePath } from '../../../../src/core/env-file/env-file-name';

describe('core/env-file/env-file-name', () => {
  it('knows env files by name, on either kind of separator', () => {
    for (const file of ['/w/.env', '/w/.env.local', '/w/app/.env.production', 'C:\\w\\.env', '/w/production.env', '.env']) {
      assert.equal(isEnvFilePath(file), true, file);
    }
  });

  it('leaves other files alone', () => {
    for (const file of ['/w/.envrc', '/w/env.ts', '/w/.env/config.ts', '/w/src/environment.ts', '/w/.environment']) {
      assert.equal(isEnvFilePath(file), false, file);
    }
  });
});
