import * as vscode from 'vscode';
import { declaredSecretsFrom, type DeclaredSecrets } from '../../core/references/check-references';
import { ReferenceIndex, type ReferenceLocation } from '../../core/references/reference-index';
import { offsetToPosition, type LinePosition } from '../../core/references/text-position';
import type { TextRange } from '../../core/references/types';
import type { LanguageLogger } from './language-context';
import { findEnvFileReferences } from '../../core/env-file/env-file-references';
import { ENV_FILE_GLOB, isEnvFileDocument, isEnvFilePath } from './env-documents';
import { isReferenceLanguage, type ParsedDocuments } from './parsed-documents';

/** A document whose references the index holds: source code, or an env file. */
function holdsReferences(document: vscode.TextDocument): boolean {
  return isReferenceLanguage(document) || isEnvFileDocument(document);
}

/** SOURCE_FILE_EXTENSIONS of core/workspace-files, which is not imported so that it loads on first use only. */
const SOURCE_GLOB = '**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}';
const EXCLUDED_GLOB = '**/{node_modules,.git,dist}/**';
const MAXIMUM_FILES = 20_000;
const MAXIMUM_FILE_BYTES = 1_000_000;

/**
 * Every secret reference in the workspace's TypeScript and JavaScript files and env files. Built on first use,
 * then kept current by a file watcher (files on disk) and by edits (open documents).
 */
