import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { commentStyleOf, ignoreCommentLine, JSX_CHILD_COMMENT, yamlBlockScalarHeader } from '../../../../src/core/detect/ignore-comment';
import { fake } from './fake-credentials';

describe('core/detect/ignore-comment', () => {
  const detector = createDetector();
  const findingsIn = async (text: string, filePath: string) => (await detector.detect({ text, filePath })).length;

  /** Each language's file with a credential on its second line, and the line where it goes. */
  const samples: ReadonlyArray<{ languageId: string; filePath: string; lines: (key: string) => [string, string] }> = [
    { languageId: 'dotenv', filePath: '/w/.env.local', lines: (key) => ['PORT=8080', `STRIPE_KEY=${key}`] },
    { languageId: 'yaml', filePath: '/w/config/app.yaml', lines: (key) => ['payments:', `  stripeKey: ${key}`] },
    { languageId: 'properties', filePath: '/w/app.properties', lines: (key) => ['name=app', `stripe.key=${key}`] },
    { languageId: 'shellscript', filePath: '/w/deploy.sh', lines: (key) => ['#!/bin/sh', `export STRIPE_KEY="${key}"`] },
    { languageId: 'python', filePath: '/w/settings.py', lines: (key) => ['import os', `STRIPE_KEY = "${key}"`] },
    { languageId: 'dockerfile', filePath: '/w/Dockerfile', lines: (key) => ['FROM node:24', `ENV STRIPE_KEY=${key}`] },
    { languageId: 'go', filePath: '/w/main.go', lines: (key) => ['package main', `const stripeKey = "${key}"`] },
    { languageId: 'jsonc', filePath: '/w/.vscode/settings.json', lines: (key) => ['{', `  "stripe.key": "${key}"`] },
    { languageId: 'sql', filePath: '/w/seed.sql', lines: (key) => ['-- seed', `INSERT INTO keys VALUES ('${key}');`] },
    { languageId: 'css', filePath: '/w/site.css', lines: (key) => ['body {}', `.x { --key: "${key}"; }`] },
    { languageId: 'markdown', filePath: '/w/README.md', lines: (key) => ['# Setup', `Use \`${key}\` as the key.`] },
    { languageId: 'ini', filePath: '/w/app.ini', lines: (key) => ['[stripe]', `key = ${key}`] },
  ];

  for (const sample of samples) {
    it(`a ${sample.languageId} comment line above a finding silences it`, async () => {
      const style = commentStyleOf(sample.languageId);
      assert.ok(style, `${sample.languageId} has a comment style`);
      const [first, second] = sample.lines(fake.stripeLive());
      const indentation = /^\s*/.exec(second)?.[0] ?? '';
      assert.ok((await findingsIn(`${first}\n${second}\n`, sample.filePath)) > 0, 'found without the comment');
      const commented = `${first}\n${ignoreCommentLine(style, indentation)}${second}\n`;
      assert.equal(await findingsIn(commented, sample.filePath), 0, commented.replace(/sk_live_\w+/, 'sk_live_…'));
    });
  }

  it('JSON, plain text and unknown languages have no comment style (the ignore file is their only way)', () => {
    for (const languageId of ['json', 'jsonl', 'plaintext', 'log', 'no-such-language', 'constructor', '__proto__']) {
      assert.equal(commentStyleOf(languageId), undefined, languageId);
    }
  });

  it('the JSX child comment and block comments silence the line below too', async () => {
    const key = fake.stripeLive();
    const jsx = `<div>\n  ${ignoreCommentLine(JSX_CHILD_COMMENT, '').trimEnd()}\n  <Widget apiKey="${key}" />\n</div>\n`;
    assert.equal(await findingsIn(jsx, '/w/app.tsx'), 0);
    assert.ok((await findingsIn(jsx.replace('secret-manager-ignore', 'a note'), '/w/app.tsx')) > 0);
  });
});

describe('core/detect/ignore-comment: YAML block scalars', () => {
  const headerOf = (text: string, lineIndex: number) => {
    const lines = text.split('\n');
    return yamlBlockScalarHeader((index) => lines[index] ?? '', lineIndex);
  };

  it('finds the header of the block scalar a line belongs to', () => {
    const text = 'tls:\n  key: |\n    -----BEGIN-----\n\n    body\n  other: value\nlist:\n  - >-\n    folded text\n';
    assert.equal(headerOf(text, 2), 1);
    assert.equal(headerOf(text, 4), 1, 'across a blank line');
    assert.equal(headerOf(text, 8), 7, 'a folded scalar in a sequence');
    assert.equal(headerOf('a:\n  key: |2+ # note\n    text\n', 2), 1, 'indicators and a comment');
  });

  it('is undefined for ordinary mapping lines and plain values', () => {
    const text = 'payments:\n  stripeKey: value\n  pipe: "a|b"\nshell: echo a | grep >\n  nested: x\n';
    assert.equal(headerOf(text, 1), undefined);
    assert.equal(headerOf(text, 2), undefined);
    assert.equal(headerOf(text, 0), undefined);
  });

  it('a comment after the header silences a finding on the first line of the block, and keeps the value', async () => {
    const key = fake.stripeLive();
    const detector = createDetector();
    const text = `secret:\n  value: |\n    ${key}\n`;
    assert.ok((await detector.detect({ text, filePath: '/w/k8s.yaml' })).length > 0);
    const commented = text.replace('value: |', 'value: | # secret-manager-ignore');
    assert.deepEqual(await detector.detect({ text: commented, filePath: '/w/k8s.yaml' }), []);
    const { parse } = await import('yaml');
    assert.deepEqual(parse(commented), parse(text), 'the value is unchanged');
  });
});
