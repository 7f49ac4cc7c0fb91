import * as vscode from 'vscode';
import * as z from 'zod';
import { formatReference, InvalidInputError, parseInput, secretNameSchema, secretValueSchema, vaultNameSchema } from '../../core/model';
import type { DeclaredSecrets } from '../../core/references/check-references';
import { replacementEdits } from '../../core/references/replacement-text';
import { suggestSecretKeyName } from '../../core/references/secret-key-name';
import { uniqueSecretName } from '../../core/references/unique-secret-name';
import type { SecretStore } from '../../core/store';
import { registerCommand } from '../commands/register';
import { inputValidator } from '../commands/targets';
import { requireTrustedWorkspace, withProgress, type ExtensionServices } from '../services';
import { declareSecret } from './declare-secret';
import { loadDetectModule, type DetectorHost } from './detector-host';
import { IGNORE_IN_FILE_COMMAND, literalReplacement, MOVE_TO_SECRET_MANAGER_COMMAND, workspaceEditOf, type FindingArgument } from './leak-actions';
import type { LanguageFeatures } from './state';

const findingArgumentSchema = z.object({
  uri: z.string().min(1),
  version: z.number().int(),
  ruleId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const NEW_VAULT_LABEL = 'New vault…';

async function unchangedDocument(argument: FindingArgument): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(argument.uri));
  if (document.version !== argument.version) {
    throw new InvalidInputError('The file changed since the credential was reported. Run the quick fix again on the new finding.');
  }
  return document;
}

/**
 * The .secretmanagerignore lines (fingerprints, never the literal) that silence every rule reporting
 * this stretch of text: once one rule's finding is ignored, an overlapping rule's finding would surface.
 */
async function ignoreEntriesFor(detectors: DetectorHost, document: vscode.TextDocument, argument: FindingArgument, existing: string): Promise<string[]> {
  const engine = loadDetectModule();
  const text = document.getText();
  const entries = [engine.createIgnoreEntry({ ruleId: argument.ruleId, range: [argument.start, argument.end] }, text)];
  for (let round = 0; round < 5; round += 1) {
    const detector = await detectors.detectorWithIgnoreText(document, `${existing}\n${entries.join('\n')}\n`);
    const findings = await detector.detect({ text, filePath: document.uri.fsPath, isExecutorFile: true });
    const remaining = findings.filter((finding) => finding.range[0] < argument.end && argument.start < finding.range[1]);
    if (remaining.length === 0) break;
    entries.push(...remaining.map((finding) => engine.createIgnoreEntry(finding, text)));
  }
  return entries;
}

/** Validates a new name live: the naming rule, then that the name is free. */
function freeNameValidator(schema: z.ZodType<unknown>, taken: ReadonlySet<string>, what: string) {
  const rule = inputValidator(schema);
  return (value: string) => rule(value) ?? (taken.has(value) ? `A ${what} named "${value}" already exists. Choose another name.` : undefined);
}

export interface ChosenVault {
  readonly vault: string;
  readonly isNew: boolean;
  readonly isStored: boolean;
}

/** The store's vaults and the workspace's declared ones (which the config owns), or a new one. */
export async function pickVault(services: ExtensionServices, store: SecretStore, declared: DeclaredSecrets): Promise<ChosenVault | undefined> {
  const vaults = await store.listVaults();
  const stored = new Set(vaults.map((vault) => vault.name));
  const declaredOnly = [...declared.keys()].filter((vault) => !stored.has(vault)).sort();
  const declaredAt = (vault: string) => declared.get(vault)?.values().next().value;
  const items: vscode.QuickPickItem[] = [
    ...vaults.map((vault) => {
      const count = vault.secretCount === undefined ? undefined : `${vault.secretCount} secrets`;
      const where = declaredAt(vault.name);
      return { label: vault.name, iconPath: new vscode.ThemeIcon('folder'), description: where ? [count, `declared in ${where}`].filter(Boolean).join(' · ') : count };
    }),
    ...declaredOnly.map((vault) => ({ label: vault, iconPath: new vscode.ThemeIcon('folder'), description: `declared in ${declaredAt(vault)}, not deployed yet` })),
    { label: NEW_VAULT_LABEL, iconPath: new vscode.ThemeIcon('add'), description: 'Create a vault for it' },
  ];
  const picked = await services.prompts.pick('leak.vault', items, { title: 'Move to Secret Manager', placeHolder: `The vault in ${store.label} that will hold the credential` });
  if (!picked) return undefined;
  if (picked.label !== NEW_VAULT_LABEL) return { vault: picked.label, isNew: false, isStored: stored.has(picked.label) };
  const vault = await services.prompts.input('leak.vaultName', {
    title: 'Move to Secret Manager: new vault',
    prompt: 'Vault name',
    placeHolder: 'api-keys',
    validateInput: freeNameValidator(vaultNameSchema, new Set([...stored, ...declared.keys()]), 'vault'),
  });
  return vault === undefined ? undefined : { vault, isNew: true, isStored: false };
}

