import * as vscode from 'vscode';
import {
  EXTENSION_API_VERSIONS,
  matchApiVersion,
  type ApiCaller,
  type ConnectionOption,
  type SecretManagerApiV1,
  type SecretManagerExtensionExports,
} from '../api/extension-api';
import {
  createSecretInputSchema,
  formatReference,
  InvalidInputError,
  parseInput,
  secretReferenceSchema,
  updateSecretInputSchema,
  vaultNameSchema,
} from '../core/model';
import { requireTrustedWorkspace, type ExtensionServices } from './services';

const extensionIdPattern = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/i;

/** What `activate()` returns: a per-caller API object, in the style of versioned extension APIs. */
export function createExtensionExports(services: ExtensionServices): SecretManagerExtensionExports {
  return {
    apiVersion: EXTENSION_API_VERSIONS[EXTENSION_API_VERSIONS.length - 1],
    getApi(range: string, caller?: ApiCaller): SecretManagerApiV1 {
      matchApiVersion(range);
      return createApiV1(services, caller);
    },
  };
}

function createApiV1(services: ExtensionServices, caller: ApiCaller | undefined): SecretManagerApiV1 {
  const { stores } = services;
  const open = (options?: ConnectionOption) => stores.open(options?.connection ?? stores.defaultConnectionId());
  const changed = (options?: ConnectionOption) => stores.fireChanged(options?.connection ?? stores.defaultConnectionId());

  return {
    apiVersion: '1.0.0',
    listConnections: async () => stores.connections().map(({ id, label, kind }) => ({ id, label, kind })),
    listVaults: async (options) => (await open(options)).listVaults(),
    listSecrets: async (vault, options) => (await open(options)).listSecrets(parseInput(vaultNameSchema, vault)),
    describe: async (reference, options) => (await open(options)).describeSecret(parseInput(secretReferenceSchema, reference)),
    createSecret: async (input, options) => {
      const created = await (await open(options)).createSecret(parseInput(createSecretInputSchema, input));
      changed(options);
      return created;
    },
    rotateSecret: async (input, options) => {
      const updated = await (await open(options)).updateSecret(parseInput(updateSecretInputSchema, input));
      changed(options);
      return updated;
    },
    deleteSecret: async (reference, options) => {
      await (await open(options)).deleteSecret(parseInput(secretReferenceSchema, reference));
      changed(options);
    },
    resolve: async (reference, options) => {
      requireTrustedWorkspace('give secret values to other extensions');
      const extensionId = caller?.extensionId;
      if (typeof extensionId !== 'string' || !extensionIdPattern.test(extensionId)) {
        throw new InvalidInputError(
          'resolve needs to know which extension asks: call getApi(range, { extensionId: context.extension.id }).',
        );
      }
      requireInstalledCaller(services, extensionId);
      const checked = parseInput(secretReferenceSchema, reference);
      const store = await open(options);
      await services.consent.check({
        requester: `extension:${extensionId}`,
        requesterLabel: `extension ${extensionId}`,
        storeId: store.id,
        vault: checked.vault,
      });
      const value = await store.revealSecret(checked, { purpose: 'resolve', actor: `extension:${extensionId}` });
      services.logger.info(`Resolved ${formatReference(checked)} from ${store.label} for extension ${extensionId}.`);
      return value;
    },
    findReferences: async (document) => services.referenceFinder(document),
    onDidChange: (listener) => stores.onDidChange(listener) as vscode.Disposable,
  };
}

/** The id is declared by the caller, not proven: this only stops ids that name no installed extension, or this one. */
function requireInstalledCaller(services: ExtensionServices, extensionId: string): void {
  if (extensionId.toLowerCase() === services.context.extension.id.toLowerCase()) {
    throw new InvalidInputError(`resolve refuses the caller id "${extensionId}": it is Secret Manager's own id. Pass your extension's id (context.extension.id).`);
  }
  if (!vscode.extensions.getExtension(extensionId)) {
    throw new InvalidInputError(`resolve refuses the caller id: "${extensionId}" is not an installed extension. Pass your extension's id (context.extension.id).`);
  }
}
