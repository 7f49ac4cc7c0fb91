import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isGitignored, isSourceFile, listSourceFilesSync, walkSourceFiles } from '../../../src/core/workspace-files';

async function collect(root: string, options?: Parameters<typeof walkSourceFiles>[1]): Promise<string[]> {
  const found: string[] = [];
  for await (const file of walkSourceFiles(root, options)) found.push(path.relative(root, file).split(path.sep).join('/'));
  return found;
}

describe('core/workspace-files', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'workspace-files-'));
    const files: Record<string, string> = {
      'a.ts': '',
      'b.md': '',
      'src/c.tsx': '',
      'src/generated/d.ts': '',
      'src/nested/.gitignore': 'local-*.ts\n',
      'src/nested/local-e.ts': '',
      'src/nested/kept.mjs': '',
      'node_modules/pkg/index.js': '',
      'dist/bundle.js': '',
      '.git/hooks/x.js': '',
      'build/out.js': '',
      '.gitignore': 'build/\nsrc/generated\n',
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), text);
    }
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('yields source files, honouring root and nested .gitignore files and skipping node_modules, .git, dist', async () => {
    assert.deepEqual(await collect(root), ['a.ts', 'src/c.tsx', 'src/nested/kept.mjs']);
  });

  it('applies the .gitignore files above a subfolder when given the workspace root', async () => {
    await mkdir(path.join(root, 'src/generated/deeper'), { recursive: true });
    await writeFile(path.join(root, 'src/generated/deeper/f.ts'), '');
    const under = (folder: string) => collect(path.join(root, folder), { workspaceRoot: root });
    assert.deepEqual(await under('src'), ['c.tsx', 'nested/kept.mjs']);
    assert.deepEqual(await under('src/generated'), [], 'an ignored folder yields nothing even when named');
    assert.deepEqual(await collect(path.join(root, 'src/generated')), ['d.ts', 'deeper/f.ts'], 'without the workspace root, only its own rules apply');
  });

  it('ignores .gitignore when asked to', async () => {
    assert.deepEqual(await collect(root, { respectGitignore: false }), [
      'a.ts',
      'build/out.js',
      'src/c.tsx',
      'src/generated/d.ts',
      'src/nested/kept.mjs',
      'src/nested/local-e.ts',
    ]);
  });

  it('filters by the given extensions', async () => {
    assert.deepEqual(await collect(root, { extensions: ['.md'] }), ['b.md']);
  });

  it('enters no deeper than maxDepth folder levels, walking synchronously or not', async () => {
    assert.deepEqual(await collect(root, { maxDepth: 0 }), ['a.ts']);
    assert.deepEqual(await collect(root, { maxDepth: 1 }), ['a.ts', 'src/c.tsx']);
    const listed = listSourceFilesSync(root, { maxDepth: 1 }).map((file) => path.relative(root, file).split(path.sep).join('/'));
    assert.deepEqual(listed, ['a.ts', 'src/c.tsx']);
  });

  it('lets a nested .gitignore re-include what one above it excluded, as git does', async () => {
    await writeFile(path.join(root, '.gitignore'), 'build/\nsrc/generated\n.vercel\n');
    for (const name of ['.vercel/root.ts', 'site/.vercel/kept.ts', 'site/.vercel/local-x.ts', 'other/.vercel/dropped.ts']) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), '');
    }
    await writeFile(path.join(root, 'site/.gitignore'), '!.vercel\nlocal-*.ts\n');
    const walked = (await collect(root)).filter((file) => file.includes('.vercel'));
    assert.deepEqual(walked, ['site/.vercel/kept.ts']);
    assert.deepEqual(listSourceFilesSync(root).map((file) => path.relative(root, file).split(path.sep).join('/')).filter((file) => file.includes('.vercel')), walked);
    assert.equal(await isGitignored(path.join(root, 'site/.vercel/kept.ts')), false, 're-included by site/.gitignore');
    assert.equal(await isGitignored(path.join(root, 'other/.vercel/dropped.ts')), true);
  });

  it('yields nothing for a missing root', async () => {
    assert.deepEqual(await collect(path.join(root, 'missing')), []);
  });

  it('tells whether a path is gitignored by the .gitignore files up to the repository root', async () => {
    assert.equal(await isGitignored(path.join(root, 'build/.env')), true, 'inside an ignored folder');
    assert.equal(await isGitignored(path.join(root, 'src/generated')), true);
    assert.equal(await isGitignored(path.join(root, 'src/nested/local-x.ts')), true, 'by a nested .gitignore');
    assert.equal(await isGitignored(path.join(root, 'src/.env')), false);
    await writeFile(path.join(root, '.gitignore'), 'build/\n.env\n');
    assert.equal(await isGitignored(path.join(root, 'src/.env')), true, 'a name pattern applies in every folder');
    await mkdir(path.join(root, 'src/app/.git'), { recursive: true });
    assert.equal(await isGitignored(path.join(root, 'src/app/.env')), false, 'a .gitignore outside the repository does not apply');
  });

  it('recognises source files by extension', () => {
    for (const name of ['x.ts', 'x.tsx', 'x.js', 'x.jsx', 'x.mts', 'x.cts', 'x.mjs', 'x.cjs', 'X.TS']) assert.ok(isSourceFile(name), name);
    for (const name of ['x.json', 'x.md', 'x', 'x.d']) assert.ok(!isSourceFile(name), name);
  });
});