/**
 * "Move to Secret Manager": stores the literal as a new secret, then replaces it with the reference
 * form its place needs, as one undoable edit. The value goes to the store only; nothing logs it.
 * In a vault the workspace declares with defineSecretManager, the key is declared instead (see declareSecret).
 */
export function registerLeakCommands(services: ExtensionServices, features: () => LanguageFeatures): vscode.Disposable[] {
  const move = registerCommand(services, MOVE_TO_SECRET_MANAGER_COMMAND, async (input) => {
    requireTrustedWorkspace('move credentials into a vault');
    const argument = parseInput(findingArgumentSchema, input);
    const { documents, leaks, workspaceReferences } = features();
    const document = await unchangedDocument(argument);
    const replacement = literalReplacement(documents, document, argument);
    if (!replacement) throw new InvalidInputError('No secret reference fits where this credential is written, so it cannot be moved automatically.');
    const { plan, literal } = replacement;
    const value = parseInput(secretValueSchema, literal.value);
    const connection = services.stores.defaultConnectionId(document.uri);
    const store = await services.stores.open(connection);

    const declared = await workspaceReferences.declaredSecrets();
    const chosen = await pickVault(services, store, declared);
    if (!chosen) return undefined;
    const taken = new Set([
      ...(chosen.isStored ? (await store.listSecrets(chosen.vault)).map((secret) => secret.name) : []),
      ...(declared.get(chosen.vault)?.keys() ?? []),
    ]);
    const suggestion = uniqueSecretName(
      suggestSecretKeyName({ headerOrVariableName: plan.ownerName, executorName: plan.executorName, fileName: document.fileName }),
      taken,
    );
    const key = await services.prompts.input('leak.secretName', {
      title: `Move to Secret Manager: secret name in ${chosen.vault}`,
      prompt: 'Secret name',
      value: suggestion,
      validateInput: freeNameValidator(secretNameSchema, taken, 'secret'),
    });
    if (key === undefined) return undefined;
    const reference = { vault: chosen.vault, key: parseInput(secretNameSchema, key) };
    const edits = replacementEdits(plan, reference.vault, reference.key);
    if (!edits) throw new InvalidInputError('No secret reference fits where this credential is written.');
    await unchangedDocument(argument);

    const declaration = chosen.isNew ? undefined : await workspaceReferences.vaultDeclaration(chosen.vault);
    if (declaration) {
      // The config owns this vault: a key put straight into the store would be deleted by the next deploy.
      const codeEdit = workspaceEditOf(document, edits);
      if (!(await declareSecret(services, documents, { ...reference, value, declaration, codeEdit }))) return undefined;
      services.logger.info(`Moved a hard-coded credential from ${vscode.workspace.asRelativePath(document.uri)} into the declaration of ${formatReference(reference)}.`);
      leaks.recheck(document);
      return reference;
    }

    await withProgress(`Moving the credential to ${formatReference(reference)}…`, async () => {
      if (chosen.isNew) await store.createVault(chosen.vault);
      await store.createSecret({ ...reference, value });
    });
    services.stores.fireChanged(connection);
    const applied = await vscode.workspace.applyEdit(workspaceEditOf(document, edits));
    if (!applied) {
      throw new InvalidInputError(
        `The credential is now stored as ${formatReference(reference)}, but the file could not be edited. Replace the literal with the reference by hand.`,
      );
    }
    services.logger.info(`Moved a hard-coded credential from ${vscode.workspace.asRelativePath(document.uri)} into ${formatReference(reference)} in ${store.label}.`);
    services.prompts.confirm(`Moved the credential to ${formatReference(reference)} in ${store.label}`);
    leaks.recheck(document);
    return reference;
  });

  const ignoreInFile = registerCommand(services, IGNORE_IN_FILE_COMMAND, async (input) => {
    const argument = parseInput(findingArgumentSchema, input);
    const document = await unchangedDocument(argument);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) throw new InvalidInputError('The file is not in a workspace folder, so there is no .secretmanagerignore for it. Use the ignore comment instead.');
    const engine = loadDetectModule();
    const ignoreFile = vscode.Uri.joinPath(folder.uri, engine.IGNORE_FILE_NAME);
    let existing = '';
    try {
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreFile));
    } catch {
      existing = '';
    }
    const entries = await ignoreEntriesFor(features().detectors, document, argument, existing);
    const separator = existing.length === 0 || existing.endsWith('\n') ? '' : '\n';
    await vscode.workspace.fs.writeFile(ignoreFile, new TextEncoder().encode(`${existing}${separator}${entries.join('\n')}\n`));
    services.logger.info(`Added ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} for a finding in ${vscode.workspace.asRelativePath(document.uri)} to ${engine.IGNORE_FILE_NAME}.`);
    features().detectors.reload();
    return entries.join('\n');
  });

  return [move, ignoreInFile];
}
