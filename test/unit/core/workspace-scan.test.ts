import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDetector } from '../../../src/core/detect/detector';
import type { Finding } from '../../../src/core/detect/finding';
import {
  excludedPathTest,
  placeFindings,
  scanWorkspaceFile,
  scanWorkspaceFolders,
  workspaceScanLogLine,
  workspaceScanMessage,
  type PlacedFinding,
  type ScannedFile,
  type TextPosition,
  type WorkspaceScanSummary,
} from '../../../src/core/workspace-scan';
import { fake } from './detect/fake-credentials';

/** A finding in `text`, with the 1-based line and column the detector gives (it counts \n only). */
function findingAt(text: string, start: number, end: number): Finding {
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - (before.lastIndexOf('\n') + 1) + 1;
  return { ruleId: 'test-rule', message: 'masked', severity: 'error', certainty: 'certain', confidence: 0.95, range: [start, end], line, column };
}

/** The text between two editor positions, read the way an editor splits lines. */
function textBetween(text: string, start: TextPosition, end: TextPosition): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

const SUMMARY: WorkspaceScanSummary = {
  listedFiles: 40,
  processedFiles: 40,
  scannedFiles: 38,
  skippedFiles: 2,
  filesWithFindings: 2,
  findings: 3,
  cancelled: false,
};

