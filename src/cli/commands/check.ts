import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { escapeControlCharacters } from '../../core/printable-text';
import { findEnvFileReferences } from '../../core/env-file/env-file-references';
import { isEnvFilePath } from '../../core/env-file/env-file-name';
import { checkReferences, declaredSecretsFrom, problemRange, type ReferenceProblem } from '../../core/references/check-references';
import { loadParser } from '../../core/references/load-parser';
import { propertyTypoProblems } from '../../core/references/property-typo';
import type { ReferenceLocation } from '../../core/references/reference-index';
import { offsetToPosition } from '../../core/references/text-position';
import { isSourceFile, walkSourceFiles } from '../../core/workspace-files';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CliIo, CommandHandler } from '../command';
import { pluralize, writeJson } from '../output';
import { withStore } from '../store-session';

interface LocatedProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly vault: string;
  readonly key: string;
  readonly kind: ReferenceProblem['kind'] | 'likely-typo';
  readonly severity: ReferenceProblem['severity'];
  readonly message: string;
  readonly suggestion?: string;
}

/** The source files the paths name: files as given (env files too), folders walked (honouring .gitignore). */
export async function sourceFilesOf(paths: readonly string[], io: CliIo): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(io.cwd, given);
    const stats = await stat(absolute).catch(() => undefined);
    if (!stats) throw new UsageError(`No such file or folder: ${given}`, 'check');
    if (stats.isDirectory()) {
      for await (const file of walkSourceFiles(absolute, { respectGitignore: true, workspaceRoot: io.cwd })) files.add(file);
    } else if (isSourceFile(absolute) || isEnvFilePath(absolute)) {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/** Bigger files are generated or minified, not where people write references. */
const LARGEST_FILE_BYTES = 2 * 1024 * 1024;

export async function findAllReferences(files: readonly string[], io: CliIo): Promise<{ references: ReferenceLocation[]; texts: Map<string, string> }> {
  const parser = loadParser();
  const references: ReferenceLocation[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    const size = (await stat(file)).size;
    if (size > LARGEST_FILE_BYTES) {
      io.stderr(`Skipped ${escapeControlCharacters(path.relative(io.cwd, file))}: larger than 2 MiB.\n`);
      continue;
    }
    const text = await readFile(file, 'utf8');
    const found = isEnvFilePath(file) ? findEnvFileReferences(text) : parser.findReferencesInText(file, text);
    if (found.length === 0) continue;
    texts.set(file, text);
    references.push(...found.map((reference) => ({ ...reference, file })));
  }
  return { references, texts };
}

/** Line and column (1-based) of offsets in the files read, each file's line table built once. */
function positionsIn(texts: ReadonlyMap<string, string>): (file: string, offset: number) => { line: number; column: number } {
  const positions = new Map<string, ReturnType<typeof offsetToPosition>>();
  return (file, offset) => {
    let positionOf = positions.get(file);
    if (!positionOf) positions.set(file, (positionOf = offsetToPosition(texts.get(file) ?? '')));
    const { line, column } = positionOf(offset);
    return { line: line + 1, column: column + 1 };
  };
}

function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || file;
}

/** A problem with the offset it is reported at. */
type PlacedProblem = Pick<LocatedProblem, 'kind' | 'severity' | 'message' | 'suggestion'> & { readonly reference: ReferenceLocation; readonly offset: number };

/** The store's problems and the misspelt properties (`secretName`), in file order, then by offset. */
function placed(problems: readonly ReferenceProblem<ReferenceLocation>[], references: readonly ReferenceLocation[]): PlacedProblem[] {
  const fromStore = problems.map(({ reference, kind, part, severity, message, suggestion }) => ({
    reference,
    kind,
    severity,
    message,
    suggestion,
    offset: problemRange({ part, reference }).start,
  }));
  const typos = propertyTypoProblems(references).map((problem) => ({
    reference: problem.reference,
    kind: 'likely-typo' as const,
    severity: 'warning' as const,
    message: problem.message,
    suggestion: problem.edit.newText,
    offset: problem.edit.range.start,
  }));
  const fileOrder = new Map(references.map((reference, index) => [reference.file, index] as const));
  const orderOf = (problem: PlacedProblem) => fileOrder.get(problem.reference.file) ?? 0;
  return [...fromStore, ...typos].sort((left, right) => orderOf(left) - orderOf(right) || left.offset - right.offset);
}

function locate(
  problems: readonly PlacedProblem[],
  positionOf: (file: string, offset: number) => { line: number; column: number },
  cwd: string,
): LocatedProblem[] {
  return problems.map(({ reference, kind, severity, message, suggestion, offset }) => {
    const { line, column } = positionOf(reference.file, offset);
    return {
      file: displayPath(reference.file, cwd),
      line,
      column,
      vault: reference.vault,
      key: reference.key,
      kind,
      severity,
      message,
      ...(suggestion === undefined ? {} : { suggestion }),
    };
  });
}

/**
 * `secret-manager check [paths…]`: every secret reference in the code must name an existing secret,
 * and every name must follow the naming rule. A secret that a `defineSecretManager` in the checked
 * files declares but the store lacks is a note (it is created on deploy), not a failure.
 * Exit 1 when any reference does not resolve or breaks the rule, 0 otherwise, 2 on a usage mistake.
 */
export const checkCommand: CommandHandler = async (args, globals, io) => {
  const { positionals, values } = parseCommandArguments(
    'check',
    args,
    { 'include-declarations': { type: 'boolean' } },
    { min: 0, max: Number.MAX_SAFE_INTEGER },
  );
  const files = await sourceFilesOf(positionals.length > 0 ? positionals : ['.'], io);
  const { references, texts } = await findAllReferences(files, io);

  return withStore(globals, io, async (client) => {
    const referencedVaults = new Set(references.map((reference) => reference.vault));
    const known = new Map<string, Set<string>>();
    for (const vault of await client.listVaults()) {
      const secrets = referencedVaults.has(vault.name) ? await client.listSecrets(vault.name) : [];
      known.set(vault.name, new Set(secrets.map((secret) => secret.name)));
    }
    const positionOf = positionsIn(texts);
    const declared = declaredSecretsFrom(references, (reference) => `${displayPath(reference.file, io.cwd)}:${positionOf(reference.file, reference.keyRange.start).line}`);
    const found = locate(
      placed(checkReferences(references, known, { includeDeclarations: values['include-declarations'] === true, storeLabel: client.label, declared }), references),
      positionOf,
      io.cwd,
    );
    const problems = found.filter((problem) => problem.severity !== 'information');
    const notes = found.filter((problem) => problem.severity === 'information');
    const checked = references.filter((reference) => values['include-declarations'] === true || !reference.isDeclaration).length;

    if (globals.json) {
      writeJson(io, { store: client.label, filesScanned: files.length, referencesChecked: checked, problems, notes });
    } else {
      for (const problem of found) {
        const note = problem.severity === 'information' ? 'note: ' : '';
        // File names and reference texts come from the repository.
        io.stdout(`${escapeControlCharacters(`${problem.file}:${problem.line}:${problem.column} ${problem.vault}/${problem.key}: ${note}${problem.message}`)}\n`);
      }
      const summary = `${pluralize(checked, 'reference')} in ${pluralize(files.length, 'file')} checked against ${client.label}`;
      const declaredOnly = notes.length === 0 ? '' : ` (${notes.length} declared, not in the store yet)`;
      io.stderr(problems.length === 0 ? `${summary}: all resolve${declaredOnly}.\n` : `${summary}: ${problems.length} unresolved${declaredOnly}.\n`);
    }
    return problems.length === 0 ? 0 : 1;
  });
};
