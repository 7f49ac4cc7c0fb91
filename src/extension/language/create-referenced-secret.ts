import * as vscode from 'vscode';
import { formatReference, isSecretManagerError, parseInput, secretReferenceSchema, secretValueSchema, type SecretReference } from '../../core/model';
import { registerCommand } from '../commands/register';
import { inputValidator } from '../commands/targets';
import { withProgress, type ExtensionServices } from '../services';
import { declareSecret, type VaultDeclaration } from './declare-secret';
import { CREATE_REFERENCED_SECRET_COMMAND } from './reference-actions';
import { languageFeatures } from './state';

/** In a vault the config declares, the key is added to the declaration; the store would lose it on the next deploy. */
async function declareReferencedSecret(services: ExtensionServices, reference: SecretReference, declaration: VaultDeclaration): Promise<SecretReference | undefined> {
  const name = formatReference(reference);
  const value = await services.prompts.input('secret.value', {
    title: `Declare ${name} in ${vscode.workspace.asRelativePath(declaration.uri)}`,
    prompt: "Value (written to the project's .env; never shown in logs, hovers or completions)",
    password: true,
    validateInput: inputValidator(secretValueSchema),
  });
  if (value === undefined) return undefined;
  const declared = await declareSecret(services, languageFeatures().documents, { ...reference, value: parseInput(secretValueSchema, value), declaration });
  return declared ? reference : undefined;
}

/**
 * Creates the secret a reference names (and its vault when missing), asking its value in a password box;
 * declares it instead when the workspace declares its vault.
 */
export function registerCreateReferencedSecret(services: ExtensionServices): vscode.Disposable {
  return registerCommand(services, CREATE_REFERENCED_SECRET_COMMAND, async (argument) => {
    const { uri, ...named } = (argument ?? {}) as { uri?: string; vault?: unknown; key?: unknown };
    const reference = parseInput(secretReferenceSchema, named);
    const declaration = await languageFeatures().workspaceReferences.vaultDeclaration(reference.vault);
    if (declaration) return declareReferencedSecret(services, reference, declaration);
    const connection = services.stores.defaultConnectionId(uri ? vscode.Uri.parse(uri) : undefined);
    const store = await services.stores.open(connection);
    const name = formatReference(reference);
    const value = await services.prompts.input('secret.value', {
      title: `New secret ${name} in ${store.label}`,
      prompt: 'Value (stored encrypted; never shown in logs, hovers or completions)',
      password: true,
      validateInput: inputValidator(secretValueSchema),
    });
    if (value === undefined) return undefined;
    const created = await withProgress(`Creating secret ${name}…`, async () => {
      const vaults = await store.listVaults();
      if (!vaults.some((vault) => vault.name === reference.vault)) {
        try {
          await store.createVault(reference.vault);
          services.logger.info(`Created vault ${reference.vault} in ${store.label}.`);
        } catch (error) {
          if (!isSecretManagerError(error, 'already-exists')) throw error;
        }
      }
      return store.createSecret({ ...reference, value: parseInput(secretValueSchema, value) });
    });
    services.logger.info(`Created secret ${name} in ${store.label}.`);
    services.stores.fireChanged(connection);
    return created;
  });
}
