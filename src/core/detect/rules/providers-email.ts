import type { ProjectRule } from '../project-rule';
import { groupIfCredential, mixesCaseAndDigits, mixesLettersAndDigits, wholeMatchIfCredential } from './credential-match';

/** Postmark server and account tokens are plain UUIDs: only where the line names Postmark. */
export const postmarkTokenRule: ProjectRule = {
  id: 'secret-manager/postmark-token',
  title: 'Postmark server or account token',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: ['postmark'],
  pattern: /(?<![\w-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/dg,
  accept: (match) => groupIfCredential(match, 1, 'name'),
};

/** SparkPost API keys: 40 hex, where the line names SparkPost. */
export const sparkPostKeyRule: ProjectRule = {
  id: 'secret-manager/sparkpost-api-key',
  title: 'SparkPost API key',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: ['sparkpost'],
  pattern: /(?<![0-9A-Za-z])([0-9a-f]{40})(?![0-9A-Za-z])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? groupIfCredential(match, 1, 'name') : undefined),
};

/**
 * Mandrill (Mailchimp Transactional) API keys: "md-" and 22 characters. A CSS class such as
 * md-button-toggle-group has neither capitals nor digits, and col-md-… has a word before it.
 */
export const mandrillKeyRule: ProjectRule = {
  id: 'secret-manager/mandrill-api-key',
  title: 'Mandrill API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['md-'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])md-([\w-]{22})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};
