import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as library from '../../../src/api/index';
import { CLI_BUNDLE, ensureBundlesBuilt, LIBRARY_BUNDLE, REPOSITORY } from '../cli/built-bundles';

describe('api/index (the library entry)', function () {
  this.timeout(120_000);

  it('exports the opener, the client wrapper, the errors and the name rule', () => {
    for (const name of ['openStore', 'createSecretManagerClient', 'SecretManagerError', 'isSecretManagerError', 'parseInput']) {
      assert.equal(typeof (library as Record<string, unknown>)[name], 'function', name);
    }
    assert.ok(library.NAME_PATTERN.test('api-keys') && !library.NAME_PATTERN.test('API'));
    assert.equal(library.formatReference({ vault: 'api-keys', key: 'stripe' }), 'api-keys/stripe');
  });

  it('keeps vscode out of the library and the CLI, in the sources and in the bundles', () => {
    for (const folder of ['src/api', 'src/cli']) {
      for (const file of readdirSync(path.join(REPOSITORY, folder), { recursive: true }).map(String)) {
        if (!file.endsWith('.ts')) continue;
        const source = readFileSync(path.join(REPOSITORY, folder, file), 'utf8');
        assert.ok(!/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(source), `${folder}/${file} imports vscode`);
      }
    }
    ensureBundlesBuilt();
    for (const bundle of [LIBRARY_BUNDLE, CLI_BUNDLE]) {
      assert.ok(!/require\(["']vscode["']\)/.test(readFileSync(bundle, 'utf8')), `${bundle} requires vscode`);
    }
  });

  it('loads as the package entry, by its own name', () => {
    ensureBundlesBuilt();
    const loaded = require('secret-manager-vscode') as typeof library;
    assert.equal(typeof loaded.openStore, 'function');
    assert.equal(require.resolve('secret-manager-vscode'), LIBRARY_BUNDLE);
  });
});
