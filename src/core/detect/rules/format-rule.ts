import type { ProjectRule } from '../project-rule';
import { wholeMatchIfCredential } from './credential-match';

/** What sets one format rule apart from the others. */
export interface FormatRuleDescription {
  readonly id: string;
  readonly title: string;
  /** The literals one of which starts every match. */
  readonly requiredText: readonly string[];
  readonly pattern: RegExp;
  /** The whole match, when the shared judgement keeps it, unless the format asks for more. */
  readonly accept?: ProjectRule['accept'];
}

/**
 * A rule for a credential of a known format: always reported as an error, run over the whole text
 * of the files holding one of its literals, at the offsets where those literals start.
 */
export function formatRule(description: FormatRuleDescription): ProjectRule {
  return {
    id: description.id,
    title: description.title,
    severity: 'error',
    certainty: 'certain',
    keywords: [],
    requiredText: description.requiredText,
    matchesStartInRequiredText: true,
    pattern: description.pattern,
    accept: description.accept ?? wholeMatchIfCredential,
  };
}
