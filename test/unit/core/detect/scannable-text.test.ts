import assert from 'node:assert/strict';
import { LARGEST_SCANNED_BYTES, scannableText } from '../../../../src/core/detect/scannable-text';

describe('core/detect/scannable-text', () => {
  it('gives the UTF-8 text of ordinary bytes', () => {
    assert.deepEqual(scannableText(Buffer.from('const key = "ünïcode";\n')), { text: 'const key = "ünïcode";\n' });
    assert.deepEqual(scannableText(Buffer.alloc(0)), { text: '' });
  });

  it('skips binary content (a NUL byte in the first 8,000 bytes, as git decides) but not a NUL further on', () => {
    assert.deepEqual(scannableText(Buffer.from([0x41, 0x00, 0x42])), { skipped: 'binary' });
    const lateNul = Buffer.concat([Buffer.alloc(8000, 0x41), Buffer.from([0x00])]);
    assert.ok('text' in scannableText(lateNul));
  });

  it('skips content over 2 MiB, and takes exactly 2 MiB', () => {
    assert.deepEqual(scannableText(Buffer.alloc(LARGEST_SCANNED_BYTES + 1, 0x41)), { skipped: 'too-large' });
    assert.ok('text' in scannableText(Buffer.alloc(LARGEST_SCANNED_BYTES, 0x41)));
  });
});
