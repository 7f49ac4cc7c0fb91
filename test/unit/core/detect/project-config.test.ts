import assert from 'node:assert/strict';
import { parseProjectConfig } from '../../../../src/core/detect/project-config';

describe('core/detect/project-config', () => {
  const pattern = { id: 'acme-token', title: 'ACME API token', pattern: 'acme_[A-Za-z0-9]{24}', severity: 'error' };

  it('reads detection.customPatterns', () => {
    const config = parseProjectConfig(JSON.stringify({ $schema: 'x', detection: { customPatterns: [pattern] } }), '.secretmanager.json');
    assert.deepEqual(config, { customPatterns: [pattern], problems: [] });
    assert.deepEqual(parseProjectConfig('{}', '.secretmanager.json'), { customPatterns: [], problems: [] });
  });

  it('names the file and the field of each mistake', () => {
    assert.match(parseProjectConfig('{ "detection": ', 'repo/.secretmanager.json').problems[0], /^repo\/\.secretmanager\.json is not valid JSON: /);
    assert.deepEqual(parseProjectConfig('{ "detections": {} }', '.secretmanager.json').problems, ['.secretmanager.json: Unrecognized key: "detections".']);
    assert.match(parseProjectConfig('{ "detection": { "customPatterns": {} } }', '.secretmanager.json').problems[0], /^\.secretmanager\.json: detection\.customPatterns: must be a list of patterns\.$/);
    const bad = parseProjectConfig(JSON.stringify({ detection: { customPatterns: [pattern, { ...pattern, id: 'second', severity: 'high' }] } }), '.secretmanager.json');
    assert.deepEqual(
      bad.customPatterns.map((entry) => entry.id),
      ['acme-token'],
    );
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0], /^\.secretmanager\.json detection\.customPatterns: custom pattern "second": severity /);
  });
});
