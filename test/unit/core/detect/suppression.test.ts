import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { createIgnoreEntry, ruleIdMatches } from '../../../../src/core/detect/suppression';
import { isSecretManagerError } from '../../../../src/core/model';
import { fake } from './fake-credentials';

describe('core/detect/suppression', () => {
  const detector = createDetector();
  const ids = async (text: string, filePath = '/w/src/a.ts', chosen = detector) =>
    (await chosen.detect({ text, filePath })).map((finding) => finding.ruleId);

  it('a secret-manager-ignore comment on the same line or the line before', async () => {
    const key = fake.githubToken();
    assert.equal((await ids(`const a = "${key}";`)).length, 1);
    assert.deepEqual(await ids(`const a = "${key}"; // secret-manager-ignore`), []);
    assert.deepEqual(await ids(`// secret-manager-ignore\nconst a = "${key}";`), []);
    assert.deepEqual(await ids(`# secret-manager-ignore\nTOKEN=${key}\n`, '/w/.env'), []);
    // Two lines up is too far.
    assert.equal((await ids(`// secret-manager-ignore\n\nconst a = "${key}";`)).length, 1);
  });

  it('a secret-manager-ignore comment naming a rule covers that rule only', async () => {
    const key = fake.githubToken();
    assert.deepEqual(await ids(`const a = "${key}"; // secret-manager-ignore github`), []);
    assert.deepEqual(await ids(`const a = "${key}"; // secret-manager-ignore @secretlint/secretlint-rule-github`), []);
    assert.equal((await ids(`const a = "${key}"; // secret-manager-ignore jwt`)).length, 1);
  });

  it('a comment closed on the same line (<!-- -->, /* */, {/* */}) covers every rule: the closer is no rule id', async () => {
    const key = fake.githubToken();
    assert.deepEqual(await ids(`<!-- secret-manager-ignore -->\nUse ${key} here.\n`, '/w/README.md'), []);
    assert.deepEqual(await ids(`<div>\n  {/* secret-manager-ignore */}\n  <A token="${key}" />\n</div>\n`, '/w/a.tsx'), []);
    assert.deepEqual(await ids(`/* secret-manager-ignore github */\nconst a = "${key}";`), []);
    assert.equal((await ids(`/* secret-manager-ignore jwt */\nconst a = "${key}";`)).length, 1);
  });

  it("secretlint's own comments: disable-line, disable-next-line, disable/enable, for project rules too", async () => {
    const jwt = fake.jsonWebToken();
    assert.deepEqual(await ids(`const a = "${jwt}"; // secretlint-disable-line`), []);
    assert.deepEqual(await ids(`// secretlint-disable-next-line\nconst a = "${jwt}";`), []);
    const block = `// secretlint-disable\nconst a = "${jwt}";\n// secretlint-enable\nconst b = "${fake.githubToken()}";`;
    assert.deepEqual(await ids(block), ['@secretlint/secretlint-rule-github']);
  });

  it('paths in the ignore file and the allowlist, relative to the workspace root', async () => {
    const key = fake.githubToken();
    const chosen = createDetector({ workspaceRoot: '/w', ignoreFileText: '# fixtures\ntest/fixtures/\n*.snap\n', allowlist: { paths: ['legacy/**'] } });
    assert.deepEqual(await ids(`a = "${key}"`, '/w/test/fixtures/tokens.ts', chosen), []);
    assert.deepEqual(await ids(`a = "${key}"`, '/w/src/__snapshots__/x.snap', chosen), []);
    assert.deepEqual(await ids(`a = "${key}"`, '/w/legacy/old/config.js', chosen), []);
    assert.equal((await ids(`a = "${key}"`, '/w/src/config.ts', chosen)).length, 1);
    assert.equal(chosen.isPathIgnored('/w/test/fixtures/a.ts'), true);
    assert.equal(chosen.isPathIgnored('/elsewhere/test/fixtures/a.ts'), false);
  });

  it('a fingerprint line from createIgnoreEntry allowlists exactly that finding, without storing the literal', async () => {
    const key = fake.githubToken();
    const other = fake.githubToken();
    const text = `a = "${key}"\nb = "${other}"\n`;
    const [first] = await detector.detect({ text, filePath: '/w/a.ts' });
    const entry = createIgnoreEntry(first, text);
    assert.match(entry, /^fingerprint:[0-9a-f]{20} # @secretlint\/secretlint-rule-github$/);
    assert.ok(!entry.includes(key) && !entry.includes(key.slice(4, 12)));
    const chosen = createDetector({ ignoreFileText: `${entry}\n` });
    const remaining = await chosen.detect({ text, filePath: '/w/a.ts' });
    assert.deepEqual(remaining.map((finding) => text.slice(finding.range[0], finding.range[1])), [other]);
  });

  it('allowlist patterns (regexes on the literal) and disabled rules', async () => {
    const key = fake.githubToken();
    const jwt = fake.jsonWebToken();
    const text = `a = "${key}"\nb = "${jwt}"\n`;
    assert.deepEqual(await ids(text, '/w/a.ts', createDetector({ allowlist: { patterns: [`^${key.slice(0, 10)}`] } })), ['secret-manager/jwt']);
    assert.deepEqual(await ids(text, '/w/a.ts', createDetector({ allowlist: { rules: ['jwt'] } })), ['@secretlint/secretlint-rule-github']);
    assert.deepEqual(await ids(text, '/w/a.ts', createDetector({ allowlist: { rules: ['github', 'secret-manager/jwt'] } })), []);
  });

  it('rejects an invalid allowlist with a specific error', () => {
    assert.throws(
      () => createDetector({ allowlist: { patterns: ['(unclosed'] } }),
      (error) => isSecretManagerError(error, 'invalid-input') && /"\(unclosed" is not a valid regular expression/.test(error.message),
    );
    assert.throws(() => createDetector({ allowlist: { paths: 'src' as unknown as string[] } }), (error) => isSecretManagerError(error, 'invalid-input'));
  });

  it('matches rule ids in full or by their last segment', () => {
    assert.equal(ruleIdMatches('aws', '@secretlint/secretlint-rule-aws'), true);
    assert.equal(ruleIdMatches('jwt', 'secret-manager/jwt'), true);
    assert.equal(ruleIdMatches('secret-manager/jwt', 'secret-manager/jwt'), true);
    assert.equal(ruleIdMatches('aw', '@secretlint/secretlint-rule-aws'), false);
  });
});
