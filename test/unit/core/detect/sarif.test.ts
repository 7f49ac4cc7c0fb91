import assert from 'node:assert/strict';
import { relativeUri, toSarif } from '../../../../src/core/detect/sarif';

describe('core/detect/sarif', () => {
  it('makes URIs relative to the root, with forward slashes and encoded segments', () => {
    assert.equal(relativeUri('/w', '/w/src/dir name/a#b.ts'), 'src/dir%20name/a%23b.ts');
  });

  it('maps severities to SARIF levels and lists only the rules used', () => {
    const finding = { message: 'm', certainty: 'certain' as const, confidence: 0.95, range: [0, 1] as const, line: 2, column: 3 };
    const log = toSarif(
      [{ file: '/w/a.ts', findings: [{ ...finding, ruleId: 'r/one', severity: 'error' }, { ...finding, ruleId: 'r/two', severity: 'info' }] }],
      '/w',
      new Map([['r/one', 'First'], ['r/two', 'Second'], ['r/unused', 'Unused']]),
      '1.0.0',
    );
    const [run] = log.runs;
    assert.deepEqual(run.tool.driver.rules.map((rule) => [rule.id, rule.shortDescription.text]), [['r/one', 'First'], ['r/two', 'Second']]);
    assert.deepEqual(run.results.map((result) => [result.level, result.ruleIndex]), [['error', 0], ['note', 1]]);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///w/');
    assert.deepEqual(run.results.map((result) => [result.rank, result.properties.confidence]), [[95, 0.95], [95, 0.95]]);
  });
});
