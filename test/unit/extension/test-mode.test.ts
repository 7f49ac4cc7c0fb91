import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXTENSION_MODE_TEST, isTestMode } from '../../../src/extension/test-mode';

const PRODUCTION = 1;
const DEVELOPMENT = 2;

describe('extension/test-mode', () => {
  const saved = process.env.SECRET_MANAGER_TEST_MODE;
  afterEach(() => {
    if (saved === undefined) delete process.env.SECRET_MANAGER_TEST_MODE;
    else process.env.SECRET_MANAGER_TEST_MODE = saved;
  });

  it('names the value VS Code declares for ExtensionMode.Test', () => {
    const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
    assert.match(declarations, new RegExp(`\\bTest = ${EXTENSION_MODE_TEST},`));
    assert.match(declarations, new RegExp(`\\bProduction = ${PRODUCTION},`));
  });

  it('has test hooks only when VS Code runs the extension in ExtensionMode.Test', () => {
    assert.equal(isTestMode(EXTENSION_MODE_TEST), true);
    assert.equal(isTestMode(PRODUCTION), false);
    assert.equal(isTestMode(DEVELOPMENT), false);
  });

  it('cannot be switched on in a shipped build with SECRET_MANAGER_TEST_MODE=1', () => {
    process.env.SECRET_MANAGER_TEST_MODE = '1';
    assert.equal(isTestMode(PRODUCTION), false);
    assert.equal(isTestMode(DEVELOPMENT), false);
  });
});
