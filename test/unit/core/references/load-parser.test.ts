import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REGISTER } from '../../helpers/temporary-home';
import { loadParser, setParserLoader, type Parser } from '../../../../src/core/references/load-parser';

describe('core/references/load-parser', () => {
  afterEach(() => setParserLoader(undefined));

  it('loads the parser module once and reuses it', () => {
    const first = loadParser();
    assert.equal(typeof first.findReferencesInText, 'function');
    assert.equal(loadParser(), first);
  });

  it('loads TypeScript only when the parser is first used', () => {
    const index = path.resolve(__dirname, '../../../../src/core/references/index.ts');
    const script = [
      `const references = require(${JSON.stringify(index)});`,
      "const typescriptLoaded = () => Object.keys(require.cache).some((file) => /node_modules[\\\\/]typescript[\\\\/]/.test(file));",
      'const before = typescriptLoaded();',
      'references.loadParser();',
      'console.log(JSON.stringify({ before, after: typescriptLoaded() }));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['-r', REGISTER, '-e', script], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { before: false, after: true });
  });

  it('uses an injected loader when one is set', () => {
    const real = loadParser();
    let calls = 0;
    setParserLoader(() => {
      calls += 1;
      return real as Parser;
    });
    loadParser();
    loadParser();
    assert.equal(calls, 1);
  });
});
