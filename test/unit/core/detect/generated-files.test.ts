import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { generatedFileKind } from '../../../../src/core/detect/generated-files';
import { fake } from './fake-credentials';

describe('core/detect/generated-files', () => {
  it('names lockfiles, minified bundles and source maps', () => {
    const expected: Record<string, string | undefined> = {
      '/w/package-lock.json': 'lockfile',
      '/w/npm-shrinkwrap.json': 'lockfile',
      '/w/pnpm-lock.yaml': 'lockfile',
      '/w/yarn.lock': 'lockfile',
      '/w/Cargo.lock': 'lockfile',
      '/w/Gemfile.lock': 'lockfile',
      '/w/composer.lock': 'lockfile',
      '/w/poetry.lock': 'lockfile',
      '/w/Pipfile.lock': 'lockfile',
      '/w/bun.lock': 'lockfile',
      '/w/go.sum': 'lockfile',
      '/w/infra/.terraform.lock.hcl': 'lockfile',
      '/w/dist/app.min.js': 'minified',
      '/w/dist/site.min.css': 'minified',
      '/w/dist/app.js.map': 'source-map',
      '/w/package.json': undefined,
      '/w/go.mod': undefined,
      '/w/src/lock.ts': undefined,
      '/w/src/minimal.js': undefined,
      '/w/src/map.ts': undefined,
      '/w/pnpm-workspace.yaml': undefined,
    };
    for (const [filePath, kind] of Object.entries(expected)) assert.equal(generatedFileKind(filePath), kind, filePath);
  });

  it('takes a .js or .css file whose lines average over 500 characters for minified, and nothing else', () => {
    const minified = `${'var a=1;'.repeat(400)}\n${'var b=2;'.repeat(400)}`;
    assert.equal(generatedFileKind('/w/dist/vendor.js', minified), 'minified');
    assert.equal(generatedFileKind('/w/dist/vendor.css', minified), 'minified');
    // The same text in a file of another kind, a short file, and hand-written code are left alone.
    assert.equal(generatedFileKind('/w/data/vendor.txt', minified), undefined);
    assert.equal(generatedFileKind('/w/src/short.js', 'x'.repeat(1_500)), undefined);
    const handWritten = Array.from({ length: 200 }, (_, index) => `const value${index} = compute(${index});`).join('\n');
    assert.equal(generatedFileKind('/w/src/app.js', handWritten), undefined);
  });

  describe('in the detector', () => {
    const detector = createDetector();
    const ruleIds = async (text: string, filePath: string) => (await detector.detect({ text, filePath })).map((finding) => finding.ruleId);
    const heuristicLine = () => `  "password": "${fake.password()}",`;

    it('runs no heuristic rule in a lockfile, a bundle or a source map', async () => {
      const text = `{\n${heuristicLine()}\n  "name": "x"\n}\n`;
      assert.ok((await ruleIds(text, '/w/config.json')).includes('secret-manager/credential-field'), 'found in an ordinary file');
      for (const filePath of ['/w/package-lock.json', '/w/composer.lock', '/w/dist/app.min.js', '/w/dist/app.js.map']) {
        assert.deepEqual(await ruleIds(text, filePath), [], filePath);
      }
    });

    it('still runs the provider-format rules and the preset there', async () => {
      const text = `{\n  "token": "${fake.githubToken()}",\n  "jwt": "${fake.jsonWebToken()}"\n}\n`;
      const found = await ruleIds(text, '/w/package-lock.json');
      assert.ok(found.includes('@secretlint/secretlint-rule-github'), found.join(', '));
      assert.ok(found.includes('secret-manager/jwt'), found.join(', '));
    });
  });
});
