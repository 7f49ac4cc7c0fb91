import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBundlesBuilt, REPOSITORY } from '../../cli/built-bundles';
import { fake } from './fake-credentials';

describe('core/detect/engine-entry (dist/detect.js)', function () {
  this.timeout(180_000);
  const bundle = path.join(REPOSITORY, 'dist/detect.js');
  before(() => ensureBundlesBuilt());

  it('loads on its own as CommonJS and detects through the bundled secretlint', async () => {
    const engine = require(bundle) as typeof import('../../../../src/core/detect/engine-entry');
    const token = fake.githubToken();
    const findings = await engine.createDetector().detect({ text: `const t = "${token}";\n`, filePath: 'a.ts' });
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['@secretlint/secretlint-rule-github']);
    assert.equal(typeof engine.createIgnoreEntry, 'function');
  });

  it('probes custom patterns on a thread from inside the bundle', async () => {
    const engine = require(bundle) as typeof import('../../../../src/core/detect/engine-entry');
    const pattern = (id: string, source: string) => ({ id, title: id, pattern: source, severity: 'error' as const });
    const { accepted, refused } = await engine.vetCustomPatterns([pattern('linear', 'acme_[a-z]{8}'), pattern('bundle-nested', '(b+)+$')]);
    assert.deepEqual(accepted.map((entry) => entry.id), ['linear']);
    assert.deepEqual(refused.map((entry) => entry.id), ['bundle-nested']);
  });

  it('never pulls in vscode', () => {
    assert.doesNotMatch(readFileSync(bundle, 'utf8'), /require\(["']vscode["']\)/);
  });
});
