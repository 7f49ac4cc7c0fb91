import assert from 'node:assert/strict';
import { isAllowedByOtherTool } from '../../../../src/core/detect/allow-comments';
import { createDetector } from '../../../../src/core/detect/detector';
import { fake } from './fake-credentials';

describe('core/detect/allow-comments', () => {
  it("honours each tool's marker on the finding's own line", () => {
    for (const marker of ['# pragma: allowlist secret', '// pragma: allowlist-secret', '# pragma: whitelist secret', '// gitleaks:allow', '# ggignore', '/* ggignore */', '// #nosec', '// #nosec G101', '// #nosec G104 G101 -- test user', '/* #nosec G101,G204 */', '# noqa: S106', '# noqa: E501, S105', '# nosec B105', '# noqa:S107']) {
      assert.equal(isAllowedByOtherTool(`key = "value" ${marker}\n`, undefined), true, marker);
    }
  });

  it("honours detect-secrets' next-line form on the line before only", () => {
    assert.equal(isAllowedByOtherTool('key = "value"\n', '# pragma: allowlist nextline secret\n'), true);
    assert.equal(isAllowedByOtherTool('key = "value" # pragma: allowlist nextline secret\n', undefined), false);
  });

  it('near misses allow nothing', () => {
    for (const line of ['# pragma: allowlist secrets', '# pragma allowlist secret', '// gitleaks:allowed', '// gitleaks: allow', '# ggignored', '# noggignore', '# nextline secret', '// #nosec G104', '// #nosecret', '// #nosec G1010', '# noqa', '# noqa: E501', '# noqa: S1060']) {
      assert.equal(isAllowedByOtherTool(`key = "value" ${line}\n`, undefined), false, line);
    }
    // Same-line markers on the line before cover nothing.
    assert.equal(isAllowedByOtherTool('key = "value"\n', '// gitleaks:allow\n'), false);
    assert.equal(isAllowedByOtherTool('key = "value"\n', '# pragma: allowlist secret\n'), false);
  });

  describe('in the detector', () => {
    const detector = createDetector();
    const count = async (text: string, filePath = '/w/src/a.ts') => (await detector.detect({ text, filePath })).length;

    it('drops a finding carrying any of the markers, as secret-manager-ignore does', async () => {
      const key = fake.githubToken();
      assert.equal(await count(`const a = "${key}";\n`), 1);
      for (const comment of ['// pragma: allowlist secret', '// gitleaks:allow', '// ggignore']) {
        assert.equal(await count(`const a = "${key}"; ${comment}\n`), 0, comment);
      }
      assert.equal(await count(`# pragma: allowlist nextline secret\nTOKEN=${key}\n`, '/w/.env'), 0);
    });

    it('a marker in a string value on another line does not suppress', async () => {
      const key = fake.githubToken();
      assert.equal(await count(`const note = "gitleaks:allow";\nconst a = "${key}";\n`), 1);
      assert.equal(await count(`const note = "pragma: allowlist secret";\nconst a = "${key}";\n`), 1);
      assert.equal(await count(`const a = "${key}";\nconst note = "ggignore";\n`), 1);
      // The next-line form two lines up is too far.
      assert.equal(await count(`// pragma: allowlist nextline secret\n\nconst a = "${key}";\n`), 1);
    });
  });
});
