import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { SecretManagerError } from './model';

/** A file as it is staged for the next commit (the git index), not as it is in the working tree. */
export interface StagedFile {
  /** Absolute path in the working tree. */
  readonly file: string;
  readonly content: Buffer;
}

const GIT_OUTPUT_LIMIT = 64 * 1024 * 1024;

function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: GIT_OUTPUT_LIMIT }, (error, stdout, stderr) => {
      if (!error) resolve(stdout);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new SecretManagerError('unavailable', 'git was not found on the PATH, so the staged files cannot be read.', 'Install git, or scan the working tree without --staged.'));
      } else reject(Object.assign(error, { gitMessage: stderr.trim() }));
    });
  });
}

/** The top folder of the git working tree holding `cwd`. */
async function workTreeRoot(cwd: string): Promise<string> {
  try {
    return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (error instanceof SecretManagerError) throw error;
    throw new SecretManagerError('invalid-input', `${cwd} is not inside a git working tree, so it has no staged files.`, 'Run it inside the repository, or scan without --staged.');
  }
}

/**
 * Reads the objects named `:path` (the staged content) through one `git cat-file --batch`: each
 * answer is "<object> blob <size>\n<content>\n", or "<name> missing\n".
 */
function readIndexObjects(root: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new SecretManagerError('unavailable', `git cat-file failed (${stderr.trim().slice(0, 300)}).`));
        return;
      }
      const output = Buffer.concat(chunks);
      const contents = new Map<string, Buffer>();
      let offset = 0;
      for (const name of names) {
        const headerEnd = output.indexOf(0x0a, offset);
        if (headerEnd === -1) break;
        const header = output.toString('utf8', offset, headerEnd).split(' ');
        offset = headerEnd + 1;
        if (header.at(-1) === 'missing' || header.length !== 3) continue;
        const size = Number(header[2]);
        if (header[1] === 'blob') contents.set(name, output.subarray(offset, offset + size));
        offset += size + 1;
      }
      resolve(contents);
    });
    child.stdin.end(names.map((name) => `:${name}\n`).join(''));
  });
}

/**
 * The files added, copied, modified or renamed in the index of the git working tree around `cwd`,
 * with their staged content, limited to `pathspecs` (relative to `cwd`) when given. What a commit
 * would record is what a pre-commit check has to look at, whatever the working tree holds.
 */
export async function readStagedFiles(cwd: string, pathspecs: readonly string[] = []): Promise<{ root: string; files: StagedFile[] }> {
  const root = await workTreeRoot(cwd);
  const listing = await runGit(cwd, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--', ...pathspecs]);
  // cat-file --batch reads one name per line: a name with a line break cannot be asked for.
  const names = listing.split('\0').filter((name) => name !== '' && !name.includes('\n'));
  const contents = names.length === 0 ? new Map<string, Buffer>() : await readIndexObjects(root, names);
  const files = names.flatMap((name) => {
    const content = contents.get(name);
    return content === undefined ? [] : [{ file: path.join(root, ...name.split('/')), content }];
  });
  return { root, files };
}
