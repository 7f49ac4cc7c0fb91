import assert from 'node:assert/strict';
import { fileKindOf } from '../../../../src/core/detect/file-kind';

describe('core/detect/file-kind', () => {
  it('treats .env files, YAML, properties and the like as config (bare values count)', () => {
    for (const file of ['/w/.env', '/w/.env.local', '/w/prod.env', '/w/config.yaml', '/w/a.yml', '/w/app.properties', '/w/x.toml']) {
      assert.equal(fileKindOf(file), 'config', file);
    }
  });

  it('treats Markdown and reST as documentation (bare values count inside config code blocks)', () => {
    for (const file of ['/w/README.md', '/w/docs/setup.mdx', '/w/docs/index.rst', '/w/NOTES.markdown', '/w/docs/app.html.markerb']) assert.equal(fileKindOf(file), 'docs', file);
  });

  it('treats source files as code (only quoted values count)', () => {
    for (const file of ['/w/src/a.ts', '/w/a.js', '/w/settings.json', '/w/envelope.ts']) assert.equal(fileKindOf(file), 'code', file);
  });
});
