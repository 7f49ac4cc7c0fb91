import assert from 'node:assert/strict';
import { createDetector } from '../../../../../src/core/detect/detector';
import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound } from './five-contexts';

const RULE = 'secret-manager/bearer-token';

describe('core/detect/rules/bearer-token', () => {
  it('finds a Bearer token written out in a header, a constant, a curl line and Swift', async () => {
    const token = randomText(40);
    await assertFinds(`await fetch(url, { headers: { Authorization: "Bearer ${token}" } });\n`, RULE, token);
    await assertFinds(`const authorization = 'Bearer ${token}';\n`, RULE, token);
    await assertFinds(`curl -H "Authorization: Bearer ${token}" https://api.example.com/v1/me\n`, RULE, token);
    await assertFinds(`    private let authorization =\n        "Bearer ${token}"\n`, RULE, token, '/w/Sources/Client.swift');
    // A request's headers in Python, the scheme in lower case as Reddit's and others' examples write it.
    await assertFinds(`headers = {'Authorization': 'bearer ${token}', 'User-Agent': 'bot'}\n`, RULE, token, '/w/notebooks/get_data.py');
  });

  it('leaves "bearer" in lower case in prose alone', async () => {
    await assertNothingFound(`# Send the bearer ${randomText(40)} with each request\n`, '/w/src/client.py');
  });

  it("gives a documentation page's curl example a confidence below the default threshold", async () => {
    const token = randomText(40);
    await assertNothingFound(`\`\`\`sh\ncurl -H "Authorization: Bearer ${token}" https://api.example.com/v1/me\n\`\`\`\n`, '/w/docs/api.md');
    const findings = await createDetector({ minimumConfidence: 0.5 }).detect({ text: `curl -H "Authorization: Bearer ${token}" https://api.example.com\n`, filePath: '/w/docs/api.md' });
    assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.confidence]), [[RULE, 0.6]]);
  });

  it('leaves templates, placeholders, short and readable values alone', async () => {
    await assertNothingFound('const headers = { Authorization: `Bearer ${token}` };\n');
    await assertNothingFound('curl -H "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE" https://api.example.com\n');
    await assertNothingFound('const headers = { Authorization: "Bearer abc123" };\n');
    await assertNothingFound('const headers = { Authorization: "Bearer my-super-secret-token" };\n');
    await assertNothingFound('const headers = { Authorization: "Bearer xxxxxxxxxxxxxxxxxxxxxxxx" };\n');
    await assertNothingFound('// Send the token as Bearer authentication, in the Authorization header.\n');
    await assertNothingFound('headers.Add("WWW-Authenticate", "Bearer authorization_uri=\\"https://login.example.com/oauth2/authorize\\"");\n');
  });

  describe('token-authorization', () => {
    const TOKEN_RULE = 'secret-manager/token-authorization';

    it("finds Django REST framework's token in a header, a dict and a curl line", async () => {
      const token = `${randomText(38, '0123456789abcdef')}a7`;
      await assertFinds(`headers = {'Authorization': 'Token ${token}'}\n`, TOKEN_RULE, token, '/w/tests/test_api.py');
      await assertFinds(`curl -H "Authorization: Token ${token}" https://dojo.example.com/api/v2/users/\n`, TOKEN_RULE, token, '/w/scripts/export.sh');
      await assertFinds(`request.headers.authorization = "Token ${token}";\n`, TOKEN_RULE, token, '/w/src/client.ts');
    });

    it('leaves other schemes, other shapes and prose alone, and a documentation page below the threshold', async () => {
      const token = `${randomText(38, '0123456789abcdef')}a7`;
      await assertNothingFound(`headers = {'Authorization': 'Token ${randomText(30)}'}\nauthorization = 'Token ' + token\n# Token ${token} appears here\n`, '/w/tests/test_api.py');
      await assertNothingFound(`curl -H "Authorization: Token ${token}" https://dojo.example.com/api/v2/users/\n`, '/w/docs/api.md');
    });
  });
});

