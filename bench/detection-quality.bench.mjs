// Detection quality: precision and recall of our detector (default options) and of secretlint's
// recommended preset alone (AWS ID scanning on), side by side, over the labelled corpus of
// bench/evaluation-corpus.mjs; per class, and every false positive and miss of ours (masked).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEvaluationCorpus } from './evaluation-corpus.mjs';
import { scoreFindings, UNLABELLED_CLASS } from './evaluation-score.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SEED = 20240611;

const { createDetector } = require(path.join(repository, 'dist/detect.js'));
const { lintSource } = await import('@secretlint/core');
const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
const { secretLintProfiler } = await import('@secretlint/profiler');
// As in our detector: the profiler keeps a performance mark per rule per file unless turned off.
secretLintProfiler.setEnabled(false);
const secretlintConfig = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }],
};

const files = generateEvaluationCorpus({ seed: SEED });

async function runOurs() {
  const detector = createDetector();
  const findings = [];
  for (const file of files) findings.push(await detector.detect({ text: file.text, filePath: file.filePath, isExecutorFile: file.isExecutorFile }));
  return findings;
}

async function runSecretlint() {
  const findings = [];
  for (const file of files) {
    const result = await lintSource({
      source: { content: file.text, filePath: file.filePath, ext: path.extname(file.filePath), contentType: 'text' },
      options: { config: secretlintConfig, maskSecrets: true, noPhysicFilePath: true },
    });
    findings.push(result.messages.map((message) => ({ range: message.range, ruleId: message.ruleId })));
  }
  return findings;
}

async function timed(action) {
  const started = performance.now();
  const result = await action();
  return { result, milliseconds: performance.now() - started };
}

const ours = await timed(runOurs);
const anchor = await timed(runSecretlint);
const oursScore = scoreFindings(files, ours.result);
const anchorScore = scoreFindings(files, anchor.result);

const percent = (fraction) => `${(fraction * 100).toFixed(1)}%`;
const negativeTotal = [...oursScore.negativeClasses.values()].reduce((sum, row) => sum + row.total, 0);
console.log(
  `Detection quality over the labelled corpus (seed ${SEED}): ${files.length} files, ${oursScore.positives} credentials in ` +
    `${oursScore.positiveClasses.size} classes, ${negativeTotal} credential-looking literals in ` +
    `${[...oursScore.negativeClasses.values()].filter((row) => row.total > 0).length} classes.`,
);
console.log('A finding matches a credential when their ranges overlap; a finding that overlaps none is a false positive.');
console.log('Precision = credentials found / (credentials found + false positives); recall = credentials found / credentials.');
console.log('');
console.log(`  ${''.padEnd(34)}${'ours'.padStart(14)}${'secretlint'.padStart(14)}`);
const overall = [
  ['precision', percent(oursScore.precision), percent(anchorScore.precision)],
  ['recall', percent(oursScore.recall), percent(anchorScore.recall)],
  ['credentials found', `${oursScore.found}/${oursScore.positives}`, `${anchorScore.found}/${anchorScore.positives}`],
  ['false positives', String(oursScore.falsePositives.length), String(anchorScore.falsePositives.length)],
  ['findings', String(oursScore.findings), String(anchorScore.findings)],
  ['time (one pass, first run)', `${ours.milliseconds.toFixed(0)} ms`, `${anchor.milliseconds.toFixed(0)} ms`],
];
for (const [name, left, right] of overall) console.log(`  ${name.padEnd(34)}${left.padStart(14)}${right.padStart(14)}`);

console.log('');
console.log('Credentials found / total, per class:');
console.log(`  ${'class'.padEnd(34)}${'ours'.padStart(14)}${'secretlint'.padStart(14)}`);
for (const [className, row] of oursScore.positiveClasses) {
  const anchorRow = anchorScore.positiveClasses.get(className);
  const mark = row.found < row.total ? '  <' : '';
  console.log(`  ${className.padEnd(34)}${`${row.found}/${row.total}`.padStart(14)}${`${anchorRow.found}/${anchorRow.total}`.padStart(14)}${mark}`);
}

console.log('');
console.log('False positives per negative class (findings; literals reported / literals):');
console.log(`  ${'class'.padEnd(34)}${'ours'.padStart(14)}${'secretlint'.padStart(14)}`);
const negativeClassNames = [...new Set([...oursScore.negativeClasses.keys(), ...anchorScore.negativeClasses.keys()])].sort(
  (left, right) => (left === UNLABELLED_CLASS) - (right === UNLABELLED_CLASS),
);
const describeNegatives = (row) => (row ? `${row.falsePositives}; ${row.reported}/${row.total}` : '0');
for (const className of negativeClassNames) {
  const row = oursScore.negativeClasses.get(className);
  const mark = row && row.falsePositives > 0 ? '  <' : '';
  console.log(`  ${className.padEnd(34)}${describeNegatives(row).padStart(14)}${describeNegatives(anchorScore.negativeClasses.get(className)).padStart(14)}${mark}`);
}

console.log('');
console.log(`Our false positives (${oursScore.falsePositives.length}):`);
for (const falsePositive of oursScore.falsePositives) {
  console.log(`  ${`${falsePositive.filePath}:${falsePositive.line}`.padEnd(52)} ${falsePositive.class.padEnd(30)} ${falsePositive.ruleId.padEnd(48)} ${falsePositive.masked}`);
}
console.log('');
console.log(`Our misses (${oursScore.misses.length}):`);
for (const miss of oursScore.misses) {
  console.log(`  ${`${miss.filePath}:${miss.line}`.padEnd(52)} ${miss.class.padEnd(30)} ${miss.masked}`);
}
