import type { ProjectRule } from '../project-rule';
import { groupIfCredential, mixesCaseAndDigits, mixesLettersAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

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
export const mandrillKeyRule = formatRule({
  id: 'secret-manager/mandrill-api-key',
  title: 'Mandrill API key',
  requiredText: ['md-'],
  pattern: /(?<![\w-])md-([\w-]{22})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Brevo (Sendinblue) API keys (xkeysib-) and SMTP keys (xsmtpsib-): 64 hex, "-", 16 characters. */
export const brevoKeyRule = formatRule({
  id: 'secret-manager/brevo-api-key',
  title: 'Brevo (Sendinblue) API key',
  requiredText: ['xkeysib-', 'xsmtpsib-'],
  pattern: /(?<![\w-])x(?:key|smtp)sib-[0-9a-f]{64}-[A-Za-z0-9]{16}(?![\w-])/dg,
});

/** Mailchimp API keys: 32 hex, "-us" and the data centre's number. Anchored on "-us", the hex checked behind it. */
export const mailchimpKeyRule = formatRule({
  id: 'secret-manager/mailchimp-api-key',
  title: 'Mailchimp API key',
  requiredText: ['-us'],
  pattern: /-us\d{1,2}(?![\w-])/dg,
  accept: (match) => withPrefixBefore(match, 32, /^(?=.*[a-f])(?=.*\d)[0-9a-f]{32}$/, /[\w-]/),
});

/** Resend API keys: "re_", 8 characters, "_", 24 characters (a short prefix: the shape and mix decide). */
export const resendKeyRule = formatRule({
  id: 'secret-manager/resend-api-key',
  title: 'Resend API key',
  requiredText: ['re_'],
  pattern: /(?<![\w-])re_([A-Za-z0-9]{8})_([A-Za-z0-9]{24})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] + match[2]) ? wholeMatchIfCredential(match) : undefined),
});
