import { checkReferences, type CheckOptions, type KnownSecrets, type ReferenceProblem } from './check-references';
import { loadParser } from './load-parser';
import type { FoundReference } from './types';

/** A reference and the file it is in. */
export interface ReferenceLocation extends FoundReference {
  readonly file: string;
}

function secretId(vault: string, key: string): string {
  return `${vault}\u0000${key}`;
}

/**
 * The references of every file in a workspace, kept per file so a watcher can update one file
 * at a time, and indexed by secret for "where is this secret used?".
 */
export class ReferenceIndex {
  private readonly byFile = new Map<string, readonly ReferenceLocation[]>();
  private readonly bySecret = new Map<string, Set<string>>();

  /** Parses `text` and replaces the file's references. Returns them. */
  update(file: string, text: string): readonly ReferenceLocation[] {
    return this.set(file, loadParser().findReferencesInText(file, text));
  }

  /** Replaces the file's references with ones found elsewhere (for example from an open document's tree). */
  set(file: string, references: readonly FoundReference[]): readonly ReferenceLocation[] {
    this.remove(file);
    if (references.length === 0) return [];
    const located = references.map((reference) => ({ ...reference, file }));
    this.byFile.set(file, located);
    for (const reference of located) {
      const id = secretId(reference.vault, reference.key);
      let files = this.bySecret.get(id);
      if (!files) this.bySecret.set(id, (files = new Set()));
      files.add(file);
    }
    return located;
  }

  remove(file: string): void {
    const previous = this.byFile.get(file);
    if (!previous) return;
    this.byFile.delete(file);
    for (const reference of previous) {
      const id = secretId(reference.vault, reference.key);
      const files = this.bySecret.get(id);
      files?.delete(file);
      if (files?.size === 0) this.bySecret.delete(id);
    }
  }

  clear(): void {
    this.byFile.clear();
    this.bySecret.clear();
  }

  referencesInFile(file: string): readonly ReferenceLocation[] {
    return this.byFile.get(file) ?? [];
  }

  /** Every place that names vault/key, declarations included, ordered by file then offset. */
  referencesTo(vault: string, key: string): ReferenceLocation[] {
    const files = [...(this.bySecret.get(secretId(vault, key)) ?? [])].sort();
    return files.flatMap((file) => this.referencesInFile(file).filter((reference) => reference.vault === vault && reference.key === key));
  }

  /** Every place that names a secret in `vault`. */
  referencesToVault(vault: string): ReferenceLocation[] {
    return this.all().filter((reference) => reference.vault === vault);
  }

  all(): ReferenceLocation[] {
    return [...this.byFile.keys()].sort().flatMap((file) => this.referencesInFile(file));
  }

  get files(): string[] {
    return [...this.byFile.keys()].sort();
  }

  /** The references that do not resolve against `known`. */
  unresolved(known: KnownSecrets, options?: CheckOptions): ReferenceProblem<ReferenceLocation>[] {
    return checkReferences(this.all(), known, options);
  }
}
