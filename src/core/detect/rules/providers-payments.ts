import type { ProjectRule } from '../project-rule';
import { wholeMatchIfCredential } from './credential-match';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Square access tokens (EAAA and 60 characters; Facebook's longer EAA… tokens run past them) and
 * OAuth tokens (sq0atp-) and application secrets (sq0csp-).
 */
export const squareTokenRule: ProjectRule = {
  id: 'secret-manager/square-token',
  title: 'Square access token or application secret',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['EAAA', 'sq0atp-', 'sq0csp-'],
  matchesStartInRequiredText: true,
  pattern: /\b(?:EAAA[\w-]{60}|sq0atp-[\w-]{22}|sq0csp-[\w-]{43})(?![\w-])/dg,
  accept: wholeMatchIfCredential,
};

/** Plaid access tokens: access-<environment>-<uuid>. */
export const plaidAccessTokenRule: ProjectRule = {
  id: 'secret-manager/plaid-access-token',
  title: 'Plaid access token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['access-sandbox-', 'access-development-', 'access-production-'],
  matchesStartInRequiredText: true,
  pattern: new RegExp(String.raw`(?<![\w-])access-(?:sandbox|development|production)-${UUID}(?![\w-])`, 'dg'),
  accept: wholeMatchIfCredential,
};

/** Braintree (PayPal) access tokens: access_token$<environment>$<merchant id>$<32 hex>. */
export const braintreeAccessTokenRule: ProjectRule = {
  id: 'secret-manager/braintree-access-token',
  title: 'Braintree access token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['access_token$'],
  matchesStartInRequiredText: true,
  pattern: /\baccess_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}(?![0-9A-Za-z])/dg,
  accept: wholeMatchIfCredential,
};
