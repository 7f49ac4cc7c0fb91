import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createDetector } from '../../../../src/core/detect/detector';
import { isInDocumentedOutput } from '../../../../src/core/detect/documented-output';

describe('core/detect/documented-output', () => {
  const token = () => randomBytes(24).toString('base64url');
  const inOutput = (text: string, value: string, filePath = '/docs/page.md') => isInDocumentedOutput(text, text.indexOf(value), filePath);

  it('knows a fenced block whose info string or introduction says response or output', () => {
    const value = token();
    assert.equal(inOutput(['<ResponseExample>', '```json Response', '{', `  "token": "${value}"`, '}', '```'].join('\n'), value, '/docs/api.mdx'), true);
    assert.equal(inOutput(['Example response:', '', '```json', `{ "access_token": "${value}" }`, '```'].join('\n'), value), true);
    assert.equal(inOutput(['**Output**', '```', `api_key: ${value}`, '```'].join('\n'), value), true);
    assert.equal(inOutput(['```GET /api/tokens```', '```bash Request', 'curl …', '```', '```json Response', `{ "token": "${value}" }`, '```'].join('\n'), value), true, 'after a fence that closes on its own line');
  });

  it("knows reStructuredText's literal block under Output::", () => {
    const value = token();
    const page = ['Command::', '', '  aws directconnect describe', '', 'Output::', '', '  {', `    "authKey": "${value}"`, '  }'].join('\n');
    assert.equal(inOutput(page, value, '/awscli/examples/dx.rst'), true);
    assert.equal(inOutput(page.replace('Output::', 'Command::'), value, '/awscli/examples/dx.rst'), false);
    const response = ['Refresh the token::', '', '    HTTP/1.1 200 OK', '    Content-Type: application/json', '', `    {"access_token": "${value}"}`].join('\n');
    assert.equal(inOutput(response, value, '/docs/oauth2.rst'), true, "below a printed response's status line");
    assert.equal(inOutput(['```http', 'HTTP/2 201', '', `{"token": "${value}"}`, '```'].join('\n'), value), true);
  });

  it('leaves requests, configuration, closed blocks and other files alone', () => {
    const value = token();
    assert.equal(inOutput(['Set your key:', '```bash', `export API_KEY=${value}`, '```'].join('\n'), value), false, 'a block of configuration');
    assert.equal(inOutput(['Example response:', '```json', '{}', '```', '', `token: ${value}`].join('\n'), value), false, 'after the block closed');
    assert.equal(inOutput(['The response is cached. ' + 'x'.repeat(200), '```', `token: ${value}`, '```'].join('\n'), value), false, 'a long paragraph');
    assert.equal(inOutput(['Example response:', '```json', `{ "token": "${value}" }`, '```'].join('\n'), value, '/src/fixtures.ts'), false, 'not documentation');
  });

  it("drops the credential-field finding in an API reference's response, and keeps the one in its request", async () => {
    const response = token();
    const request = token();
    const page = ['## Create a token', '', '```bash', `curl -d '{"api_key": "${request}"}' https://api.example.org`, '```', '', '```json Response', `{ "token": "${response}" }`, '```', ''].join('\n');
    const findings = await createDetector().detect({ text: page, filePath: '/docs/tokens.mdx' });
    const reported = findings.filter((finding) => finding.ruleId === 'secret-manager/credential-field').map((finding) => page.slice(...finding.range));
    assert.deepEqual(reported, [request]);
  });
});
