import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { isInScannerAllowlist } from '../../../../src/core/detect/scanner-allowlist';
import { fake } from './fake-credentials';

describe('core/detect/scanner-allowlist', () => {
  const inAllowlist = (text: string, value: string) => isInScannerAllowlist(text, text.lastIndexOf('\n', text.indexOf(value)) + 1);

  it("finds values in gitleaks' allowlist tables, inline or in a multi-line array", () => {
    const key = fake.googleApiKey();
    assert.equal(inAllowlist(`[[rules]]\nid = "gcp-api-key"\n[[rules.allowlists]]\nregexes = [\n    '''${key}''',\n]\n`, key), true);
    assert.equal(inAllowlist(`[[rules]]\n    id = "aws"\n    [rules.allowlist]\n        regexes = ['''${key}''']\n`, key), true);
    assert.equal(inAllowlist(`title = "config"\n\n[allowlist]\n# known test keys\nstopwords = ["${key}"]\n`, key), true);
  });

  it('leaves values in other tables, and files without an allowlist, alone', () => {
    const key = fake.googleApiKey();
    assert.equal(inAllowlist(`[allowlist]\npaths = ["a"]\n\n[service]\napi_key = "${key}"\n`, key), false);
    assert.equal(inAllowlist(`[service]\napi_key = "${key}"\n`, key), false);
    assert.equal(inAllowlist(`[allowlists_of_users]\napi_key = "${key}"\n`, key), false);
  });

  it('drops the finding from a scan, and keeps the same key elsewhere in the file', async () => {
    const key = fake.googleApiKey();
    const detector = createDetector();
    const text = `[[rules.allowlists]]\nregexes = [\n    '''${key}''',\n]\n\n[deploy]\ngoogle_key = "${key}"\n`;
    const findings = await detector.detect({ text, filePath: '/w/.gitleaks.toml' });
    assert.deepEqual(
      findings.map((finding) => finding.line),
      [7],
    );
  });
});
