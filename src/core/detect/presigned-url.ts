/**
 * `…&X-Amz-Credential=AKIA…/20200811/us-east-1/s3/aws4_request&…` or `?AWSAccessKeyId=AKIA…&Expires=…&Signature=…`:
 * the key id that a presigned URL carries in the clear, beside a signature that expires. The secret key is
 * not there, and the URL was made to be handed out.
 */
export function isPresignedUrlKeyId(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 80);
  // A recorded snapshot may hold a stand-in for the region (`%2F<region>%2F`).
  if (/X-Amz-Credential=$/i.test(before) && /^(?:\/|%2F)\d{8}(?:\/|%2F)[a-z0-9<>-]+(?:\/|%2F)[a-z0-9-]+(?:\/|%2F)aws4_request/i.test(after)) return true;
  return /[?&]AWSAccessKeyId=$/.test(before) && /^&[^\s"'<>]*Signature=/.test(text.slice(end, end + 300));
}

/**
 * True when the text at `start` is a parameter of one of GitHub's signed download links
 * (`https://release-assets.githubusercontent.com/…?sv=…&sig=…&jwt=eyJ…`): the redirect to a release
 * asset, signed for minutes, which every download of a public release receives.
 */
export function isInGitHubSignedDownload(text: string, start: number): boolean {
  const url = /https:\/\/[\w.-]+\.githubusercontent\.com\/[^\s"'`<>]*$/.exec(text.slice(Math.max(0, start - 2000), start));
  return url !== null && /[?&](?:sig|jwt)=$/.test(url[0].slice(-5));
}

/** Files a CDN serves to anyone who has the link: images, video, audio, documents. */
const PUBLIC_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|mp4|webm|mp3|pdf)$/i;

/**
 * True when the text at `start` is the `token` of a link to one file on a CDN (`…/drdbx9-….jpg?token=eyJ…`,
 * DeviantArt's images on Wix's CDN): it grants a download of that public file, not access to an account.
 */
export function isInSignedFileLink(text: string, start: number): boolean {
  const url = /https?:\/\/[^\s"'`<>?]+\?(?:[^\s"'`<>]*&)?token=$/.exec(text.slice(Math.max(0, start - 2000), start));
  return url !== null && PUBLIC_FILE.test(url[0].slice(0, url[0].indexOf('?')));
}

