import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { escapeControlCharacters } from '../../core/printable-text';
import { checkReferences, type ReferenceProblem } from '../../core/references/check-references';
import { loadParser } from '../../core/references/load-parser';
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
  readonly kind: ReferenceProblem['kind'];
  readonly message: string;
  readonly suggestion?: string;
}

/** The source files the paths name: files as given, folders walked (honouring .gitignore). */
async function sourceFilesOf(paths: readonly string[], io: CliIo): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(io.cwd, given);
    const stats = await stat(absolute).catch(() => undefined);
    if (!stats) throw new UsageError(`No such file or folder: ${given}`, 'check');
    if (stats.isDirectory()) {
      for await (const file of walkSourceFiles(absolute, { respectGitignore: true, workspaceRoot: io.cwd })) files.add(file);
    } else if (isSourceFile(absolute)) {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/** Bigger files are generated or minified, not where people write references. */
const LARGEST_FILE_BYTES = 2 * 1024 * 1024;

async function findAllReferences(files: readonly string[], io: CliIo): Promise<{ references: ReferenceLocation[]; texts: Map<string, string> }> {
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
    const found = parser.findReferencesInText(file, text);
    if (found.length === 0) continue;
    texts.set(file, text);
    references.push(...found.map((reference) => ({ ...reference, file })));
  }
  return { references, texts };
}

function locate(problems: readonly ReferenceProblem<ReferenceLocation>[], texts: ReadonlyMap<string, string>, cwd: string): LocatedProblem[] {
  const positions = new Map<string, ReturnType<typeof offsetToPosition>>();
  return problems.map(({ reference, kind, message, suggestion }) => {
    let positionOf = positions.get(reference.file);
    if (!positionOf) positions.set(reference.file, (positionOf = offsetToPosition(texts.get(reference.file) ?? '')));
    const { line, column } = positionOf(kind === 'missing-vault' ? reference.vaultRange.start : reference.keyRange.start);
    return {
      file: path.relative(cwd, reference.file).split(path.sep).join('/') || reference.file,
      line: line + 1,
      column: column + 1,
      vault: reference.vault,
      key: reference.key,
      kind,
      message,
      ...(suggestion === undefined ? {} : { suggestion }),
    };
  });
}

/**
 * `secret-manager check [paths…]`: every secret reference in the code must name an existing secret.
 * Exit 1 when any does not resolve, 0 when all do, 2 on a usage mistake.
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
    const problems = locate(
      checkReferences(references, known, { includeDeclarations: values['include-declarations'] === true, storeLabel: client.label }),
      texts,
      io.cwd,
    );
    const checked = references.filter((reference) => values['include-declarations'] === true || !reference.isDeclaration).length;

    if (globals.json) {
      writeJson(io, { store: client.label, filesScanned: files.length, referencesChecked: checked, problems });
    } else {
      for (const problem of problems) {
        // File names and reference texts come from the repository.
        io.stdout(`${escapeControlCharacters(`${problem.file}:${problem.line}:${problem.column} ${problem.vault}/${problem.key}: ${problem.message}`)}\n`);
      }
      const summary = `${pluralize(checked, 'reference')} in ${pluralize(files.length, 'file')} checked against ${client.label}`;
      io.stderr(problems.length === 0 ? `${summary}: all resolve.\n` : `${summary}: ${problems.length} unresolved.\n`);
    }
    return problems.length === 0 ? 0 : 1;
  });
};
