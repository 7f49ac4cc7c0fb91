import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface VsceSecretLint {
  lintText(content: string, fileName: string, scanSecrets: boolean, scanDotEnv: boolean): Promise<{ ok: boolean; results: { message: { text?: string } }[] }>;
}

// vsce package runs this same check over every packaged file and refuses the package on a finding;
// README.md and CHANGELOG.md are the packaged files people edit by hand, with examples of what the
// detector no longer reports.
describe('scripts/package-vsix', function () {
  this.timeout(20_000);
  const secretLint = require('@vscode/vsce/out/secretLint.js') as VsceSecretLint;
  const findings = async (content: string, fileName: string) => (await secretLint.lintText(content, fileName, true, false)).results.map((finding) => finding.message.text);

  for (const file of ['README.md', 'CHANGELOG.md']) {
    it(`${file} holds nothing vsce's secret check refuses`, async () => {
      assert.deepEqual(await findings(readFileSync(path.join(__dirname, '../../..', file), 'utf8'), file), []);
    });
  }

  it('the check refuses a Slack-shaped example, so the tests above can fail', async () => {
    assert.equal((await findings(`Examples: \`${['xa', 'pp-A111-222-xyz'].join('')}\`\n`, 'CHANGELOG.md')).length, 1);
  });
});
