import assert from 'node:assert/strict';
import { customPatternRule } from '../../../../src/core/detect/custom-pattern-rule';
import type { CustomPattern } from '../../../../src/core/detect/custom-patterns';
import { createDetector, type DetectorOptions } from '../../../../src/core/detect/detector';
import { randomText } from './fake-credentials';

describe('core/detect/custom-pattern-rule', () => {
  // "acme_" and 24 characters: a made-up format, assembled here.
  const acmeToken = () => ['ac', 'me_', randomText(24)].join('');
  const acme: CustomPattern = { id: 'acme-token', title: 'ACME API token', pattern: 'acme_[A-Za-z0-9]{24}\\b', severity: 'error' };
  const findingsIn = async (text: string, options: DetectorOptions, filePath = '/w/src/a.ts') => createDetector(options).detect({ text, filePath });

  it('reports a match as custom/<id>, certain, with a masked message', async () => {
    const token = acmeToken();
    const text = `const client = connect("${token}");\n`;
    assert.deepEqual(await findingsIn(text, {}), [], 'no built-in rule knows the format');
    const [finding, ...rest] = await findingsIn(text, { customPatterns: [acme] });
    assert.equal(rest.length, 0);
    assert.equal(finding.ruleId, 'custom/acme-token');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.certainty, 'certain');
    assert.deepEqual(finding.range, [text.indexOf(token), text.indexOf(token) + token.length]);
    assert.match(finding.message, /^ACME API token: acme… \(29 characters\)$/);
    assert.ok(!finding.message.includes(token));
  });

  it('narrows the finding to a named group `secret`, and takes warning as heuristic', async () => {
    const value = randomText(20, 'abcdef0123456789');
    const text = `ACME_CONFIG=region:eu;secret:${value};\n`;
    const pattern: CustomPattern = { id: 'acme-config', title: 'ACME config secret', pattern: 'secret:(?<secret>[a-f0-9]{20});', severity: 'warning' };
    const [finding] = await findingsIn(text, { customPatterns: [pattern] }, '/w/.env');
    assert.deepEqual(finding.range, [text.indexOf(value), text.indexOf(value) + value.length]);
    assert.equal(finding.certainty, 'heuristic');
    assert.equal(finding.severity, 'warning');
  });

  it('goes through the same suppression: comments, the allowlist, and placeholders', async () => {
    const token = acmeToken();
    const options = { customPatterns: [acme] };
    assert.equal((await findingsIn(`const a = "${token}"; // secret-manager-ignore\n`, options)).length, 0);
    assert.equal((await findingsIn(`const a = "${token}"; // secret-manager-ignore acme-token\n`, options)).length, 0);
    assert.equal((await findingsIn(`const a = "${token}"; // gitleaks:allow\n`, options)).length, 0);
    assert.equal((await findingsIn(`const a = "${token}";\n`, { ...options, allowlist: { rules: ['custom/acme-token'] } })).length, 0);
    assert.equal((await findingsIn(`const a = "${token}";\n`, { ...options, allowlist: { patterns: ['^acme_'] } })).length, 0);
    assert.equal((await findingsIn(`const a = "acme_EXAMPLEexampleEXAMPLE1234";\n`, options)).length, 0, 'a placeholder');
  });

  it('with keywords, runs only on lines holding one', async () => {
    const pattern: CustomPattern = { id: 'hex-key', title: 'Hex key', pattern: '\\b[a-f0-9]{40}\\b', severity: 'error', keywords: ['ACME'] };
    const value = randomText(40, 'abcdef0123456789');
    assert.equal((await findingsIn(`const acmeKey = "${value}";\n`, { customPatterns: [pattern] })).length, 1);
    assert.equal((await findingsIn(`const commit = "${value}";\n`, { customPatterns: [pattern] })).length, 0);
  });

  it('a warning pattern is skipped in lockfiles; an error pattern is not', async () => {
    const token = acmeToken();
    const text = `{\n  "resolved": "${token}"\n}\n`;
    assert.equal((await findingsIn(text, { customPatterns: [acme] }, '/w/package-lock.json')).length, 1);
    assert.equal((await findingsIn(text, { customPatterns: [{ ...acme, severity: 'info' }] }, '/w/package-lock.json')).length, 0);
    assert.equal((await findingsIn(text, { customPatterns: [{ ...acme, severity: 'info' }] }, '/w/data.json')).length, 1);
  });

  it('describes the rule for SARIF, and refuses a pattern that does not compile', () => {
    assert.equal(createDetector({ customPatterns: [acme] }).ruleDescriptions.get('custom/acme-token'), 'ACME API token');
    assert.throws(() => customPatternRule({ ...acme, pattern: '(' }), /Custom pattern "acme-token": the regular expression does not compile/);
  });
});
