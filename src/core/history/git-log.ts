import { execFile, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SecretManagerError } from '../model';
import { AddedLinesParser, HISTORY_LOG_FORMAT, type FileChange } from './added-lines';

/** Settings that would change what `git log -p` prints, pinned so the parser reads one format. */
const PINNED_CONFIGURATION = ['core.quotePath=false', 'diff.noprefix=false', 'diff.mnemonicPrefix=false', 'log.showSignature=false', 'color.ui=false'];

/** The `git log` arguments that print every line each commit of `range` added (merges as combined diffs). */
export function historyLogArguments(range: string | undefined): string[] {
  return [
    ...PINNED_CONFIGURATION.flatMap((setting) => ['-c', setting]),
    'log',
    '-p',
    '--cc',
    '--find-renames',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    `--format=${HISTORY_LOG_FORMAT}`,
    '--end-of-options',
    range ?? 'HEAD',
    '--',
  ];
}

function gitFailure(error: unknown, what: string): SecretManagerError {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new SecretManagerError('unavailable', `git was not found on the PATH, so ${what}.`, 'Install git.');
  }
  return new SecretManagerError('unavailable', `git failed: ${String((error as { message?: string }).message ?? error).slice(0, 300)}`);
}

/** Runs git and gives its standard output; a failure gives git's own message. */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(gitFailure(error, 'the history cannot be read'));
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
    if (input === undefined) child.stdin?.end();
    else {
      // git may exit before reading everything (a bad revision): that is its answer, not a crash.
      child.stdin?.on('error', () => {});
      child.stdin?.end(input);
    }
  });
}

/** The top of the git working tree holding `cwd`, and whether the clone is shallow. */
export async function describeRepository(cwd: string): Promise<{ root: string; shallow: boolean }> {
  const result = await runGit(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (result.code !== 0) {
    throw new SecretManagerError('invalid-input', `${cwd} is not inside a git working tree, so it has no history to scan.`, 'Run it inside the repository.');
  }
  const [root, shallow] = result.stdout.trim().split('\n');
  return { root, shallow: shallow === 'true' };
}

/** Output git may run ahead by while the scan works: a stream's own buffer (64 KiB) would stop it at every chunk. */
const MOST_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * The stream's chunks, read as fast as they come (up to MOST_BUFFERED_BYTES ahead of the
 * consumer), so git produces the next diffs while the previous ones are scanned.
 */
async function* eagerChunks(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let buffered = 0;
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  stream.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    buffered += chunk.length;
    if (buffered > MOST_BUFFERED_BYTES) stream.pause();
    wake?.();
  });
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  stream.on('error', (error) => {
    failure = error;
    wake?.();
  });
  for (;;) {
    if (failure !== undefined) throw failure;
    const chunk = queue.shift();
    if (chunk === undefined) {
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    buffered -= chunk.length;
    if (stream.isPaused() && buffered < MOST_BUFFERED_BYTES / 2) stream.resume();
    yield chunk;
  }
}

/**
 * Streams `git log -p` of `range` through the parser, handing each file change to `onChanges` and
 * waiting for it before reading on, so a slow scan holds git back instead of the output piling up.
 */
export async function readAddedLines(root: string, range: string | undefined, onChanges: (changes: FileChange[]) => Promise<void>): Promise<{ commitCount: number; binaryFiles: number }> {
  if (range !== undefined && (range.startsWith('-') || range.trim() === '')) {
    throw new SecretManagerError('invalid-input', `"${range.slice(0, 100)}" is not a revision range.`, 'Give a range such as main~20..main or v1.0..HEAD.');
  }
  const child = spawn('git', historyLogArguments(range), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) => reject(gitFailure(error, 'the history cannot be read')));
    child.on('close', (code) => resolve(code ?? 1));
  });
  const parser = new AddedLinesParser();
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of eagerChunks(child.stdout)) {
      const text = rest + decoder.write(chunk);
      const changes: FileChange[] = [];
      let start = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
        parser.readFrom(text, start, newline, changes);
        start = newline + 1;
      }
      rest = text.slice(start);
      if (changes.length > 0) await onChanges(changes);
    }
  } catch (error) {
    child.kill();
    throw error;
  }
  const changes: FileChange[] = [];
  if (rest !== '') parser.read(rest, changes);
  parser.end(changes);
  const code = await exited;
  if (code !== 0) {
    const message = stderr.trim().split('\n')[0] ?? '';
    throw new SecretManagerError('invalid-input', `git log ${range ?? 'HEAD'} failed: ${message.slice(0, 300)}.`, 'Give a revision range git knows, such as main~20..main.');
  }
  if (changes.length > 0) await onChanges(changes);
  return { commitCount: parser.commitCount, binaryFiles: parser.binaryFiles };
}

/**
 * Which of `literals` the tree of `revision` still holds, anywhere in a text file. The literals go
 * to git on standard input, never on its command line, where other processes could read them.
 */
export async function literalsPresentAt(root: string, revision: string, literals: readonly string[]): Promise<Set<string>> {
  const searchable = [...new Set(literals.filter((literal) => literal !== '' && !/[\r\n]/.test(literal)))];
  if (searchable.length === 0) return new Set();
  const result = await runGit(root, ['grep', '--no-color', '-F', '-I', '-o', '-h', '--no-line-number', '-f', '-', revision, '--'], `${searchable.join('\n')}\n`);
  // 1: nothing found. Anything else (no such revision, an empty repository): nothing can be said present.
  if (result.code !== 0) return new Set();
  const found = new Set(result.stdout.split('\n'));
  return new Set(searchable.filter((literal) => found.has(literal)));
}
