import type * as vscode from 'vscode';
import { ConsentBook } from '../../core/consent';
import type { ExtensionServices } from '../services';
import { registerCommand } from './register';

export function registerConsentCommands(services: ExtensionServices, book: ConsentBook): vscode.Disposable[] {
  return [
    registerCommand(services, 'secretManager.revokeConsent', async () => {
      const decisions = book.decisions();
      if (decisions.length === 0) {
        void services.prompts.notify('info', 'No extension or workspace has been allowed or denied access to secret values.');
        return 0;
      }
      const picked = await services.prompts.pick(
        'consent.revoke.pick',
        decisions.map((decision) => ({
          label: `${decision.requesterLabel} → ${decision.vault}`,
          description: `${decision.decision === 'allow' ? 'allowed' : 'denied'} · ${decision.storeId}`,
          detail: `Decided ${decision.decidedAt}. Forgetting it means the next read asks again.`,
          decision,
        })),
        { placeHolder: 'Choose the decisions to forget', canPickMany: false },
      );
      if (!picked) return 0;
      await book.forget(picked.decision);
      services.logger.info(`Forgot the consent decision of ${picked.decision.requesterLabel} for vault ${picked.decision.vault}.`);
      return 1;
    }),
  ];
}
