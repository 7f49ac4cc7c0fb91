import assert from 'node:assert/strict';
import { AddedLinesParser, unquoteGitPath, type FileChange } from '../../../../src/core/history/added-lines';

function parse(log: string): { changes: FileChange[]; parser: AddedLinesParser } {
  const parser = new AddedLinesParser();
  const changes: FileChange[] = [];
  for (const line of log.split('\n')) parser.read(line, changes);
  parser.end(changes);
  return { changes, parser };
}

const header = (hash: string, subject: string) => `\u0001${hash}\u001f${hash.slice(0, 7)}\u001f2026-02-03T04:05:06+00:00\u001f${subject}`;

describe('core/history/added-lines', () => {
  it('gives each added line with its number in the new file, and nothing for removed or context lines', () => {
    const { changes, parser } = parse(
      [
        header('a'.repeat(40), 'first \u001f subject'),
        '',
        'diff --git a/src/app.ts b/src/app.ts',
        'index 1..2 100644',
        '--- a/src/app.ts',
        '+++ b/src/app.ts',
        '@@ -10,3 +10,4 @@ function x() {',
        ' context',
        '-removed',
        '+added one',
        '++++ looks like a header but is an added line',
        ' context',
        '\\ No newline at end of file',
        'diff --git a/gone.ts b/gone.ts',
        'deleted file mode 100644',
        '--- a/gone.ts',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        'diff --git a/logo.png b/logo.png',
        'Binary files /dev/null and b/logo.png differ',
      ].join('\n'),
    );
    assert.equal(parser.commitCount, 1);
    assert.equal(parser.binaryFiles, 1);
    assert.equal(changes.length, 1);
    assert.equal(changes[0].path, 'src/app.ts');
    assert.equal(changes[0].commit.subject, 'first \u001f subject');
    assert.deepEqual(changes[0].lines, [
      { text: 'added one', line: 11 },
      { text: '+++ looks like a header but is an added line', line: 12 },
    ]);
  });

  it('counts a line of a merge as added only when it is new against every parent', () => {
    const { changes } = parse(
      [
        header('b'.repeat(40), 'Merge branch feature'),
        '',
        'diff --cc app.ts',
        'index 1,2..3',
        '--- a/app.ts',
        '+++ b/app.ts',
        '@@@ -1,1 -1,1 +1,4 @@@',
        '  shared',
        '+ from the first parent side',
        ' +from the second parent side',
        '++added by the merge',
        '- dropped',
      ].join('\n'),
    );
    assert.deepEqual(changes[0].lines, [{ text: 'added by the merge', line: 4 }]);
  });

  it('reads C-quoted paths', () => {
    assert.equal(unquoteGitPath('"tab\\there"'), 'tab\there');
    assert.equal(unquoteGitPath('"caf\\303\\251.ts"'), 'café.ts');
    assert.equal(unquoteGitPath('plain name.ts'), 'plain name.ts');
    const { changes } = parse([header('c'.repeat(40), 's'), 'diff --git "a/x\\ty" "b/x\\ty"', '+++ "b/x\\ty"', '@@ -0,0 +1 @@', '+v'].join('\n'));
    assert.equal(changes[0].path, 'x\ty');
  });
});
