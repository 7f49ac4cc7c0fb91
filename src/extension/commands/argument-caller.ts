import type { SecretStore } from '../../core/store';
import type { ExtensionServices } from '../services';
import { wasIssuedByTree } from '../tree/nodes';

/** The consent requester, and the audit actor, of a value command called with arguments. */
export const ARGUMENT_CALLER = 'command-arguments';

/**
 * A value command run from the tree or the command palette (no argument) acts for the user. Called
 * with arguments, it was run by another extension or a keybinding, which VS Code does not tell
 * apart: it then needs the same consent as the API, and the audit names it as the actor.
 * Returns the audit actor: undefined for the user.
 */
export async function checkArgumentCaller(services: ExtensionServices, argument: unknown, store: SecretStore, vault: string): Promise<string | undefined> {
  if (argument === undefined || wasIssuedByTree(argument)) return undefined;
  await services.consent.check({
    requester: ARGUMENT_CALLER,
    requesterLabel: 'another extension or a keybinding (a command called with arguments)',
    storeId: store.id,
    vault,
  });
  return ARGUMENT_CALLER;
}
