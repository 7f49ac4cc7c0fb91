import type { AddedLine, FileChange } from './added-lines';

/** A change in a batch: `order` counts from the newest (0), as the log gives them. */
export interface BatchedChange {
  readonly change: FileChange;
  readonly order: number;
  /** The 0-based line of the batch's text where this change's lines start. */
  readonly firstLine: number;
}

/** Changes to one path, scanned as one text: their added lines, a blank line between two changes. */
export interface ChangeBatch {
  readonly path: string;
  readonly text: string;
  readonly changes: readonly BatchedChange[];
}

/**
 * One detector call costs about 25 µs before it reads a byte, and a history holds many small changes
 * to the same files. Batches stay small enough for the scan to keep pace with git's output.
 */
const BATCH_CHARACTERS = 16 * 1024;
/** Past this many characters waiting in all batches, every batch is scanned. */
const MOST_PENDING_CHARACTERS = 4 * 1024 * 1024;
/**
 * Comments that reach past their own line (a block disabled until enabled again, an allowance for the
 * next line) would cover another commit's lines in a batch: a change holding one is scanned alone.
 */
const REACHES_PAST_ITS_LINE = /secretlint-(?:disable|enable)|secret-manager-ignore|nextline/i;

/** The added lines as one text, a line each. */
export function textOfLines(lines: readonly AddedLine[]): string {
  let text = '';
  for (const added of lines) text += `${added.text}\n`;
  return text;
}

interface Pending {
  text: string;
  changes: BatchedChange[];
  lineCount: number;
}

/** Groups the changes of a log by path into batches; what it hands back is ready to scan. */
export class ChangeBatcher {
  private readonly pending = new Map<string, Pending>();
  private pendingCharacters = 0;

  /** @param largest The longest text a batch may hold (a longer single change is its own batch). */
  constructor(private readonly largest = BATCH_CHARACTERS, private readonly mostPending = MOST_PENDING_CHARACTERS) {}

  /** Adds a change; gives the batches that are full now. */
  add(change: FileChange, order: number): ChangeBatch[] {
    const text = textOfLines(change.lines);
    const ready: ChangeBatch[] = [];
    if (REACHES_PAST_ITS_LINE.test(text)) {
      ready.push({ path: change.path, text, changes: [{ change, order, firstLine: 0 }] });
      return ready;
    }
    let batch = this.pending.get(change.path);
    if (batch && batch.text.length + 1 + text.length > this.largest) {
      ready.push(this.take(change.path));
      batch = undefined;
    }
    if (!batch) {
      batch = { text: '', changes: [], lineCount: 0 };
      this.pending.set(change.path, batch);
    } else {
      batch.text += '\n';
      batch.lineCount += 1;
      this.pendingCharacters += 1;
    }
    batch.changes.push({ change, order, firstLine: batch.lineCount });
    batch.text += text;
    batch.lineCount += change.lines.length;
    this.pendingCharacters += text.length;
    if (batch.text.length >= this.largest) ready.push(this.take(change.path));
    if (this.pendingCharacters > this.mostPending) ready.push(...this.takeAll());
    return ready;
  }

  /** Every batch still waiting. */
  takeAll(): ChangeBatch[] {
    return [...this.pending.keys()].map((path) => this.take(path));
  }

  private take(path: string): ChangeBatch {
    const batch = this.pending.get(path)!;
    this.pending.delete(path);
    this.pendingCharacters -= batch.text.length;
    return { path, text: batch.text, changes: batch.changes };
  }
}

/** The change a 1-based line of the batch's text came from, and that line's number in the commit's file. */
export function locateLine(batch: ChangeBatch, line: number): { readonly change: BatchedChange; readonly fileLine: number } | undefined {
  const index = line - 1;
  let low = 0;
  let high = batch.changes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (batch.changes[middle].firstLine <= index) low = middle;
    else high = middle - 1;
  }
  const change = batch.changes[low];
  const added = change?.change.lines[index - change.firstLine];
  return added ? { change, fileLine: added.line } : undefined;
}
