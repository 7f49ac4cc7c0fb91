// Scores findings against the labelled evaluation corpus (bench/evaluation-corpus.mjs).
//
// A positive is found when some finding's range overlaps its span. A finding that overlaps no
// positive is a false positive; it is charged to the negative class whose span it overlaps, or to
// "unlabelled" when it overlaps none (the surroundings hold no credential either).
// Precision = positives found / (positives found + false positives): several findings on one
// credential count once, so a tool is not rewarded for reporting a credential piecewise.
// Recall = positives found / positives.

export const UNLABELLED_CLASS = 'unlabelled';

const overlaps = (left, right) => left.start < right.end && right.start < left.end;

/** "sk_l… (32 characters)": never the whole value. */
export function maskValue(value) {
  return `${JSON.stringify(value.slice(0, 4)).slice(1, -1)}… (${value.length} characters)`;
}

function lineOf(text, offset) {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function countBy(map, key, field, amount = 1) {
  const row = map.get(key) ?? { total: 0, found: 0, reported: 0, falsePositives: 0 };
  row[field] += amount;
  map.set(key, row);
}

/**
 * @param files the corpus: [{ filePath, text, positives, negatives }]
 * @param findingsByFile for each file (same order), [{ range: [start, end), ruleId }]
 * @returns overall precision and recall, per-class rows, and every false positive and miss (masked)
 */
export function scoreFindings(files, findingsByFile) {
  const positiveClasses = new Map();
  const negativeClasses = new Map();
  const falsePositives = [];
  const misses = [];
  let positives = 0;
  let found = 0;
  let findingCount = 0;
  files.forEach((file, fileIndex) => {
    const findings = (findingsByFile[fileIndex] ?? []).map((finding) => ({ start: finding.range[0], end: finding.range[1], ruleId: finding.ruleId }));
    findingCount += findings.length;
    for (const span of file.positives) {
      positives += 1;
      countBy(positiveClasses, span.class, 'total');
      if (findings.some((finding) => overlaps(finding, span))) {
        found += 1;
        countBy(positiveClasses, span.class, 'found');
      } else {
        misses.push({ filePath: file.filePath, line: lineOf(file.text, span.start), class: span.class, masked: maskValue(file.text.slice(span.start, span.end)) });
      }
    }
    for (const span of file.negatives) {
      countBy(negativeClasses, span.class, 'total');
      if (findings.some((finding) => overlaps(finding, span) && !file.positives.some((positive) => overlaps(finding, positive)))) countBy(negativeClasses, span.class, 'reported');
    }
    for (const finding of findings) {
      if (file.positives.some((span) => overlaps(finding, span))) continue;
      const negative = file.negatives.find((span) => overlaps(finding, span));
      const className = negative?.class ?? UNLABELLED_CLASS;
      countBy(negativeClasses, className, 'falsePositives');
      falsePositives.push({
        filePath: file.filePath,
        line: lineOf(file.text, finding.start),
        class: className,
        ruleId: finding.ruleId,
        masked: maskValue(file.text.slice(finding.start, finding.end)),
      });
    }
  });
  const falsePositiveCount = falsePositives.length;
  return {
    positives,
    found,
    findings: findingCount,
    falsePositives,
    misses,
    precision: found + falsePositiveCount === 0 ? 1 : found / (found + falsePositiveCount),
    recall: positives === 0 ? 1 : found / positives,
    /** class → { total, found } */
    positiveClasses,
    /** class → { total, reported (negatives overlapped by a false positive), falsePositives (findings) } */
    negativeClasses,
  };
}
