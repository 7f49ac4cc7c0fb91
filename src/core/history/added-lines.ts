/** One commit, as `git log --format=HISTORY_LOG_FORMAT` prints it. */
export interface CommitInfo {
  readonly hash: string;
  readonly shortHash: string;
  /** ISO 8601, as the author recorded it. */
  readonly authorDate: string;
  readonly subject: string;
}

/** A line a commit added to a file, with its 1-based number in the file as that commit left it. */
export interface AddedLine {
  readonly text: string;
  readonly line: number;
}

/** The lines one commit added to one file. */
export interface FileChange {
  readonly commit: CommitInfo;
  /** Relative to the top of the working tree, with forward slashes. */
  readonly path: string;
  readonly lines: readonly AddedLine[];
}

const COMMIT_MARK = '\u0001';
const COMMIT_MARK_CODE = COMMIT_MARK.charCodeAt(0);
const FIELD_SEPARATOR = '\u001f';
/** The header line of each commit: a mark no diff line can start with, then tab-free fields. */
export const HISTORY_LOG_FORMAT = `format:${COMMIT_MARK}%H${FIELD_SEPARATOR}%h${FIELD_SEPARATOR}%aI${FIELD_SEPARATOR}%s`;

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** A path as git prints it: plain, or C-quoted ("tab\there", octal bytes for non-ASCII). */
export function unquoteGitPath(printed: string): string {
  if (!printed.startsWith('"') || !printed.endsWith('"')) return printed;
  const bytes: number[] = [];
  const body = printed.slice(1, -1);
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index];
    if (character !== '\\') {
      bytes.push(...Buffer.from(character, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1, index + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      index += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The new file's path on a `+++ b/path` line; undefined for a deleted file (`+++ /dev/null`). */
function newPath(header: string): string | undefined {
  const printed = unquoteGitPath(header.slice(4).replace(/\t$/, ''));
  return printed.startsWith('b/') ? printed.slice(2) : undefined;
}

const HUNK_NEW_START = /\+(\d+)(?:,\d+)? @/;

/**
 * Reads `git log -p --cc` output line by line and gives the lines each commit added to each file.
 * For a merge (a combined diff, one column per parent) a line counts as added only when it is new
 * against every parent: lines that came from a merged branch were added by that branch's commits.
 * Binary files have no added lines; they are counted.
 */
export class AddedLinesParser {
  private commit: CommitInfo | undefined;
  private path: string | undefined;
  private lines: AddedLine[] = [];
  private inFileHeader = false;
  private columns = 1;
  private nextLine = 0;
  private readonly seenCommits = new Set<string>();
  binaryFiles = 0;

  /** How many commits the log has shown so far. */
  get commitCount(): number {
    return this.seenCommits.size;
  }

  /** Reads one line (without its line break); a file change it completes goes to `changes`. */
  read(line: string, changes: FileChange[]): void {
    this.readFrom(line, 0, line.length, changes);
  }

  /**
   * Reads the line text[start, end) without copying it out first: most lines of a log are context
   * or removed lines, which are only counted.
   */
  readFrom(text: string, start: number, end: number, changes: FileChange[]): void {
    const first = start < end ? text.charCodeAt(start) : -1;
    if (!this.inFileHeader && this.path !== undefined && (first === 32 || first === 43 || first === 45)) {
      this.readHunkLine(text, start, end);
      return;
    }
    if (first === COMMIT_MARK_CODE) {
      this.finishFile(changes);
      const [hash, shortHash, authorDate, ...subject] = text.slice(start + 1, end).split(FIELD_SEPARATOR);
      this.commit = { hash, shortHash, authorDate, subject: subject.join(FIELD_SEPARATOR) };
      this.seenCommits.add(hash);
      this.path = undefined;
    } else if (text.startsWith('diff --git ', start) || text.startsWith('diff --cc ', start) || text.startsWith('diff --combined ', start)) {
      this.finishFile(changes);
      this.path = undefined;
      this.inFileHeader = true;
    } else if (this.inFileHeader && text.startsWith('+++ ', start)) {
      this.path = newPath(text.slice(start, end));
    } else if (this.inFileHeader && text.startsWith('Binary files ', start)) {
      this.binaryFiles += 1;
    } else if (text.startsWith('@@', start)) {
      let ats = 0;
      while (text.charCodeAt(start + ats) === 64) ats += 1;
      this.columns = Math.max(1, ats - 1);
      this.nextLine = Number(HUNK_NEW_START.exec(text.slice(start, end))?.[1] ?? 1);
      this.inFileHeader = false;
    }
  }

  /** Gives the last file change once the log has ended. */
  end(changes: FileChange[]): void {
    this.finishFile(changes);
  }

  private readHunkLine(text: string, start: number, end: number): void {
    const columns = this.columns;
    let added = true;
    for (let column = 0; column < columns; column += 1) {
      const marker = text.charCodeAt(start + column);
      if (marker === 45) return; // Removed against some parent: not in the file this commit left.
      if (marker !== 43) added = false;
    }
    if (added) this.lines.push({ text: text.slice(start + columns, end), line: this.nextLine });
    this.nextLine += 1;
  }

  private finishFile(changes: FileChange[]): void {
    if (this.commit && this.path !== undefined && this.lines.length > 0) changes.push({ commit: this.commit, path: this.path, lines: this.lines });
    this.lines = [];
    this.inFileHeader = false;
  }
}
