import ts from 'typescript';
import { parseSource } from './parse';

/** One edit as VS Code reports it: offsets into the text before the edit. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

interface CachedDocument {
  readonly version: number;
  readonly sourceFile: ts.SourceFile;
}

/**
 * One syntax tree per open document, kept current with incremental reparses.
 * `changes` are applied in order, each against the text the previous one produced
 * (VS Code's contentChanges order). Anything inconsistent falls back to a full parse.
 * TypeScript's incremental parse moves the old tree's nodes in place: a document's previous tree is
 * invalid once `update` returns, so callers must not keep trees across updates.
 */
export class DocumentCache {
  private readonly documents = new Map<string, CachedDocument>();

  constructor(private readonly capacity = 64) {}

  update(uri: string, version: number, text: string, changes?: readonly TextChange[]): ts.SourceFile {
    const cached = this.documents.get(uri);
    let sourceFile: ts.SourceFile | undefined;
    if (cached && cached.version === version && cached.sourceFile.text === text) {
      sourceFile = cached.sourceFile;
    } else if (cached && changes && changes.length > 0 && version > cached.version) {
      sourceFile = applyChanges(cached.sourceFile, changes, text);
    }
    sourceFile ??= parseSource(uri, text);
    this.documents.delete(uri);
    this.documents.set(uri, { version, sourceFile });
    if (this.documents.size > this.capacity) {
      const oldest = this.documents.keys().next().value;
      if (oldest !== undefined) this.documents.delete(oldest);
    }
    return sourceFile;
  }

  get(uri: string): ts.SourceFile | undefined {
    return this.documents.get(uri)?.sourceFile;
  }

  version(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
  }

  get size(): number {
    return this.documents.size;
  }
}

function applyChanges(sourceFile: ts.SourceFile, changes: readonly TextChange[], expectedText: string): ts.SourceFile | undefined {
  let current = sourceFile;
  for (const change of changes) {
    const oldText = current.text;
    if (change.rangeOffset < 0 || change.rangeLength < 0 || change.rangeOffset + change.rangeLength > oldText.length) {
      return undefined;
    }
    const newText = oldText.slice(0, change.rangeOffset) + change.text + oldText.slice(change.rangeOffset + change.rangeLength);
    const changeRange = ts.createTextChangeRange(ts.createTextSpan(change.rangeOffset, change.rangeLength), change.text.length);
    current = ts.updateSourceFile(current, newText, changeRange);
  }
  return current.text === expectedText ? current : undefined;
}
