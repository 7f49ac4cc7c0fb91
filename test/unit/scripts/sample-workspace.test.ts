import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { createDetector } from '../../../src/core/detect/detector';

interface SampleWorkspaceModule {
  sampleWorkspaceSource: string;
  leakedCredentialFile: string;
  prepareSampleWorkspace(target: string): { folder: string; leakedCredential: string; leakedCredentialFile: string };
}

// A plain .mjs script module: loaded by path so the type checker does not look for its declarations.
const modulePath = path.resolve(__dirname, '../../../scripts/lib/sample-workspace.mjs');
const loadModule = (): Promise<SampleWorkspaceModule> => import(modulePath);

/** The type errors the editor would show in `folder` (its tsconfig.json), as "file(line): message". */
function typeErrors(folder: string): string[] {
  const configFile = path.join(folder, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, folder);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].map((diagnostic) => {
    const file = diagnostic.file ? path.relative(folder, diagnostic.file.fileName) : 'tsconfig.json';
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    return `${file}(${line}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

describe('scripts/lib/sample-workspace', () => {
  const detector = createDetector();
  let scratch: string;

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'sample-workspace-test-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('commits no credential: the detector finds nothing in sample-workspace/ (vsce refuses token-shaped literals)', async () => {
    const { sampleWorkspaceSource, leakedCredentialFile } = await loadModule();
    const files = sourceFiles(sampleWorkspaceSource);
    assert.ok(files.length >= 5, 'the sample workspace has its config, executors, resolver and auth files');
    assert.ok(!files.some((file) => file.endsWith(leakedCredentialFile)), 'the leaked file is generated, never committed');
    for (const file of files) {
      const findings = await detector.detect({ text: readFileSync(file, 'utf8'), filePath: file, isExecutorFile: file.includes('/executors/') });
      assert.deepEqual(findings.map((finding) => `${path.basename(file)}: ${finding.ruleId}`), []);
    }
  });

  it('writes one fresh fake key into the copy, where the detector flags exactly that literal', async () => {
    const { prepareSampleWorkspace } = await loadModule();
    const first = prepareSampleWorkspace(path.join(scratch, 'first'));
    const second = prepareSampleWorkspace(path.join(scratch, 'second'));
    assert.notEqual(first.leakedCredential, second.leakedCredential, 'each copy gets its own random key');
    assert.match(first.leakedCredential, /^sk_live_[A-Za-z0-9]{32}$/);

    const file = path.join(first.folder, first.leakedCredentialFile);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes(`Authorization: "Bearer ${first.leakedCredential}"`), 'the key sits in an executor webhook header');
    const findings = await detector.detect({ text, filePath: file, isExecutorFile: true });
    const flagged = findings.map((finding) => text.slice(finding.range[0], finding.range[1]));
    assert.ok(flagged.includes(first.leakedCredential), `expected the key to be flagged, got ${JSON.stringify(findings.map((finding) => finding.ruleId))}`);

    const copiedReferences = readFileSync(path.join(first.folder, 'executors/charge-on-order.ts'), 'utf8');
    assert.match(copiedReferences, /\{ vault: "api-keys", key: "stripe-secret-key" \}/);
  });

  it('type-checks cleanly without the SDK installed, against its local stand-in types', async function () {
    this.timeout(60_000);
    const { prepareSampleWorkspace } = await loadModule();
    const copy = prepareSampleWorkspace(path.join(scratch, 'checked'));
    assert.deepEqual(typeErrors(copy.folder), []);

    // The stand-in types are real enough to catch a mistake.
    const executor = path.join(copy.folder, 'executors/charge-on-order.ts');
    writeFileSync(executor, readFileSync(executor, 'utf8').replace('newRecord.totalCents', 'newRecord.totalCentz'));
    const resolver = path.join(copy.folder, 'resolvers/shipping-quote.ts');
    writeFileSync(resolver, readFileSync(resolver, 'utf8').replace('secretmanager.getSecret(', 'secretmanager.getSecretz('));
    const errors = typeErrors(copy.folder);
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors.join('\n'), /charge-on-order\.ts\(\d+\): Property 'totalCentz' does not exist/);
    assert.match(errors.join('\n'), /shipping-quote\.ts\(\d+\): Property 'getSecretz' does not exist/);
  });
});
