import type { AuditRecord, SecretMetadata, SecretVersion, VaultMetadata } from './model';

let relativeTimeFormatter: Intl.RelativeTimeFormat | undefined;

// Created on first use: building it costs about 10 ms, which every CLI start would pay otherwise.
function relativeTimeFormat(): Intl.RelativeTimeFormat {
  relativeTimeFormatter ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  return relativeTimeFormatter;
}

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 days ago". Unparseable times give "at an unknown time". */
export function formatRelativeTime(isoTime: string, now: Date = new Date()): string {
  const time = Date.parse(isoTime);
  if (Number.isNaN(time)) return 'at an unknown time';
  const secondsAgo = Math.round((now.getTime() - time) / 1000);
  if (Math.abs(secondsAgo) < 45) return 'just now';
  for (const [unit, seconds] of UNITS) {
    if (Math.abs(secondsAgo) >= seconds) {
      return relativeTimeFormat().format(-Math.round(secondsAgo / seconds), unit);
    }
  }
  return relativeTimeFormat().format(-Math.round(secondsAgo / 60), 'minute');
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 days ago (Dec 3, 2026, 2:05 PM)": relative, then the local date and time in the given locale (default: the runtime's). */
export function formatTimeForPeople(isoTime: string, options: { readonly now?: Date; readonly locale?: string } = {}): string {
  const time = Date.parse(isoTime);
  if (Number.isNaN(time)) return 'at an unknown time';
  const locale = options.locale ?? '';
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return `${formatRelativeTime(isoTime, options.now)} (${format.format(time)})`;
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A vault's tree description: "3 secrets", or nothing when the store does not know the count cheaply. */
export function describeVault(vault: VaultMetadata): string {
  return vault.secretCount === undefined ? '' : pluralize(vault.secretCount, 'secret');
}

/** A secret's tree description: "v4 · updated 3 days ago". Metadata only, never the value. */
export function describeSecret(secret: SecretMetadata, now: Date = new Date()): string {
  const updated = `updated ${formatRelativeTime(secret.updatedAt, now)}`;
  return secret.version === undefined ? updated : `v${secret.version} · ${updated}`;
}

export function describeVersion(version: SecretVersion, now: Date = new Date()): string {
  const parts = [formatRelativeTime(version.createdAt, now)];
  if (version.current) parts.unshift('current');
  if (version.rolledBackFrom !== undefined) parts.push(`rolled back from v${version.rolledBackFrom}`);
  return parts.join(' · ');
}

/** Escapes text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}

/** The secret's tooltip, as Markdown: its metadata and the store, never its value. Times are relative and local. */
export function secretTooltipMarkdown(secret: SecretMetadata, storeLabel: string, times: { readonly now?: Date; readonly locale?: string } = {}): string {
  const rows: Array<[string, string]> = [
    ['Vault', secret.vault],
    ['Key', secret.name],
  ];
  if (secret.version !== undefined) rows.push(['Version', String(secret.version)]);
  rows.push(['Created', formatTimeForPeople(secret.createdAt, times)], ['Updated', formatTimeForPeople(secret.updatedAt, times)]);
  if (secret.description) rows.push(['Description', secret.description]);
  const labels = Object.entries(secret.labels ?? {});
  if (labels.length > 0) rows.push(['Labels', labels.map(([name, value]) => `${name}=${value}`).join(', ')]);
  rows.push(['Store', storeLabel]);
  const heading = `**${escapeMarkdown(secret.vault)}/${escapeMarkdown(secret.name)}**`;
  return [heading, '', ...rows.map(([name, value]) => `- ${name}: ${escapeMarkdown(value)}`)].join('\n');
}

/** One audit record as a line of text: time, actor, action, target. There is no value to show. */
export function formatAuditRecord(record: AuditRecord): string {
  const target = record.key === undefined ? record.vault : `${record.vault}/${record.key}`;
  const version = record.version === undefined ? '' : ` v${record.version}`;
  return `${record.time}  ${record.action.padEnd(15)}  ${target}${version}  by ${record.actor}  (${record.store})`;
}
