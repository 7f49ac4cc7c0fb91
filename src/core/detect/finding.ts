import { createHash } from 'node:crypto';
import type { SecretReference } from '../model';

export type FindingSeverity = 'error' | 'warning' | 'info';
/** 'certain': the text has a credential's exact format. 'heuristic': a name, a header or entropy suggests one. */
export type FindingCertainty = 'certain' | 'heuristic';

/** One hard-coded credential. It never holds the credential itself: `range` points at it in the caller's text. */
export interface Finding {
  readonly ruleId: string;
  /** Says what was found, with the credential masked (a short prefix and its length at most). */
  readonly message: string;
  readonly severity: FindingSeverity;
  readonly certainty: FindingCertainty;
  /** 0–1: how sure the detector is that this is a live credential (see value-judgement.ts). */
  readonly confidence: number;
  /** [start, end) 0-based offsets of the credential in the text. */
  readonly range: readonly [number, number];
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Set when the literal is the value of a stored secret. */
  readonly matchedSecret?: SecretReference;
}

/**
 * A masked preview such as "sk_l… (32 characters)". It shows at most a quarter of the text
 * (never more than 4 characters), so a short password gives almost nothing away.
 */
export function maskCredential(credential: string): string {
  const shown = Math.min(4, Math.floor(credential.length / 4));
  const prefix = shown > 0 ? `${credential.slice(0, shown)}…` : '…';
  return `${prefix} (${credential.length} characters)`;
}

/**
 * The allowlist key of one finding: a truncated sha256 of its rule and literal, so an
 * allowlist entry identifies the finding without storing the credential.
 */
export function findingFingerprint(ruleId: string, literal: string): string {
  return createHash('sha256').update(ruleId).update('\0').update(literal).digest('hex').slice(0, 20);
}
