import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { isInGitHubSignedDownload, isInSignedFileLink, isPresignedUrlKeyId } from '../../../../src/core/detect/presigned-url';
import { fake, hex, randomText, signedJwt } from './fake-credentials';

describe('core/detect/presigned-url', () => {
  const at = (text: string, value: string) => [text.indexOf(value), text.indexOf(value) + value.length] as const;

  it("knows the key id a presigned URL carries, in SigV4's credential scope (plain or encoded) and in SigV2's query", () => {
    const id = fake.awsAccessKeyId();
    const sigV4 = `"url": "/bucket/object?X-Amz-Date=20200811T145531Z&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${hex(64)}&X-Amz-Credential=${id}/20200811/us-east-1/s3/aws4_request&X-Amz-Expires=900"`;
    assert.equal(isPresignedUrlKeyId(sigV4, ...at(sigV4, id)), true);
    const encoded = `https://b.s3.amazonaws.com/o?X-Amz-Credential=${id}%2F20200811%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${hex(64)}`;
    assert.equal(isPresignedUrlKeyId(encoded, ...at(encoded, id)), true);
    const snapshot = `"url": "https://b.s3.amazonaws.com/o?X-Amz-Credential=${id}%2F20230517%2F<region>%2Fs3%2Faws4_request&X-Amz-Signature=${hex(64)}"`;
    assert.equal(isPresignedUrlKeyId(snapshot, ...at(snapshot, id)), true, 'a recorded snapshot with a stand-in for the region');
    const sigV2 = `https://b.s3.amazonaws.com/archive.tar.gz?AWSAccessKeyId=${id}&Expires=1438134393&Signature=K0pyRq%2B1rS7w%3D`;
    assert.equal(isPresignedUrlKeyId(sigV2, ...at(sigV2, id)), true);
    const assigned = `AWS_ACCESS_KEY_ID=${id}\n`;
    assert.equal(isPresignedUrlKeyId(assigned, ...at(assigned, id)), false);
  });

  it('leaves those key ids out of a scan, and reports one assigned in a config', async () => {
    const detector = createDetector();
    const id = fake.awsAccessKeyId();
    const url = `{ "url": "https://b.s3.amazonaws.com/o?AWSAccessKeyId=${id}&Expires=1438134393&Signature=K0pyRq%2B1rS7w%3D" }\n`;
    assert.deepEqual(await detector.detect({ text: url, filePath: '/w/spec/cassettes/download.json' }), []);
    const config = `aws_access_key_id = ${id}\n`;
    assert.ok((await detector.detect({ text: config, filePath: '/w/.aws/credentials' })).some((finding) => finding.ruleId === '@secretlint/secretlint-rule-aws'));
  });

  it("leaves the signature and the JWT of GitHub's signed download links out of a scan, not the same values elsewhere", async () => {
    const detector = createDetector();
    const signature = `${randomText(40)}aB7%3D`;
    const now = Math.floor(Date.now() / 1000);
    const jwt = signedJwt(randomText(32), { iss: 'github.com', aud: 'release-assets.githubusercontent.com', exp: now - 3600, nbf: now - 3900 });
    const link = `https://release-assets.githubusercontent.com/github-production-release-asset/3544490/asset?sp=r&sv=2018-11-09&sr=b&spr=https&se=2025-01-01T00%3A00%3A00Z&sig=${signature}&jwt=${jwt}&filename=x.tar.gz`;
    assert.equal(isInGitHubSignedDownload(link, link.indexOf(jwt)), true);
    assert.deepEqual(await detector.detect({ text: `Location: ${link}\n`, filePath: '/w/tests/ReplayData/Asset.testDownload.txt' }), []);
    const elsewhere = `https://store.blob.core.windows.net/c/b?sv=2018-11-09&sr=b&sig=${signature}\n`;
    assert.equal(isInGitHubSignedDownload(elsewhere, elsewhere.indexOf(signature)), false);
    assert.equal((await detector.detect({ text: `url = "${elsewhere.trim()}"\n`, filePath: '/w/src/upload.py' })).length, 1);
  });

  it("leaves the token of a link to one image or file on a CDN out of a scan, not a token in an API's URL", async () => {
    const token = signedJwt(randomText(32), { sub: `urn:app:${hex(32)}`, aud: ['urn:service:file.download'], obj: [[{ path: '/f/abc/image.jpg' }]] });
    const image = `    Given I import "https://images-wixmp-${hex(20)}.wixmp.com/f/${hex(8)}/drdbx9-${hex(8)}.jpg?token=${token}"\n`;
    assert.equal(isInSignedFileLink(image, image.indexOf('eyJ')), true);
    assert.deepEqual(await createDetector().detect({ text: image, filePath: '/w/features/importing/work_import_da.feature' }), []);
    const api = `curl "https://api.example.com/v1/accounts?token=${token}"\n`;
    assert.equal(isInSignedFileLink(api, api.indexOf('eyJ')), false);
  });
});

