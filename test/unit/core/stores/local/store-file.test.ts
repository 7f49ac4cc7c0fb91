import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSecretManagerError } from '../../../../../src/core/model';
import { parseStore, type StoreBody } from '../../../../../src/core/stores/local/document';
import { serializeFormat1Store } from '../../../../../src/core/stores/local/format-1';
import { encodeStoreFile, readStoreLayout, verifyStoreFile, type VaultLines } from '../../../../../src/core/stores/local/store-file';
import { readStoreFileBytes, readStoreFileIdentity } from '../../../../../src/core/stores/local/store-file-io';
import { makeTemporaryHome } from '../../../helpers/temporary-home';

const FILES = { storeFile: '/home/store.json', storeBackup: '/home/store.json.bak' };

function sampleBody(homeId: string): StoreBody {
  const secret = (version: number) => ({
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    description: 'grüße 🔑 "quoted" \\ and a\nnew line',
    labels: { team: 'payments' },
    fingerprint: randomBytes(32).toString('base64url'),
    versions: Array.from({ length: version }, (_, index) => ({
      version: index + 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      nonce: randomBytes(12).toString('base64'),
      ciphertext: randomBytes(40).toString('base64'),
    })),
  });
  return {
    storeId: randomUUID(),
    homeId,
    generation: 7,
    vaults: {
      payments: { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', secrets: { 'card-key': secret(2), 'web-hook': secret(1) } },
      '123': { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', secrets: { 'all-digits-first': secret(1) } },
      'empty-vault': { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', secrets: {} },
    },
  };
}

function isCorrupted(error: unknown): boolean {
  assert.ok(isSecretManagerError(error, 'corrupted-store'), `expected corrupted-store, got ${String(error)}`);
  assert.match(error.message, /store\.json/);
  assert.match(error.hint ?? '', /store\.json\.bak/);
  return true;
}

describe('core/stores/local/store-file', () => {
  const macKey = randomBytes(32);
  const homeId = randomUUID();

  it('round-trips a body through the file, non-ASCII text and integer-like names included', () => {
    const body = sampleBody(homeId);
    const { bytes, mac } = encodeStoreFile(body, macKey);
    const verified = verifyStoreFile(readStoreLayout(bytes), macKey, homeId);
    assert.deepEqual(verified.body, body);
    assert.equal(verified.mac, mac);
    assert.deepEqual(parseStore(bytes.toString('utf8'), macKey, FILES, homeId), body);
    // One vault per line, so an update can rewrite one line.
    assert.equal(bytes.toString('utf8').split('\n').length, 1 + Object.keys(body.vaults).length + 2);
  });

  it('an empty store round-trips too', () => {
    const body: StoreBody = { storeId: randomUUID(), homeId, generation: 0, vaults: {} };
    const { bytes } = encodeStoreFile(body, macKey);
    assert.deepEqual(verifyStoreFile(readStoreLayout(bytes), macKey, homeId).body, body);
  });

  it('reuses the unchanged vault lines read from the file, and the result equals a fresh serialisation', () => {
    const body = sampleBody(homeId);
    const written = encodeStoreFile(body, macKey).bytes;
    const verified = verifyStoreFile(readStoreLayout(written), macKey, homeId);
    assert.deepEqual([...verified.vaultLines.keys()].sort(), Object.keys(body.vaults).sort());
    for (const [name, line] of verified.vaultLines) {
      assert.equal(line.bytes.toString('utf8'), `${JSON.stringify(name)}:${JSON.stringify(body.vaults[name])}`);
      // The reused lines are views of the bytes read, not copies.
      assert.equal(line.bytes.buffer, written.buffer);
    }
    const changed = verified.body;
    changed.vaults.payments.secrets['card-key'].description = 'changed';
    changed.generation += 1;
    const lines: VaultLines = verified.vaultLines;
    lines.delete('payments');
    const reencoded = encodeStoreFile(changed, macKey, lines);
    assert.deepEqual(reencoded.bytes, encodeStoreFile(changed, macKey).bytes);
    assert.equal(lines.get('payments')?.bytes.toString('utf8').includes('"description":"changed"'), true);
  });

  it('a stale line is what is written when a changed vault is not dropped: the contract callers must keep', () => {
    const body = sampleBody(homeId);
    const lines: VaultLines = new Map();
    encodeStoreFile(body, macKey, lines);
    body.vaults.payments.updatedAt = '2030-01-01T00:00:00.000Z';
    const stale = encodeStoreFile(body, macKey, lines).bytes.toString('utf8');
    assert.ok(!stale.includes('2030-01-01'));
    lines.delete('payments');
    assert.ok(encodeStoreFile(body, macKey, lines).bytes.toString('utf8').includes('2030-01-01'));
  });

  it('drops the line of a vault that no longer exists', () => {
    const body = sampleBody(homeId);
    const lines: VaultLines = new Map();
    encodeStoreFile(body, macKey, lines);
    delete body.vaults['empty-vault'];
    const text = encodeStoreFile(body, macKey, lines).bytes.toString('utf8');
    assert.ok(!text.includes('empty-vault'));
    assert.ok(!lines.has('empty-vault'));
    assert.deepEqual(verifyStoreFile(readStoreLayout(Buffer.from(text)), macKey, homeId).body, body);
  });

  it('detects a change of any single byte, with any bit flipped', function () {
    this.timeout(60_000);
    const bytes = encodeStoreFile(sampleBody(homeId), macKey).bytes;
    let rejected = 0;
    for (let index = 0; index < bytes.length; index++) {
      for (const mask of [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80]) {
        const tampered = Buffer.from(bytes);
        tampered[index] ^= mask;
        assert.throws(() => parseStore(tampered, macKey, FILES, homeId), isCorrupted, `byte ${index} ^ ${mask} was not detected`);
        rejected += 1;
      }
    }
    assert.equal(rejected, bytes.length * 8);
  });

  it('detects a truncated file, an appended byte, a removed newline, and a reformatted file', () => {
    const bytes = encodeStoreFile(sampleBody(homeId), macKey).bytes;
    for (let length = 0; length < bytes.length; length++) {
      assert.throws(() => parseStore(bytes.subarray(0, length), macKey, FILES, homeId), isCorrupted, `cut at ${length}`);
    }
    for (const extra of [' ', '\n', '}', 'x']) {
      assert.throws(() => parseStore(Buffer.concat([bytes, Buffer.from(extra)]), macKey, FILES, homeId), isCorrupted);
    }
    const text = bytes.toString('utf8');
    assert.throws(() => parseStore(text.replace('\n"payments"', '"payments"'), macKey, FILES, homeId), isCorrupted);
    assert.throws(() => parseStore(text.slice(0, -1), macKey, FILES, homeId), isCorrupted);
    // Equal as data, but not the bytes the MAC covers: vault lines swapped, a line repeated, or the JSON serialised again.
    const lines = text.split('\n');
    // The first two vault lines both end in a comma.
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)];
    assert.equal(swapped.join('\n').length, text.length);
    assert.deepEqual(JSON.parse(swapped.join('\n')), JSON.parse(text));
    assert.throws(() => parseStore(swapped.join('\n'), macKey, FILES, homeId), /integrity check failed/);
    const repeated = [lines[0], lines[1], ...lines.slice(1)].join('\n');
    assert.deepEqual(JSON.parse(repeated), JSON.parse(text));
    assert.throws(() => parseStore(repeated, macKey, FILES, homeId), /integrity check failed/);
    assert.throws(() => parseStore(`${JSON.stringify(JSON.parse(text))}\n`, macKey, FILES, homeId), /integrity check failed/);
  });

  it('refuses another key, another home, and a format-2 MAC presented as format 1', () => {
    const body = sampleBody(homeId);
    const bytes = encodeStoreFile(body, macKey).bytes;
    assert.throws(() => parseStore(bytes, randomBytes(32), FILES, homeId), /integrity check failed/);
    assert.throws(() => parseStore(bytes, macKey, FILES, randomUUID()), /belongs to another key file/);
    const { mac } = JSON.parse(bytes.toString('utf8'));
    const downgraded = `{"format":"secret-manager-local-store","formatVersion":1,"mac":"${mac}","body":${JSON.stringify(body)}}\n`;
    assert.throws(() => parseStore(downgraded, macKey, FILES, homeId), /integrity check failed/);
    assert.throws(() => parseStore(bytes.toString('utf8').replace('"formatVersion":2', '"formatVersion":3'), macKey, FILES, homeId), /unknown format version 3/);
  });

  it('still checks the outline of a body whose MAC matches', () => {
    const body = sampleBody(homeId) as unknown as { vaults: Record<string, unknown> };
    body.vaults['Not A Name'] = { createdAt: 'x', updatedAt: 'x', secrets: {} };
    assert.throws(() => parseStore(encodeStoreFile(body as unknown as StoreBody, macKey).bytes, macKey, FILES, homeId), /structure is not valid/);
    const noSecrets = sampleBody(homeId) as unknown as { vaults: Record<string, { secrets: unknown }> };
    noSecrets.vaults.payments.secrets = [];
    assert.throws(() => parseStore(encodeStoreFile(noSecrets as unknown as StoreBody, macKey).bytes, macKey, FILES, homeId), /structure is not valid/);
  });

  it('reads format 1 through full validation', () => {
    const body = sampleBody(homeId);
    const format1 = serializeFormat1Store(body, macKey);
    assert.match(format1, /^\{"format":"secret-manager-local-store","formatVersion":1,/);
    const verified = verifyStoreFile(readStoreLayout(Buffer.from(format1)), macKey, homeId);
    assert.deepEqual(verified.body, body);
    assert.equal(verified.vaultLines.size, 0, 'a format-1 file has no lines to reuse: the first write serialises every vault');
    const invalid = structuredClone(body) as unknown as { vaults: { payments: { secrets: Record<string, { versions: unknown[] }> } } };
    invalid.vaults.payments.secrets['card-key'].versions = [];
    assert.throws(() => parseStore(serializeFormat1Store(invalid as unknown as StoreBody, macKey), macKey, FILES, homeId), /structure is not valid/);
    const tampered = format1.replace('"generation":7', '"generation":8');
    assert.throws(() => parseStore(tampered, macKey, FILES, homeId), /integrity check failed/);
  });

  describe('on disk', () => {
    let home: string;
    let cleanup: () => void;
    beforeEach(() => ({ home, cleanup } = makeTemporaryHome()));
    afterEach(() => cleanup());

    it('reads the identity of either format from the header, and the bytes with their signature', async () => {
      const file = path.join(home, 'store.json');
      assert.equal(await readStoreFileIdentity(file), undefined);
      assert.equal(await readStoreFileBytes(file), undefined);
      const body = sampleBody(homeId);
      const encoded = encodeStoreFile(body, macKey);
      writeFileSync(file, encoded.bytes);
      const identity = await readStoreFileIdentity(file);
      const read = await readStoreFileBytes(file);
      assert.equal(identity?.mac, encoded.mac);
      assert.equal(identity?.signature, read?.signature);
      assert.deepEqual(read?.bytes, encoded.bytes);
      // A new content, even of the same size, gets a new MAC.
      body.generation += 1;
      const next = encodeStoreFile(body, macKey);
      assert.equal(next.bytes.length, encoded.bytes.length);
      writeFileSync(`${file}.new`, next.bytes);
      renameSync(`${file}.new`, file);
      assert.equal((await readStoreFileIdentity(file))?.mac, next.mac);
      assert.notEqual(next.mac, encoded.mac);
      const format1 = serializeFormat1Store(body, macKey);
      writeFileSync(file, format1);
      assert.equal((await readStoreFileIdentity(file))?.mac, JSON.parse(format1).mac);
      writeFileSync(file, 'not a store');
      assert.equal((await readStoreFileIdentity(file))?.mac, undefined);
    });
  });
});
