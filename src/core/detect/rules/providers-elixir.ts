import type { ProjectRule } from '../project-rule';
import { mixesCaseAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62 } from './credential-match';
import { formatRule } from './format-rule';

/**
 * Livebook Teams keys: "lb_tk_" (a Teams hub's key, which decrypts its secrets), "lb_ak_" (a deployment
 * group's agent key) and "lb_ot_" (an organization token), then 32 random bytes or so in base64url.
 */
export const livebookKeyRule = formatRule({
  id: 'secret-manager/livebook-key',
  title: 'Livebook Teams key',
  requiredText: ['lb_tk_', 'lb_ak_', 'lb_ot_'],
  pattern: /(?<![\w-])lb_(?:tk|ak|ot)_([A-Za-z0-9_-]{40,46})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * A token signed with Phoenix.Token (Elixir): "SFMyNTY" (base64 of "HS256"), the payload in Erlang's
 * term format (base64url, "g…") and the HMAC. An application may put its own id in front (`n.SFMyNTY…`).
 * Whoever holds one is signed in as its subject until it expires.
 */
export const phoenixTokenRule: ProjectRule = {
  id: 'secret-manager/phoenix-token',
  title: 'Phoenix signed token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  // Not matchesStartInRequiredText: the id in front comes before the literal.
  requiredText: ['SFMyNTY.'],
  pattern: /(?<![\w.-])(?:[\w-]{0,40}\.)?SFMyNTY\.g[A-Za-z0-9_-]{20,2000}\.([A-Za-z0-9_-]{43})(?![\w.-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};
