// Building the workspace reference index (Find All References, Show Usages, Go to Definition): every
// source file is read and parsed for references once, on first use. Measured on a generated project of
// FILES executor files, side by side with the anchor of only reading the same files.
// Also the per-edit cost in an open file: an incremental tree update plus finding its references.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const parser = require('../dist/parser.js');

const FILES = 500;
const ROUNDS = 3;

function executorFile(index) {
  const lines = ['import { createExecutor } from "@tailor-platform/sdk";', ''];
  for (let executor = 0; executor < 8; executor += 1) {
    lines.push(
      `export const executor${index}x${executor} = createExecutor({`,
      `  name: "executor-${index}-${executor}",`,
      '  operation: {',
      '    kind: "webhook",',
      `    url: () => "https://hooks.example.invalid/${index}/${executor}",`,
      `    headers: { "Content-Type": "application/json", Authorization: { vault: "api-keys", key: "key-${executor}" } },`,
      '    requestBody: ({ newRecord }) => ({ id: newRecord.id, total: newRecord.total }),',
      '  },',
      '});',
      '',
    );
  }
  return lines.join('\n');
}

const folder = mkdtempSync(path.join(tmpdir(), 'secret-manager-index-bench-'));
const files = [];
for (let index = 0; index < FILES; index += 1) {
  const file = path.join(folder, 'executors', `executor-${index}.ts`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, executorFile(index));
  files.push(file);
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

const readOnly = [];
const indexed = [];
let references = 0;
parser.findReferencesInText('warm.ts', executorFile(0)); // the first parse warms TypeScript up; users pay it once
for (let round = 0; round < ROUNDS; round += 1) {
  globalThis.gc?.();
  let started = performance.now();
  for (const file of files) readFileSync(file, 'utf8');
  readOnly.push(performance.now() - started);
  globalThis.gc?.();
  started = performance.now();
  references = 0;
  for (const file of files) references += parser.findReferencesInText(file, readFileSync(file, 'utf8')).length;
  indexed.push(performance.now() - started);
}

// One open 2,000-line file, edited one character at a time, as the reference checks and the index see it.
const big = Array.from({ length: 25 }, (_, index) => executorFile(index)).join('\n');
const cache = new parser.DocumentCache();
let text = big;
cache.update('open.ts', 1, text);
const perEdit = [];
const fullParse = [];
const insertAt = text.indexOf('key: "key-3"') + 'key: "key-'.length;
for (let edit = 0; edit < 200; edit += 1) {
  const inserted = String(edit % 10);
  const offset = insertAt;
  text = text.slice(0, offset) + inserted + text.slice(offset);
  let started = performance.now();
  parser.findReferences(cache.update('open.ts', edit + 2, text, [{ rangeOffset: offset, rangeLength: 0, text: inserted }]));
  perEdit.push(performance.now() - started);
  started = performance.now();
  parser.findReferencesInText('open.ts', text);
  fullParse.push(performance.now() - started);
}
rmSync(folder, { recursive: true, force: true });

const indexMs = median(indexed);
const readMs = median(readOnly);
console.log(`workspace index, ${FILES} files (${references} references): ${indexMs.toFixed(1)} ms median of ${ROUNDS}, ${(indexMs / FILES).toFixed(2)} ms per file`);
console.log(`  anchor, reading the same files only:        ${readMs.toFixed(1)} ms  -> parsing costs ${(indexMs / readMs).toFixed(1)}x reading`);
console.log(`open file, ${big.split('\n').length} lines, per edit (incremental update + references): ${median(perEdit).toFixed(2)} ms median`);
console.log(`  anchor, full parse + references per edit:                 ${median(fullParse).toFixed(2)} ms median -> ${(median(fullParse) / median(perEdit)).toFixed(1)}x slower`);
