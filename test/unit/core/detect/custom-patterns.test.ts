import assert from 'node:assert/strict';
import { compileCustomPattern, customPatternSchema, mergeCustomPatterns, parseCustomPatternList, refusalMessage, scanFlags } from '../../../../src/core/detect/custom-patterns';

describe('core/detect/custom-patterns', () => {
  const valid = { id: 'acme-token', title: 'ACME API token', pattern: 'acme_[A-Za-z0-9]{32}', severity: 'error' };

  it('accepts a well-formed pattern, with optional flags and keywords', () => {
    assert.equal(customPatternSchema.safeParse(valid).success, true);
    assert.equal(customPatternSchema.safeParse({ ...valid, flags: 'iu', keywords: ['acme'] }).success, true);
  });

  it('refuses bad ids, severities, flags and unknown fields', () => {
    for (const id of ['Acme', '-acme', 'a', 'acme_token', 'x'.repeat(64), 'acme token']) {
      assert.equal(customPatternSchema.safeParse({ ...valid, id }).success, false, id);
    }
    assert.equal(customPatternSchema.safeParse({ ...valid, severity: 'fatal' }).success, false);
    for (const flags of ['g', 'y', 'd', 'ii', 'x']) assert.equal(customPatternSchema.safeParse({ ...valid, flags }).success, false, flags);
    assert.equal(customPatternSchema.safeParse({ ...valid, regex: 'x' }).success, false);
    assert.equal(customPatternSchema.safeParse({ ...valid, title: '  ' }).success, false);
  });

  it('keeps the valid entries of a list and names each mistake by id or place', () => {
    const { patterns, problems } = parseCustomPatternList(
      [valid, { ...valid, id: 'Bad' }, { title: 'no id' }, { ...valid }],
      'secretManager.detection.customPatterns',
    );
    assert.deepEqual(
      patterns.map((pattern) => pattern.id),
      ['acme-token'],
    );
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /^secretManager\.detection\.customPatterns: custom pattern "Bad": id must be 2–63 lowercase letters/);
    assert.match(problems[1], /custom pattern #3: .*id/);
    assert.match(problems[2], /custom pattern "acme-token" is listed twice/);
    assert.deepEqual(parseCustomPatternList(undefined, 'x'), { patterns: [], problems: [] });
    assert.deepEqual(parseCustomPatternList({}, 'x').problems, ['x must be a list of patterns.']);
  });

  it('merges sources, the earlier one winning on a shared id', () => {
    const fromSetting = { ...valid, severity: 'error' as const, title: 'from the setting' };
    const fromFile = [{ ...fromSetting, title: 'from the file' }, { ...fromSetting, id: 'other', title: 'ACME API token' }];
    assert.deepEqual(
      mergeCustomPatterns([fromSetting], fromFile).map((entry) => `${entry.id}: ${entry.title}`),
      ['acme-token: from the setting', 'other: ACME API token'],
    );
  });

  it('compiles with g, adds d for a secret group, and says why a pattern does not compile', () => {
    assert.equal(scanFlags({ pattern: 'a+', flags: 'i' }), 'ig');
    assert.equal(scanFlags({ pattern: 'key=(?<secret>\\w+)' }), 'gd');
    const broken = compileCustomPattern({ pattern: '(unclosed' });
    assert.ok('error' in broken && /Unterminated group/.test(broken.error), JSON.stringify(broken));
    assert.equal(refusalMessage({ id: 'acme-token', reason: 'why' }), 'Custom pattern "acme-token": why');
  });
});
