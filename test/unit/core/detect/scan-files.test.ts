import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LARGEST_SCANNED_BYTES, largestFirst, listScanFiles } from '../../../../src/core/detect/scan-files';
import { walkSourceFiles } from '../../../../src/core/workspace-files';

describe('core/detect/scan-files', () => {
  let root: string;

  async function write(name: string, text: string | Buffer): Promise<void> {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'scan-files-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('listScanFiles (a synchronous walk)', () => {
    beforeEach(async () => {
      const files: Record<string, string> = {
        '.gitignore': 'build/\n*.log\nsrc/generated\n',
        'a.ts': '',
        'notes.md': '',
        'server.log': '',
        'src/b.tsx': '',
        'src/.env': '',
        'src/generated/c.ts': '',
        'src/nested/.gitignore': 'local-*\n!local-kept.ts\n',
        'src/nested/local-d.ts': '',
        'src/nested/local-kept.ts': '',
        'src/nested/deeper/e.yaml': '',
        'node_modules/pkg/index.js': '',
        'dist/bundle.js': '',
        '.git/config': '',
        'build/out.js': '',
      };
      for (const [name, text] of Object.entries(files)) await write(name, text);
    });

    const relative = (files: readonly string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

    async function walked(folder: string, respectGitignore: boolean): Promise<string[]> {
      const found: string[] = [];
      for await (const file of walkSourceFiles(folder, { extensions: [], respectGitignore, workspaceRoot: root })) found.push(file);
      return found.sort();
    }

    for (const respectGitignore of [true, false]) {
      it(`finds exactly what the asynchronous walk finds (respectGitignore: ${respectGitignore})`, async () => {
        for (const folder of ['.', 'src', 'src/nested']) {
          const listed = await listScanFiles([folder], { respectGitignore, workspaceRoot: root });
          assert.deepEqual(listed, await walked(path.join(root, folder), respectGitignore), folder);
        }
      });
    }

    it('honours root and nested .gitignore files, negations, and the folders always skipped', async () => {
      assert.deepEqual(relative(await listScanFiles(['.'], { respectGitignore: true, workspaceRoot: root })), [
        '.gitignore',
        'a.ts',
        'notes.md',
        'src/.env',
        'src/b.tsx',
        'src/nested/.gitignore',
        'src/nested/deeper/e.yaml',
        'src/nested/local-kept.ts',
      ]);
    });

    it('applies the .gitignore files above a folder given inside the workspace', async () => {
      assert.deepEqual(relative(await listScanFiles(['src/generated'], { respectGitignore: true, workspaceRoot: root })), []);
      assert.deepEqual(relative(await listScanFiles(['src/generated'], { respectGitignore: false, workspaceRoot: root })), ['src/generated/c.ts']);
    });

    it('outside a git working tree, skips the folders .gitignore names but none of the files: a copy holds what was committed', async () => {
      const exported = await mkdtemp(path.join(tmpdir(), 'secret-manager-export-'));
      try {
        for (const [name, text] of Object.entries({ '.gitignore': 'build/\n*.pem\n.env*\n', 'a.ts': '', 'ca-key.pem': '', '.env.example': '', 'build/out.js': '', 'node_modules/pkg/index.js': '' })) {
          await mkdir(path.dirname(path.join(exported, name)), { recursive: true });
          await writeFile(path.join(exported, name), text);
        }
        const listed = await listScanFiles(['.'], { respectGitignore: true, workspaceRoot: exported });
        assert.deepEqual(listed.map((file) => path.relative(exported, file)), ['.env.example', '.gitignore', 'a.ts', 'ca-key.pem']);
        await mkdir(path.join(exported, '.git'));
        const inWorkTree = await listScanFiles(['.'], { respectGitignore: true, workspaceRoot: exported });
        assert.deepEqual(inWorkTree.map((file) => path.relative(exported, file)), ['.gitignore', 'a.ts']);
      } finally {
        await rm(exported, { recursive: true, force: true });
      }
    });

    it('takes files as given, once each, sorted', async () => {
      assert.deepEqual(relative(await listScanFiles(['src/b.tsx', 'a.ts', 'src', 'a.ts'], { respectGitignore: true, workspaceRoot: root })), [
        'a.ts',
        'src/.env',
        'src/b.tsx',
        'src/nested/.gitignore',
        'src/nested/deeper/e.yaml',
        'src/nested/local-kept.ts',
      ]);
    });
  });

  describe('largestFirst', () => {
    it('orders files by size, largest first (ties by path), and sums their sizes, counting a too-large file as the limit', async () => {
      await write('small.ts', 'x'.repeat(10));
      await write('b-middle.ts', 'x'.repeat(500));
      await write('a-middle.ts', 'x'.repeat(500));
      await write('huge.txt', Buffer.alloc(LARGEST_SCANNED_BYTES + 1000));
      const files = ['small.ts', 'b-middle.ts', 'a-middle.ts', 'huge.txt', 'gone.ts'].map((name) => path.join(root, name));
      const ordered = largestFirst(files);
      assert.deepEqual(
        ordered.files.map((file) => path.basename(file)),
        ['huge.txt', 'a-middle.ts', 'b-middle.ts', 'small.ts', 'gone.ts'],
      );
      assert.equal(ordered.totalBytes, LARGEST_SCANNED_BYTES + 1010);
    });
  });
});
