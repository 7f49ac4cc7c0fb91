import { describeRotationAge, parseRotationPolicyDays, rotationAge } from '../../core/rotation/rotation-age';
import { UsageError } from '../arguments';
import type { CliIo, GlobalOptions } from '../command';
import { formatColumns, pluralize, writeJson } from '../output';
import { withStore } from '../store-session';

/** Without --policy-days, --stale uses this many days. */
export const DEFAULT_POLICY_DAYS = 90;

export function policyDaysOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_POLICY_DAYS;
  try {
    return parseRotationPolicyDays(value.trim() === '' ? Number.NaN : Number(value), '--policy-days') ?? DEFAULT_POLICY_DAYS;
  } catch (error) {
    throw new UsageError((error as Error).message, 'status');
  }
}

/**
 * `status --stale [--policy-days N]`: every secret not updated within the policy, from any store
 * that reports update times; exit 1 when there is one, for CI.
 */
export async function reportStaleSecrets(globals: GlobalOptions, io: CliIo, policyDays: number, now: Date = new Date()): Promise<number> {
  return withStore(globals, io, async (client) => {
    const stale: { vault: string; key: string; updatedAt: string; days: number | undefined }[] = [];
    let secretCount = 0;
    for (const vault of await client.listVaults()) {
      for (const secret of await client.listSecrets(vault.name)) {
        secretCount += 1;
        const age = rotationAge(secret.updatedAt, policyDays, now);
        if (age.stale) stale.push({ vault: vault.name, key: secret.name, updatedAt: secret.updatedAt, days: age.days });
      }
    }
    if (globals.json) {
      writeJson(io, { policyDays, stale });
    } else if (stale.length > 0) {
      io.stdout(formatColumns(stale.map((entry) => [`${entry.vault}/${entry.key}`, describeRotationAge({ days: entry.days, policyDays, stale: true })])));
    }
    io.stderr(
      stale.length === 0
        ? `No stale secrets: all ${pluralize(secretCount, 'secret')} rotated within ${policyDays} days.\n`
        : `${pluralize(stale.length, 'secret')} of ${secretCount} not rotated within ${policyDays} days.\n`,
    );
    return stale.length > 0 ? 1 : 0;
  });
}
