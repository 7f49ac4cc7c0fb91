// Detection engine vs secretlint's recommended preset alone, on the same generated TypeScript:
// a 300-line and a 10,000-line file, warm medians (interleaved runs) and cold starts (fresh processes).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTypeScript } from './detect-fixtures.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engineBundle = path.join(repository, 'dist/detect.js');
const presetConfig = `{ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }] }`;

const median = (values) => [...values].sort((left, right) => left - right)[values.length >> 1];
const format = (milliseconds) => `${milliseconds.toFixed(2)} ms`;

async function warm() {
  const { createDetector } = require(engineBundle);
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = eval(`(${presetConfig})`);
  const detector = createDetector();
  // The whole preset on every file, as before gating (see src/core/detect/rule-gate.ts).
  const ungated = createDetector({}, { gatePresetRules: false });
  const rows = [];
  for (const [lines, runs] of [[300, 200], [10_000, 40]]) {
    const text = generateTypeScript(lines, 100);
    const filePath = path.join(repository, 'bench-input.ts');
    const ours = [];
    const anchor = [];
    const oursUngated = [];
    let ourFindings = 0;
    let anchorFindings = 0;
    const runOurs = async () => (ourFindings = (await detector.detect({ text, filePath })).length);
    const runUngated = async () => ungated.detect({ text, filePath });
    const runAnchor = async () =>
      (anchorFindings = (
        await lintSource({
          source: { content: text, filePath, ext: '.ts', contentType: 'text' },
          options: { config, maskSecrets: true, noPhysicFilePath: true },
        })
      ).messages.length);
    for (let run = 0; run < runs + 5; run += 1) {
      // Alternate which goes first, so neither always pays for the other's garbage.
      const order =
        run % 2 === 0
          ? [[runOurs, ours], [runAnchor, anchor], [runUngated, oursUngated]]
          : [[runUngated, oursUngated], [runAnchor, anchor], [runOurs, ours]];
      for (const [action, samples] of order) {
        const started = performance.now();
        await action();
        if (run >= 5) samples.push(performance.now() - started);
      }
    }
    rows.push({ lines, kb: (Buffer.byteLength(text) / 1024).toFixed(0), ours: median(ours), anchor: median(anchor), ungated: median(oursUngated), ourFindings, anchorFindings });
  }
  return rows;
}

/** One fresh process: load the code, then diagnose a 300-line file once. */
function cold(which) {
  const script =
    which === 'ours'
      ? `const started = performance.now();
         const { createDetector } = require(${JSON.stringify(engineBundle)});
         const loaded = performance.now();
         import(${JSON.stringify(path.join(repository, 'bench/detect-fixtures.mjs'))}).then(async ({ generateTypeScript }) => {
           const text = generateTypeScript(300, 100);
           const first = performance.now();
           await createDetector().detect({ text, filePath: 'input.ts' });
           console.log(JSON.stringify({ load: loaded - started, first: performance.now() - first }));
         });`
      : `const started = performance.now();
         Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]).then(async ([{ lintSource }, { creator }]) => {
           const loaded = performance.now();
           const { generateTypeScript } = await import(${JSON.stringify(path.join(repository, 'bench/detect-fixtures.mjs'))});
           const text = generateTypeScript(300, 100);
           const first = performance.now();
           await lintSource({ source: { content: text, filePath: 'input.ts', ext: '.ts', contentType: 'text' }, options: { config: ${presetConfig}, maskSecrets: true, noPhysicFilePath: true } });
           console.log(JSON.stringify({ load: loaded - started, first: performance.now() - first }));
         });`;
  const samples = [];
  for (let run = 0; run < 7; run += 1) {
    const result = spawnSync(process.execPath, ['-e', script], { cwd: repository, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    samples.push(JSON.parse(result.stdout));
  }
  return { load: median(samples.map((sample) => sample.load)), first: median(samples.map((sample) => sample.first)) };
}

console.log('Detection: our engine (preset + project rules + suppression) vs @secretlint/core with the recommended preset alone.');
console.log('Same input, runs interleaved; warm figures are medians.');
for (const row of await warm()) {
  console.log(
    `  ${String(row.lines).padStart(6)} lines (${row.kb} KB): ours ${format(row.ours)} (${row.ourFindings} findings), ` +
      `secretlint ${format(row.anchor)} (${row.anchorFindings} findings), ratio ours/secretlint ${(row.ours / row.anchor).toFixed(2)}×; ` +
      `ours without preset gating ${format(row.ungated)} (gating ×${(row.ungated / row.ours).toFixed(2)} faster)`,
  );
}
const ours = cold('ours');
const anchor = cold('anchor');
console.log(
  `  cold, 300 lines: ours load ${format(ours.load)} + first ${format(ours.first)}; ` +
    `secretlint load ${format(anchor.load)} + first ${format(anchor.first)}; ratio ${((ours.load + ours.first) / (anchor.load + anchor.first)).toFixed(2)}×`,
);