describe('core/workspace-scan', () => {
  describe('placeFindings', () => {
    it('places a credential on a later line, counting \\n, \\r\\n and \\r line ends as an editor does', () => {
      const text = 'first\r\nsecond\rthird\nconst key = "SECRET";\n';
      const start = text.indexOf('SECRET');
      const [placed] = placeFindings(text, [findingAt(text, start, start + 6)]);
      assert.deepEqual(placed.start, { line: 3, character: 13 });
      assert.deepEqual(placed.end, { line: 3, character: 19 });
    });

    for (const lineEnd of ['\n', '\r\n']) {
      it(`places a credential that spans lines, ending on its last line (${JSON.stringify(lineEnd)})`, () => {
        const text = ['a', 'key = "BEGIN', 'middle', 'END"', ''].join(lineEnd);
        const start = text.indexOf('BEGIN');
        const end = text.indexOf('END"') + 3;
        const [placed] = placeFindings(text, [findingAt(text, start, end)]);
        assert.deepEqual(placed.start, { line: 1, character: 7 });
        assert.deepEqual(placed.end, { line: 3, character: 3 });
        assert.equal(textBetween(text, placed.start, placed.end), 'BEGIN\nmiddle\nEND');
      });

      it(`leaves out a byte order mark, which an editor does not show (${JSON.stringify(lineEnd)})`, () => {
        const text = ['\uFEFFtoken=SECRET', 'next=SECRET', ''].join(lineEnd);
        const first = text.indexOf('SECRET');
        const second = text.lastIndexOf('SECRET');
        const placed = placeFindings(text, [findingAt(text, first, first + 6), findingAt(text, second, second + 6)]);
        assert.deepEqual(placed.map((entry) => [entry.start, entry.end]), [
          [{ line: 0, character: 6 }, { line: 0, character: 12 }],
          [{ line: 1, character: 5 }, { line: 1, character: 11 }],
        ]);
      });
    }

    for (const lineEnd of ['\n', '\r\n']) {
      it(`places several findings given in any order, including ones on the same line (${JSON.stringify(lineEnd)})`, () => {
        const text = ['one TWO', 'three FOUR FIVE', '', 'six'].join(lineEnd);
        const at = (word: string) => findingAt(text, text.indexOf(word), text.indexOf(word) + word.length);
        const placed = placeFindings(text, [at('six'), at('FOUR'), at('TWO'), at('FIVE')]);
        assert.deepEqual(
          placed.map(({ start, end }) => [start.line, start.character, end.line, end.character]),
          [
            [3, 0, 3, 3],
            [1, 6, 1, 10],
            [0, 4, 0, 7],
            [1, 11, 1, 15],
          ],
        );
        for (const { start, end, finding } of placed) assert.equal(textBetween(text, start, end), text.slice(finding.range[0], finding.range[1]));
      });
    }

    it('gives nothing for no findings', () => {
      assert.deepEqual(placeFindings('text', []), []);
    });
  });

  describe('excludedPathTest', () => {
    it('matches a file by its own path or by a folder above it, dot files included', () => {
      const isExcluded = excludedPathTest(['**/generated', '**/*.snap', '.cache']);
      assert.equal(isExcluded('src/generated/deep/a.ts'), true);
      assert.equal(isExcluded('test/__snapshots__/a.test.ts.snap'), true);
      assert.equal(isExcluded('.cache/x.env'), true);
      assert.equal(isExcluded('src/generator.ts'), false);
      assert.equal(isExcluded('src/.cache/x.env'), false, 'a glob without **/ applies at the root only');
    });

    it('excludes nothing without globs', () => {
      assert.equal(excludedPathTest([])('any/file.ts'), false);
    });
  });

  describe('scanWorkspaceFolders (real files, the real detector)', () => {
    let scratch: string;
    const credentials = { stripe: fake.stripeLive(), github: fake.githubToken(), ignored: fake.stripeLive(), excluded: fake.stripeLive(), pem: fake.pem('EC ', 'MHcCAQEE') };

    async function write(file: string, text: string | Buffer): Promise<void> {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }

    beforeEach(async () => {
      scratch = await mkdtemp(path.join(tmpdir(), 'workspace-scan-'));
      const first = path.join(scratch, 'first');
      const second = path.join(scratch, 'second');
      await write(path.join(first, '.gitignore'), 'build/\n');
      await write(path.join(first, 'src/pay.ts'), `// payments\r\nexport const client = {\r\n  key: "${credentials.stripe}",\r\n};\r\n`);
      await write(path.join(first, 'src/clean.ts'), 'export const answer = 42;\n');
      await write(path.join(first, 'keys/signing.pem'), `${credentials.pem}\n`);
      await write(path.join(first, 'build/out.js'), `const key = "${credentials.ignored}";\n`);
      await write(path.join(first, 'generated/client.ts'), `const key = "${credentials.excluded}";\n`);
      await write(path.join(first, 'vendor/blob.bin'), Buffer.from([1, 2, 0, 3]));
      await write(path.join(second, 'config/.env'), `# tokens\nGITHUB_TOKEN=${credentials.github}\n`);
    });

    afterEach(async () => {
      await rm(scratch, { recursive: true, force: true });
    });

    function folders() {
      return [
        { root: path.join(scratch, 'first'), detector: createDetector({ workspaceRoot: path.join(scratch, 'first') }), excludeGlobs: ['**/generated'] },
        { root: path.join(scratch, 'second'), detector: createDetector({ workspaceRoot: path.join(scratch, 'second') }) },
      ];
    }

    it('finds every credential in every folder, at exact positions, leaving out ignored, excluded and binary files', async () => {
      const found: ScannedFile[] = [];
      const progress: Array<[number, number]> = [];
      const startedAt = Date.now();
      const summary = await scanWorkspaceFolders(folders(), { onFindings: (scanned) => found.push(scanned), onProgress: (done, total) => progress.push([done, total]) });
      for (const scanned of found) assert.ok(scanned.readAt >= startedAt && scanned.readAt <= Date.now(), 'when each file was read');

      const byFile = new Map(found.map((scanned) => [path.relative(scratch, scanned.file).split(path.sep).join('/'), scanned.findings]));
      assert.deepEqual([...byFile.keys()].sort(), ['first/keys/signing.pem', 'first/src/pay.ts', 'second/config/.env']);
      const only = (file: string): PlacedFinding => {
        const findings = byFile.get(file) ?? [];
        assert.equal(findings.length, 1, `${file}: ${findings.map((placed) => placed.finding.ruleId).join(', ')}`);
        return findings[0];
      };
      const stripe = only('first/src/pay.ts');
      assert.equal(stripe.finding.ruleId, '@secretlint/secretlint-rule-stripe');
      assert.deepEqual([stripe.start, stripe.end], [
        { line: 2, character: 8 },
        { line: 2, character: 8 + credentials.stripe.length },
      ]);
      assert.deepEqual(stripe.start, { line: stripe.finding.line - 1, character: stripe.finding.column - 1 }, "the detector's own 1-based line and column agree");
      const github = only('second/config/.env');
      assert.deepEqual([github.start, github.end], [
        { line: 1, character: 13 },
        { line: 1, character: 13 + credentials.github.length },
      ]);
      const pem = only('first/keys/signing.pem');
      const pemLines = credentials.pem.split('\n');
      assert.deepEqual(pem.start, { line: 0, character: 0 });
      assert.deepEqual(pem.end, { line: pemLines.length - 1, character: pemLines.at(-1)?.length });

      for (const findings of byFile.values()) {
        for (const { finding } of findings) {
          for (const credential of Object.values(credentials)) assert.ok(!finding.message.includes(credential), `${finding.ruleId} masks the credential`);
        }
      }
      // pay.ts, clean.ts, signing.pem, blob.bin (skipped: binary), .env, .gitignore; not build/ nor generated/.
      assert.deepEqual(summary, { listedFiles: 6, processedFiles: 6, scannedFiles: 5, skippedFiles: 1, filesWithFindings: 3, findings: 3, cancelled: false });
      assert.deepEqual(progress.at(-1), [6, 6]);
      assert.deepEqual(
        progress.map(([done]) => done),
        [1, 2, 3, 4, 5, 6],
      );
    });

    it("applies each folder's .secretmanagerignore and executor files", async () => {
      const first = path.join(scratch, 'first');
      const executorChecks: string[] = [];
      const summary = await scanWorkspaceFolders([
        {
          root: first,
          detector: createDetector({ workspaceRoot: first, ignoreFileText: 'src/pay.ts\n' }),
          isExecutorFile: (file) => {
            executorChecks.push(path.relative(first, file));
            return false;
          },
        },
      ]);
      assert.equal(summary.findings, 2, 'the PEM key and the generated client; pay.ts is ignored');
      assert.ok(!executorChecks.includes(path.join('src', 'pay.ts')), 'an ignored path is not read');
      assert.ok(executorChecks.includes(path.join('src', 'clean.ts')));
    });

    it('scans one file on its own: placed findings, or why it was not scanned', async () => {
      const first = path.join(scratch, 'first');
      const folder = { root: first, detector: createDetector({ workspaceRoot: first, ignoreFileText: 'src/clean.ts\n' }) };
      const pay = await scanWorkspaceFile(path.join(first, 'src/pay.ts'), folder);
      assert.equal(pay.outcome, 'scanned');
      assert.ok(pay.outcome === 'scanned');
      assert.equal(pay.scanned.findings.length, 1);
      assert.deepEqual(pay.scanned.findings[0]!.start, { line: 2, character: 8 }, 'the editor position after two \r\n lines');
      assert.ok(pay.scanned.readAt <= Date.now());
      assert.deepEqual(await scanWorkspaceFile(path.join(first, 'vendor/blob.bin'), folder), { outcome: 'skipped' });
      assert.deepEqual(await scanWorkspaceFile(path.join(first, 'src/clean.ts'), folder), { outcome: 'ignored' });
      assert.deepEqual(await scanWorkspaceFile(path.join(first, 'src/missing.ts'), folder), { outcome: 'skipped' }, 'a file that is gone cannot be read');
    });

    it('stops when cancelled, keeping what it found', async () => {
      const found: ScannedFile[] = [];
      let processed = 0;
      const summary = await scanWorkspaceFolders(folders(), {
        onFindings: (scanned) => found.push(scanned),
        onProgress: (done) => (processed = done),
        isCancelled: () => found.length > 0,
      });
      assert.equal(summary.cancelled, true);
      assert.equal(found.length, 1);
      assert.equal(summary.findings, 1);
      assert.equal(summary.processedFiles, processed);
      assert.ok(summary.processedFiles < summary.listedFiles);
    });
  });

  describe('messages', () => {
    it('summarises findings, scanned files and a clean scan', () => {
      assert.equal(workspaceScanMessage(SUMMARY), 'Found 3 hard-coded credentials in 2 files (38 files scanned).');
      assert.equal(workspaceScanMessage({ ...SUMMARY, findings: 1, filesWithFindings: 1, scannedFiles: 1 }), 'Found 1 hard-coded credential in 1 file (1 file scanned).');
      assert.equal(workspaceScanMessage({ ...SUMMARY, findings: 0, filesWithFindings: 0 }), 'No hard-coded credentials in 38 files.');
    });

    it('says that a scan was cancelled, and what it found until then', () => {
      const cancelled = { ...SUMMARY, cancelled: true, processedFiles: 12 };
      assert.equal(workspaceScanMessage(cancelled), 'Scan cancelled after 12 of 40 files. Found 3 hard-coded credentials in 2 files so far.');
      assert.equal(workspaceScanMessage({ ...cancelled, findings: 0, filesWithFindings: 0 }), 'Scan cancelled after 12 of 40 files. No hard-coded credentials in those.');
    });

    it('logs the counts and the time', () => {
      assert.equal(
        workspaceScanLogLine(SUMMARY, 2, 1234.4),
        'Workspace scan finished in 1234 ms: 3 findings in 2 files; 38 of 40 files scanned, 2 skipped (too large, binary or unreadable), 2 folders.',
      );
    });
  });
});
