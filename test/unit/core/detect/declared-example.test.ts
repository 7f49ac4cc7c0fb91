import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { isDeclaredExample } from '../../../../src/core/detect/declared-example';
import { fake } from './fake-credentials';

describe('core/detect/declared-example', () => {
  const declared = (text: string, value: string) => {
    const start = text.indexOf(value);
    return isDeclaredExample(text, text.lastIndexOf('\n', start) + 1, start);
  };

  it('knows the value of an example key in YAML, JSON and OpenAPI', () => {
    const key = fake.githubToken();
    assert.equal(declared(`    secret: true\n    example: '${key}'\n`, key), true);
    assert.equal(declared(`  "example": "${key}",\n`, key), true);
    assert.equal(declared(`      x-example: ${key}\n`, key), true);
    assert.equal(declared(`  - examples: "${key}"\n`, key), true);
  });

  it('knows a finding inside an example value, and leaves other keys alone', () => {
    const key = fake.githubToken();
    assert.equal(declared(`  example: 'Bearer ${key}'\n`, key), true);
    assert.equal(declared(`  token: '${key}'\n`, key), false);
    assert.equal(declared(`  example_token: '${key}'\n`, key), false);
    assert.equal(declared(`  example: 'see below'\n  token: '${key}'\n`, key), false);
  });

  it("drops a provider format's finding under an example key, and keeps the one under its real key", async () => {
    const key = fake.githubToken();
    const findings = await createDetector().detect({ text: `github:\n  example: '${key}'\n  token: '${key}'\n`, filePath: '/w/providers.yaml' });
    assert.deepEqual(
      findings.map((finding) => finding.line),
      [3],
    );
  });
});
