import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDetector } from '../../core/detect/detector';
import { planImport, rewriteWithReferences, storedValueHolders, type ImportEntry } from '../../core/env-file/env-import';
import { parseEnvFile, type EnvAssignment } from '../../core/env-file/parse-env-file';
import { formatSecretUri } from '../../core/env-file/secret-uri';
import { isSecretManagerError, parseInput, vaultNameSchema } from '../../core/model';
import { parseCommandArguments, requireOption, UsageError } from '../arguments';
import type { CliIo, CommandHandler } from '../command';
import { pluralize, writeJson } from '../output';
import { storeNote, withStore } from '../store-session';

const COMMAND = 'import-env';

/** The assignments whose value the detector reports as a credential. */
async function credentialAssignments(text: string, file: string): Promise<EnvAssignment[]> {
  const findings = await createDetector().detect({ text, filePath: file });
  return parseEnvFile(text).filter((assignment) =>
    findings.some((finding) => finding.range[0] < Math.max(assignment.valueEnd, assignment.valueStart + 1) && finding.range[1] > assignment.valueStart),
  );
}

/** Replaces the file in one step (a rename), keeping its permissions, so a crash never leaves half a file. */
async function replaceFile(file: string, text: string): Promise<void> {
  const { mode } = await stat(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.secret-manager-${process.pid}`);
  try {
    await writeFile(temporary, text, { mode: mode & 0o777, flag: 'wx' });
    await chmod(temporary, mode & 0o777);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function describe(entry: ImportEntry): string {
  return `${entry.assignment.name} (line ${entry.assignment.line + 1}) → ${formatSecretUri(entry.reference)}${entry.alreadyStored ? ' (already holds this value)' : ''}`;
}

/**
 * `secret-manager import-env FILE --vault V [--dry-run]`: each value the detector reports as a
 * credential becomes a secret in V, and the file gets a reference in its place. Nothing is written
 * to the file unless every secret was created; a second run finds nothing left to import.
 */
export const importEnvCommand: CommandHandler = async (args, globals, io: CliIo) => {
  const { values, positionals } = parseCommandArguments(COMMAND, args, { vault: { type: 'string' }, 'dry-run': { type: 'boolean' } }, { min: 1, max: 1 });
  const vault = parseInput(vaultNameSchema, requireOption(COMMAND, values.vault, 'vault'));
  const given = positionals[0]!;
  const file = path.resolve(io.cwd, given);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${given}: ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}.`, COMMAND);
  });
  const chosen = await credentialAssignments(text, file);
  const dryRun = values['dry-run'] === true;

  return withStore(globals, io, async (client) => {
    const vaultExists = (await client.listVaults()).some((candidate) => candidate.name === vault);
    const taken = new Set(vaultExists ? (await client.listSecrets(vault)).map((secret) => secret.name) : []);
    const entries = planImport(chosen, vault, taken, await storedValueHolders(client, vaultExists));
    const report = (created: readonly ImportEntry[]) =>
      globals.json
        ? writeJson(io, {
            file: given,
            vault,
            dryRun,
            imported: created.map((entry) => ({ variable: entry.assignment.name, line: entry.assignment.line + 1, reference: formatSecretUri(entry.reference), alreadyStored: entry.alreadyStored })),
          })
        : undefined;
    if (entries.length === 0) {
      report([]);
      io.stderr(`Nothing to import: ${given} holds no credential values.\n`);
      return 0;
    }
    if (dryRun) {
      report(entries);
      if (!globals.json) for (const entry of entries) io.stdout(`${describe(entry)}\n`);
      io.stderr(`Dry run: ${pluralize(entries.length, 'value')} would move to vault ${vault}${vaultExists ? '' : ' (created)'}; nothing was changed.\n`);
      return 0;
    }
    io.stderr(storeNote(client));
    const created: ImportEntry[] = [];
    try {
      if (!vaultExists) await client.createVault(vault);
      for (const entry of entries) {
        if (!entry.alreadyStored) await client.createSecret({ ...entry.reference, value: entry.assignment.value });
        created.push(entry);
      }
      await replaceFile(file, rewriteWithReferences(text, entries));
    } catch (error) {
      const message = isSecretManagerError(error) || error instanceof Error ? error.message : String(error);
      const made = created.filter((entry) => !entry.alreadyStored);
      const list = made.length === 0 ? 'No secret was created.' : `Secrets already created:\n${made.map((entry) => `  ${formatSecretUri(entry.reference)}\n`).join('')}`;
      io.stderr(`Error: the import stopped: ${message}\n${given} was left as it was. ${list}${made.length === 0 ? '\n' : ''}`);
      return 1;
    }
    report(created);
    if (!globals.json) for (const entry of created) io.stdout(`${describe(entry)}\n`);
    const reused = created.filter((entry) => entry.alreadyStored).length;
    const reusedNote = reused === 0 ? '' : ` (${reused} already in it, not copied again)`;
    io.stderr(`Moved ${pluralize(created.length, 'value')} from ${given} into vault ${vault}${reusedNote}; the file now holds references.\n`);
    return 0;
  });
};
