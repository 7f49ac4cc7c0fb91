import { wholeMatchIfCredential, wholeMatchIfRandomBase62, wholeMatchIfRandomHex } from './credential-match';
import { formatRule } from './format-rule';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Square access tokens (EAAA and 60 characters; Facebook's longer EAA… tokens run past them) and
 * OAuth tokens (sq0atp-) and application secrets (sq0csp-).
 */
export const squareTokenRule = formatRule({
  id: 'secret-manager/square-token',
  title: 'Square access token or application secret',
  requiredText: ['EAAA', 'sq0atp-', 'sq0csp-'],
  pattern: /\b(?:EAAA[\w-]{60}|sq0atp-[\w-]{22}|sq0csp-[\w-]{43})(?![\w-])/dg,
  // `EAAAABCAQAAAC1HAwCAAAAC0lEQVR42…` is a PNG's base64 (its zero bytes are runs of "A"), not a token.
  accept: (match) => (/A{4}/.test(match[0].slice(4)) ? undefined : wholeMatchIfCredential(match)),
});

/** Plaid access tokens: access-<environment>-<uuid>. */
export const plaidAccessTokenRule = formatRule({
  id: 'secret-manager/plaid-access-token',
  title: 'Plaid access token',
  requiredText: ['access-sandbox-', 'access-development-', 'access-production-'],
  pattern: new RegExp(String.raw`(?<![\w-])access-(?:sandbox|development|production)-${UUID}(?![\w-])`, 'dg'),
});

/**
 * Braintree (PayPal) access tokens, access_token$<environment>$<merchant id>$<32 hex>, and OAuth client
 * secrets, client_secret$<environment>$<32 hex>.
 */
export const braintreeAccessTokenRule = formatRule({
  id: 'secret-manager/braintree-access-token',
  title: 'Braintree access token or client secret',
  requiredText: ['access_token$', 'client_secret$'],
  pattern: /\b(?:access_token\$(?:production|sandbox)\$[0-9a-z]{16}|client_secret\$(?:production|sandbox))\$[0-9a-f]{32}(?![0-9A-Za-z])/dg,
});

/**
 * Webhook signing secrets (Stripe, and Svix-based senders): "whsec_" and 32 or more base64 characters; and
 * Svix's asymmetric signing keys, "whsk_" and an Ed25519 private key in base64.
 */
export const webhookSigningSecretRule = formatRule({
  id: 'secret-manager/webhook-signing-secret',
  title: 'Webhook signing secret',
  requiredText: ['whsec_', 'whsk_'],
  pattern: /(?<![\w-])(?:whsec|whsk)_([A-Za-z0-9+/]{32,88}={0,2})(?![\w+/=-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Shippo API tokens: shippo_live_ or shippo_test_ and 40 hex. */
export const shippoTokenRule = formatRule({
  id: 'secret-manager/shippo-token',
  title: 'Shippo API token',
  requiredText: ['shippo_live_', 'shippo_test_'],
  pattern: /(?<![\w-])shippo_(?:live|test)_([0-9a-fA-F]{40})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Flutterwave secret keys: FLWSECK- (live) or FLWSECK_TEST-, 32 hex, and "-X". */
export const flutterwaveSecretKeyRule = formatRule({
  id: 'secret-manager/flutterwave-secret-key',
  title: 'Flutterwave secret key',
  requiredText: ['FLWSECK-', 'FLWSECK_TEST-'],
  pattern: /(?<![\w-])FLWSECK(?:_TEST)?-([0-9a-fA-F]{32})-X(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Duffel access tokens: duffel_live_ or duffel_test_ and 43 characters. */
export const duffelTokenRule = formatRule({
  id: 'secret-manager/duffel-token',
  title: 'Duffel access token',
  requiredText: ['duffel_live_', 'duffel_test_'],
  pattern: /(?<![\w-])duffel_(?:live|test)_([\w=-]{43})(?![\w=-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** EasyPost production (EZAK) and test (EZTK) API keys: the prefix and 54 base62 characters. */
export const easyPostKeyRule = formatRule({
  id: 'secret-manager/easypost-api-key',
  title: 'EasyPost API key',
  requiredText: ['EZAK', 'EZTK'],
  pattern: /(?<![\w-])EZ[AT]K([A-Za-z0-9]{54})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});
