import assert from 'node:assert/strict';
import { generateKey, keyedFingerprint } from '../../../../src/core/crypto';
import { createDetector, KNOWN_SECRET_RULE_ID } from '../../../../src/core/detect/detector';
import { KnownSecretMatching } from '../../../../src/core/detect/known-secret-matching';
import { scanFile } from '../../../../src/core/detect/scan-files';
import { scannableText } from '../../../../src/core/detect/scannable-text';
import { createIgnoreEntry } from '../../../../src/core/detect/suppression';
import type { SecretReference } from '../../../../src/core/model';
import type { FingerprintMatcher } from '../../../../src/core/store';
import { fake, randomText } from './fake-credentials';

const reference: SecretReference = { vault: 'api-keys', key: 'stripe-secret-key' };

/** A matcher the way a store builds one: keyed HMACs of the values, never the values. */
function hmacMatcher(value: string): FingerprintMatcher {
  const key = generateKey();
  const fingerprint = keyedFingerprint(key, value);
  return (literal: string) => (keyedFingerprint(key, literal) === fingerprint ? [reference] : []);
}

/** A store stand-in that opens only when told to, after the files are scanned. */
function slowOpening<T>(): { promise: Promise<T>; open(value: T): void; fail(error: Error): void } {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** Scans `files` (name → text) as the CLI does, through `matching`; the results it gave at once, then finish()'s. */
async function scanThrough(detector: ReturnType<typeof createDetector>, matching: KnownSecretMatching, files: Record<string, string>) {
  const options = { detector, knownSecrets: matching, reader: { read: (file: string) => scannableText(Buffer.from(files[file], 'utf8')) } };
  const atOnce = [];
  for (const file of Object.keys(files)) {
    const result = await scanFile(file, options);
    if (result) atOnce.push(result);
  }
  return { atOnce, finished: await matching.finish() };
}

describe('core/detect KnownSecretMatching', () => {
  const value = `v${randomText(23)}`;
  const matcher = hmacMatcher(value);

  it('finds a stored value, at its line and column, in files scanned before the store opened', async () => {
    const detector = createDetector({ workspaceRoot: '/w' });
    const files = {
      '/w/src/pay.ts': `import x from "y";\n\nexport const options = { label: "${value}", token: "${fake.githubToken()}" };\n`,
      '/w/src/clean.ts': `export const id = "${randomText(24)}";\n`,
      '/w/.env': `\uFEFFSTRIPE=${value}`,
    };
    const opening = slowOpening<FingerprintMatcher | undefined>();
    const matching = new KnownSecretMatching(detector, opening.promise);
    const options = { detector, knownSecrets: matching, reader: { read: (file: string) => scannableText(Buffer.from(files[file as keyof typeof files], 'utf8')) } };
    for (const file of Object.keys(files)) assert.equal(await scanFile(file, options), undefined, 'held until the store opens');
    opening.open(matcher);
    const finished = await matching.finish();
    for (const [file, text] of Object.entries(files)) {
      const expected = await detector.detect({ text, filePath: file, fingerprintMatcher: matcher });
      assert.deepEqual(finished.find((result) => result.file === file)?.findings ?? [], expected, file);
    }
    const pay = finished.find((result) => result.file === '/w/src/pay.ts');
    const known = pay?.findings.find((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID);
    assert.deepEqual([known?.line, known?.column, known?.matchedSecret], [3, 34, reference]);
    assert.equal(pay?.findings.length, 2, 'the known secret stands beside the token');
    assert.ok(finished.some((result) => result.file === '/w/.env' && result.findings[0].ruleId === KNOWN_SECRET_RULE_ID));
  });

  it('completes files at once once the store is open, and settles those it held first', async () => {
    const detector = createDetector();
    const opening = slowOpening<FingerprintMatcher | undefined>();
    const matching = new KnownSecretMatching<{ commit: string }>(detector, opening.promise);
    const text = `const label = "${value}";\n`;
    const findings = await detector.detect({ text, filePath: '/w/a.ts' });
    assert.equal(await matching.complete('/w/a.ts', text, false, findings, { commit: 'first' }), undefined);
    opening.open(matcher);
    await opening.promise;
    const atOnce = await matching.complete('/w/b.ts', text, false, findings, { commit: 'second' });
    assert.deepEqual(atOnce?.findings.map((finding) => [finding.ruleId, finding.line, finding.column]), [[KNOWN_SECRET_RULE_ID, 1, 16]]);
    assert.deepEqual(atOnce?.subject, { commit: 'second' });
    assert.deepEqual((await matching.finish()).map((result) => [result.file, result.subject.commit]), [['/w/a.ts', 'first']]);
  });

  it('keeps suppression: inline comments, secretlint-disable, the ignore file, the allowlist', async () => {
    const planted = (line: string) => `const a = "${value}";${line}\n`;
    const files = {
      '/w/inline.ts': `${planted(' // secret-manager-ignore')}const b = 1;\n`,
      '/w/disabled.ts': `// secretlint-disable\n${planted('')}// secretlint-enable\n`,
      '/w/ignored/x.ts': planted(''),
      '/w/kept.ts': planted(''),
    };
    const suppressions = [
      { ignoreFileText: 'ignored/\n' },
      { allowlist: { rules: ['known-secret'] } },
      { allowlist: { patterns: [`^${value}$`] } },
      { ignoreFileText: `${createIgnoreEntry({ ruleId: KNOWN_SECRET_RULE_ID, range: [0, value.length] }, value)}\n` },
    ];
    for (const options of [{}, ...suppressions]) {
      const detector = createDetector({ workspaceRoot: '/w', ...options });
      const opening = slowOpening<FingerprintMatcher | undefined>();
      const matching = new KnownSecretMatching(detector, opening.promise);
      const scanning = scanThrough(detector, matching, files);
      opening.open(matcher);
      const { atOnce, finished } = await scanning;
      const found = [...atOnce, ...finished].filter((result) => result.findings.some((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID));
      const expected = [];
      for (const [file, text] of Object.entries(files)) {
        if (detector.isPathIgnored(file)) continue;
        const direct = await detector.detect({ text, filePath: file, fingerprintMatcher: matcher });
        if (direct.some((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID)) expected.push(file);
      }
      assert.deepEqual(found.map((result) => result.file).sort(), expected.sort(), JSON.stringify(options));
      if (options === suppressions[0] || Object.keys(options).length === 0) assert.ok(!expected.includes('/w/inline.ts') && !expected.includes('/w/disabled.ts'));
      if (Object.keys(options).length === 0) assert.deepEqual(expected, ['/w/ignored/x.ts', '/w/kept.ts']);
      else assert.deepEqual(expected, options === suppressions[0] ? ['/w/kept.ts'] : []);
    }
  });

  it('gives the findings without known secrets when the store fails to open', async () => {
    const detector = createDetector();
    const opening = slowOpening<FingerprintMatcher | undefined>();
    const matching = new KnownSecretMatching(detector, opening.promise);
    const text = `const label = "${value}";\nconst token = "${fake.githubToken()}";\n`;
    const findings = await detector.detect({ text, filePath: '/w/a.ts' });
    assert.equal(await matching.complete('/w/a.ts', text, false, findings, undefined), undefined);
    opening.fail(new Error('wrong passphrase'));
    assert.deepEqual(await matching.finish(), [{ file: '/w/a.ts', findings, subject: undefined }]);
    assert.ok(!findings.some((finding) => finding.ruleId === KNOWN_SECRET_RULE_ID) && findings.length === 1);
  });

  it('waits for the store instead of holding more text than it may', async () => {
    const detector = createDetector();
    const opening = slowOpening<FingerprintMatcher | undefined>();
    const matching = new KnownSecretMatching(detector, opening.promise, 200);
    const text = `const label = "${value}";\n${'// filler\n'.repeat(10)}`;
    assert.ok(text.length <= 200 && text.length * 2 > 200);
    assert.equal(await matching.complete('/w/a.ts', text, false, [], undefined), undefined);
    let settled = false;
    const completing = matching.complete('/w/b.ts', text, false, [], undefined).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, 'over the bound, it waits for the store');
    opening.open(matcher);
    assert.equal((await completing)?.file, '/w/b.ts');
    assert.deepEqual((await matching.finish()).map((result) => result.file), ['/w/a.ts']);
  });
});
