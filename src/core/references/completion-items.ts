import { describeSecret, describeVault, escapeMarkdown, formatRelativeTime, formatTimeForPeople, secretTooltipMarkdown } from '../format';
import type { SecretMetadata, VaultMetadata } from '../model';
import type { CompletionContext, TextRange } from './types';

/** What completion may show: metadata from the store. There is no value in it, by construction. */
export interface CompletionMetadata {
  readonly storeLabel: string;
  readonly vaults: readonly VaultMetadata[];
  /** Each vault's secrets; a vault absent here offers no keys. */
  readonly secretsByVault: ReadonlyMap<string, readonly SecretMetadata[]>;
  readonly now?: Date;
}

export interface ReferenceCompletionItem {
  readonly label: string;
  readonly kind: 'vault' | 'secret' | 'reference';
  /** One line: "v4 · updated 3 days ago". */
  readonly detail: string;
  /** Markdown: the metadata and the store. */
  readonly documentation: string;
  readonly insertText: string;
  /** True when insertText holds snippet placeholders (${1:…}). */
  readonly isSnippet: boolean;
  readonly replaceRange: TextRange;
  /** What the editor matches the typed text against. */
  readonly filterText: string;
}

function quoted(name: string, quote: CompletionContext['quote']): string {
  return quote === undefined ? JSON.stringify(name) : name;
}

function vaultDocumentation(vault: VaultMetadata, storeLabel: string, now: Date): string {
  const rows = [
    vault.secretCount === undefined ? undefined : `- Secrets: ${vault.secretCount}`,
    `- Created: ${escapeMarkdown(formatTimeForPeople(vault.createdAt, { now }))}`,
    `- Updated: ${escapeMarkdown(formatTimeForPeople(vault.updatedAt, { now }))}`,
    `- Store: ${escapeMarkdown(storeLabel)}`,
  ].filter((row) => row !== undefined);
  return [`**${escapeMarkdown(vault.name)}** (vault)`, '', ...rows].join('\n');
}

function vaultItems(context: Extract<CompletionContext, { kind: 'vault' }>, metadata: CompletionMetadata): ReferenceCompletionItem[] {
  const now = metadata.now ?? new Date();
  return metadata.vaults.map((vault) => {
    const count = describeVault(vault);
    return {
      label: vault.name,
      kind: 'vault',
      detail: [count, `updated ${formatRelativeTime(vault.updatedAt, now)}`].filter(Boolean).join(' · '),
      documentation: vaultDocumentation(vault, metadata.storeLabel, now),
      insertText: quoted(vault.name, context.quote),
      isSnippet: false,
      replaceRange: context.replaceRange,
      filterText: quoted(vault.name, context.quote),
    };
  });
}

function keyItems(context: Extract<CompletionContext, { kind: 'key' }>, metadata: CompletionMetadata): ReferenceCompletionItem[] {
  const now = metadata.now ?? new Date();
  // With a dynamic vault, every vault's secrets are offered and the detail says which vault.
  const vaults = context.vault === undefined ? [...metadata.secretsByVault.keys()] : [context.vault];
  return vaults.flatMap((vault) =>
    (metadata.secretsByVault.get(vault) ?? []).map((secret): ReferenceCompletionItem => ({
      label: secret.name,
      kind: 'secret',
      detail: context.vault === undefined ? `${secret.vault} · ${describeSecret(secret, now)}` : describeSecret(secret, now),
      documentation: secretTooltipMarkdown(secret, metadata.storeLabel, { now }),
      insertText: quoted(secret.name, context.quote),
      isSnippet: false,
      replaceRange: context.replaceRange,
      filterText: quoted(secret.name, context.quote),
    })),
  );
}

function headerItems(context: Extract<CompletionContext, { kind: 'header-value' }>, metadata: CompletionMetadata): ReferenceCompletionItem[] {
  const now = metadata.now ?? new Date();
  const suffix = context.suffix ?? '';
  const items: ReferenceCompletionItem[] = [
    {
      label: '{ vault, key }',
      kind: 'reference',
      detail: 'Secret reference',
      documentation: `A reference to a secret in ${escapeMarkdown(metadata.storeLabel)}: the header's value is read from the vault at run time.`,
      insertText: `{ vault: "\${1:vault}", key: "\${2:key}" }${suffix}`,
      isSnippet: true,
      replaceRange: context.replaceRange,
      filterText: '{ vault, key }',
    },
  ];
  for (const [vault, secrets] of metadata.secretsByVault) {
    for (const secret of secrets) {
      items.push({
        label: `${vault}/${secret.name}`,
        kind: 'reference',
        detail: describeSecret(secret, now),
        documentation: secretTooltipMarkdown(secret, metadata.storeLabel, { now }),
        insertText: `{ vault: ${JSON.stringify(vault)}, key: ${JSON.stringify(secret.name)} }${suffix}`,
        isSnippet: false,
        replaceRange: context.replaceRange,
        filterText: `${vault}/${secret.name}`,
      });
    }
  }
  return items;
}

/** The completion items for a context: names with their metadata. Never a value. */
export function buildCompletionItems(context: CompletionContext, metadata: CompletionMetadata): ReferenceCompletionItem[] {
  switch (context.kind) {
    case 'vault':
      return vaultItems(context, metadata);
    case 'key':
      return keyItems(context, metadata);
    case 'header-value':
      return headerItems(context, metadata);
  }
}
