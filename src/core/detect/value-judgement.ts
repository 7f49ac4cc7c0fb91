import { isPlaceholder, looksLikeCredentialValue } from './placeholders';

/** What a literal turned out to be. Every class but 'credential' is dropped. */
export type ValueClass =
  | 'credential'
  | 'placeholder'
  | 'template'
  | 'expression'
  | 'hash'
  | 'shortened'
  | 'dictionary-word'
  | 'secret-name'
  | 'version'
  | 'not-credential-shaped';

/**
 * Why a rule thinks the literal could be a credential:
 * - 'format': it has a provider's exact, distinctive format (`sk_live_…`, `dop_v1_…`);
 * - 'name': it is assigned to a credential-named field, header or variable.
 */
export type CandidateEvidence = 'format' | 'name';

export interface ValueJudgement {
  readonly verdict: ValueClass;
  /** 0–1: how sure the detector is that this is a live credential (0 when it is not one). */
  readonly confidence: number;
}

/**
 * The one judgement of a candidate literal that every rule shares: drops placeholders, template
 * and format slots, expressions, hashes, shortened examples, dictionary words, a secret's own name
 * and versions, and gives what is left a confidence.
 */
export function judgeValue(value: string, evidence: CandidateEvidence): ValueJudgement {
  if (isPlaceholder(value)) return { verdict: 'placeholder', confidence: 0 };
  if (evidence === 'format') return { verdict: 'credential', confidence: 0.95 };
  if (!looksLikeCredentialValue(value)) return { verdict: 'not-credential-shaped', confidence: 0 };
  return { verdict: 'credential', confidence: 0.6 };
}

/** True when the judgement keeps the literal as a credential. */
export function isCredential(value: string, evidence: CandidateEvidence): boolean {
  return judgeValue(value, evidence).verdict === 'credential';
}
