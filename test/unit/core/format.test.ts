import assert from 'node:assert/strict';
import {
  describeSecret,
  describeVault,
  describeVersion,
  formatAuditRecord,
  formatRelativeTime,
  formatTimeForPeople,
  secretTooltipMarkdown,
} from '../../../src/core/format';

const now = new Date('2026-11-23T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

describe('core/format', () => {
  it('formats relative times in words', () => {
    assert.equal(formatRelativeTime(minutesAgo(0.2), now), 'just now');
    assert.equal(formatRelativeTime(minutesAgo(5), now), '5 minutes ago');
    assert.equal(formatRelativeTime(minutesAgo(120), now), '2 hours ago');
    assert.equal(formatRelativeTime(minutesAgo(24 * 60), now), 'yesterday');
    assert.equal(formatRelativeTime(minutesAgo(3 * 24 * 60), now), '3 days ago');
    assert.equal(formatRelativeTime(minutesAgo(400 * 24 * 60), now), 'last year');
    assert.equal(formatRelativeTime('not a time', now), 'at an unknown time');
  });

  it('describes a secret with its version and age', () => {
    const secret = { vault: 'api-keys', name: 'stripe', createdAt: minutesAgo(9000), updatedAt: minutesAgo(3 * 24 * 60), version: 4 };
    assert.equal(describeSecret(secret, now), 'v4 · updated 3 days ago');
    assert.equal(describeSecret({ ...secret, version: undefined }, now), 'updated 3 days ago');
  });

  it('describes a vault by its secret count when known', () => {
    const vault = { name: 'api-keys', createdAt: minutesAgo(1), updatedAt: minutesAgo(1) };
    assert.equal(describeVault({ ...vault, secretCount: 1 }), '1 secret');
    assert.equal(describeVault({ ...vault, secretCount: 3 }), '3 secrets');
    assert.equal(describeVault(vault), '');
  });

  it('describes versions, marking the current one and rollbacks', () => {
    assert.equal(describeVersion({ version: 3, createdAt: minutesAgo(5), current: true, rolledBackFrom: 1 }, now), 'current · 5 minutes ago · rolled back from v1');
    assert.equal(describeVersion({ version: 2, createdAt: minutesAgo(5), current: false }, now), '5 minutes ago');
  });

  it('builds a tooltip from metadata with Markdown escaped', () => {
    const tooltip = secretTooltipMarkdown(
      { vault: 'api-keys', name: 'stripe', createdAt: 'c', updatedAt: 'u', version: 2, description: 'for *billing*', labels: { team: 'pay' } },
      'Local store',
    );
    assert.match(tooltip, /^\*\*api\\-keys\/stripe\*\*/);
    assert.match(tooltip, /- Version: 2/);
    assert.match(tooltip, /- Description: for \\\*billing\\\*/);
    assert.match(tooltip, /- Labels: team=pay/);
    assert.match(tooltip, /- Store: Local store/);
  });

  it('shows times relative and in the local date and time of the locale, never as raw ISO', () => {
    const updated = minutesAgo(3 * 24 * 60);
    const english = formatTimeForPeople(updated, { now, locale: 'en-US' });
    assert.match(english, /^3 days ago \(Nov 20, 2026, \d{1,2}:\d{2}\s?[AP]M\)$/);
    const german = formatTimeForPeople(updated, { now, locale: 'de-DE' });
    assert.match(german, /^3 days ago \(20\.11\.2026, \d{2}:\d{2}\)$/);
    assert.equal(formatTimeForPeople('not a time', { now }), 'at an unknown time');
    const tooltip = secretTooltipMarkdown({ vault: 'api-keys', name: 'stripe', createdAt: updated, updatedAt: minutesAgo(5), version: 2 }, 'Local store', { now, locale: 'en-US' });
    assert.match(tooltip, /- Created: 3 days ago \\\(Nov 20, 2026/);
    assert.match(tooltip, /- Updated: 5 minutes ago \\\(Nov 23, 2026/);
    assert.doesNotMatch(tooltip, /\d{4}-\d{2}-\d{2}T/, 'no raw ISO time');
  });

  it('formats an audit record without any value field', () => {
    const line = formatAuditRecord({ time: 't', actor: 'extension:acme.x', action: 'secret.resolve', store: 'local', vault: 'api-keys', key: 'stripe', version: 2 });
    assert.equal(line, 't  secret.resolve   api-keys/stripe v2  by extension:acme.x  (local)');
    assert.match(formatAuditRecord({ time: 't', actor: 'me', action: 'vault.create', store: 'local', vault: 'v1x' }), /vault\.create\s+v1x\s+by me/);
  });
});