export class WorkspaceReferences implements vscode.Disposable {
  private readonly index = new ReferenceIndex();
  private readonly positions = new Map<string, (offset: number) => LinePosition>();
  private building: Promise<void> | undefined;
  /** Open documents edited since they were last indexed; indexed when the index is next asked, not per keystroke. */
  private readonly editedDocuments = new Map<string, vscode.TextDocument>();
  /** Counts each file's removals from the index, so that a read begun before one is not stored after it. */
  private readonly removals = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly documents: ParsedDocuments,
    private readonly logger: LanguageLogger,
  ) {}

  /** The index, built if this is the first use. */
  async ready(): Promise<ReferenceIndex> {
    this.building ??= this.build().catch((error: unknown) => {
      this.building = undefined;
      throw error;
    });
    await this.building;
    for (const document of this.editedDocuments.values()) {
      if (!document.isClosed) this.updateFromDocument(document);
    }
    this.editedDocuments.clear();
    return this.index;
  }

  /** Where each reference to vault/key is, declarations included. */
  async locationsOf(vault: string, key: string): Promise<vscode.Location[]> {
    return (await this.presentReferencesTo(vault, key)).map((reference) => this.locationOf(reference, reference.keyRange));
  }

  /**
   * The references to vault/key in files still on disk or with unsaved edits. A file watcher can miss a
   * deletion (under load, or outside the watched folders): a file found gone is dropped from the index.
   */
  async presentReferencesTo(vault: string, key: string): Promise<ReferenceLocation[]> {
    const found = (await this.ready()).referencesTo(vault, key);
    // As when the watcher reports a deletion, only a document's unsaved edits outlive its file.
    const unsaved = new Set(vscode.workspace.textDocuments.filter((document) => document.isDirty || document.isUntitled).map((document) => document.uri.toString()));
    const gone = new Set<string>();
    for (const file of new Set(found.map((reference) => reference.file))) {
      if (unsaved.has(file)) continue;
      const exists = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(file))).then(
        () => true,
        () => false,
      );
      if (!exists) gone.add(file);
    }
    for (const file of gone) this.forget(file);
    return found.filter((reference) => !gone.has(reference.file));
  }

  /** Where defineSecretManager declares vault/key. */
  async declarationsOf(vault: string, key: string): Promise<vscode.Location[]> {
    const index = await this.ready();
    return index
      .referencesTo(vault, key)
      .filter((reference) => reference.isDeclaration)
      .map((reference) => this.locationOf(reference, reference.keyRange));
  }

  /** Every secret that defineSecretManager declares in the workspace, placed as "secrets.ts:5". */
  async declaredSecrets(): Promise<DeclaredSecrets> {
    const index = await this.ready();
    return declaredSecretsFrom(index.all(), (reference) => this.whereOf(reference));
  }

  /** The first declaration of `vault` in the workspace: its file, and where as "secrets.ts:5". */
  async vaultDeclaration(vault: string): Promise<{ uri: vscode.Uri; where: string } | undefined> {
    const index = await this.ready();
    const declaration = index.referencesToVault(vault).find((reference) => reference.isDeclaration);
    return declaration && { uri: vscode.Uri.parse(declaration.file), where: this.whereOf(declaration) };
  }

  private whereOf(reference: ReferenceLocation): string {
    const line = this.positions.get(reference.file)!(reference.keyRange.start).line + 1;
    return `${vscode.workspace.asRelativePath(vscode.Uri.parse(reference.file))}:${line}`;
  }

  private locationOf(reference: ReferenceLocation, range: TextRange): vscode.Location {
    const position = this.positions.get(reference.file)!;
    const start = position(range.start);
    const end = position(range.end);
    return new vscode.Location(vscode.Uri.parse(reference.file), new vscode.Range(start.line, start.column, end.line, end.column));
  }

  private async build(): Promise<void> {
    const started = performance.now();
    for (const glob of [SOURCE_GLOB, ENV_FILE_GLOB]) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      this.subscriptions.push(
        watcher,
        watcher.onDidCreate((uri) => void this.readFile(uri)),
        watcher.onDidChange((uri) => void this.readFile(uri)),
        watcher.onDidDelete((uri) => {
          // A deleted file's document may stay open for minutes; only its unsaved edits still count.
          const pending = this.editedDocuments.get(uri.toString());
          if (!pending?.isDirty) this.editedDocuments.delete(uri.toString());
          this.forget(uri.toString());
        }),
      );
    }
    this.subscriptions.push(
      // An opened document counts at once, before any file watcher reports it (a file in a folder just created).
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (holdsReferences(document)) this.editedDocuments.set(document.uri.toString(), document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && holdsReferences(event.document)) this.editedDocuments.set(event.document.uri.toString(), event.document);
      }),
      // A closed document's unsaved edits are gone: the file on disk counts again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.editedDocuments.delete(document.uri.toString());
        if (document.uri.scheme === 'file' && holdsReferences(document)) void this.readFile(document.uri);
        else this.forget(document.uri.toString());
      }),
    );
    const files = [
      ...(await vscode.workspace.findFiles(SOURCE_GLOB, EXCLUDED_GLOB, MAXIMUM_FILES)),
      ...(await vscode.workspace.findFiles(ENV_FILE_GLOB, EXCLUDED_GLOB, MAXIMUM_FILES)),
    ];
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    for (const uri of files) {
      if (!open.has(uri.toString())) await this.readFile(uri);
    }
    for (const document of vscode.workspace.textDocuments) {
      if (holdsReferences(document)) this.updateFromDocument(document);
    }
    this.logger.info(`Indexed secret references in ${files.length} files in ${(performance.now() - started).toFixed(0)} ms.`);
  }

  private updateFromDocument(document: vscode.TextDocument): void {
    const file = document.uri.toString();
    this.index.set(file, this.documents.references(document));
    this.positions.set(file, (offset) => {
      const position = document.positionAt(offset);
      return { line: position.line, column: position.character };
    });
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    if (uri.path.split('/').some((segment) => segment === 'node_modules' || segment === '.git')) return;
    const file = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file);
    if (open && holdsReferences(open)) {
      this.updateFromDocument(open);
      return;
    }
    // A file deleted while it is read (closing an unsaved document reads it again, then the file
    // goes) would come back into the index and stay there, as no event would remove it again.
    const removalsBefore = this.removals.get(file) ?? 0;
    try {
      const content = await vscode.workspace.fs.readFile(uri);
      if ((this.removals.get(file) ?? 0) !== removalsBefore) return;
      // Bundles and generated files are no place for references, and parsing them costs.
      if (content.byteLength > MAXIMUM_FILE_BYTES) {
        this.forget(file);
        return;
      }
      const text = new TextDecoder().decode(content);
      if (isEnvFilePath(uri.path)) this.index.set(file, findEnvFileReferences(text));
      else this.index.update(file, text);
      this.positions.set(file, offsetToPosition(text));
    } catch (error) {
      if ((this.removals.get(file) ?? 0) !== removalsBefore) return;
      this.forget(file);
      this.logger.warn(`Could not index ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private forget(file: string): void {
    this.removals.set(file, (this.removals.get(file) ?? 0) + 1);
    this.index.remove(file);
    this.positions.delete(file);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
