/**
 * `…&X-Amz-Credential=AKIA…/20200811/us-east-1/s3/aws4_request&…` or `?AWSAccessKeyId=AKIA…&Expires=…&Signature=…`:
 * the key id that a presigned URL carries in the clear, beside a signature that expires. The secret key is
 * not there, and the URL was made to be handed out.
 */
export function isPresignedUrlKeyId(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 80);
  if (/X-Amz-Credential=$/i.test(before) && /^(?:\/|%2F)\d{8}(?:\/|%2F)[a-z0-9-]+(?:\/|%2F)[a-z0-9-]+(?:\/|%2F)aws4_request/i.test(after)) return true;
  return /[?&]AWSAccessKeyId=$/.test(before) && /^&[^\s"'<>]*Signature=/.test(text.slice(end, end + 300));
}
