import type { ReplacementContextKind, ReplacementPlan, TextEdit } from './types';

/** The reference written in the form its place needs; undefined for a place no form fits. */
export function replacementText(context: ReplacementContextKind, vault: string, key: string): string | undefined {
  const vaultText = JSON.stringify(vault);
  const keyText = JSON.stringify(key);
  switch (context) {
    case 'executor-header':
      return `{ vault: ${vaultText}, key: ${keyText} }`;
    case 'auth-secret':
      return `{ vaultName: ${vaultText}, secretKey: ${keyText} }`;
    case 'function-body':
      return `await tailor.secretmanager.getSecret(${vaultText}, ${keyText})`;
    case 'other':
      return undefined;
  }
}

/**
 * The edits that put a reference where the literal was, plus `async` on the enclosing function when
 * the new `await` needs it. Sorted from the end of the file backwards, so they apply in order.
 */
export function replacementEdits(plan: ReplacementPlan, vault: string, key: string): TextEdit[] | undefined {
  const text = replacementText(plan.context, vault, key);
  if (text === undefined) return undefined;
  const edits: TextEdit[] = [{ range: plan.literalRange, newText: text }];
  if (plan.needsAsync && plan.asyncEdit) edits.push(plan.asyncEdit);
  return edits.sort((left, right) => right.range.start - left.range.start);
}
