import { mixesCaseAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62 } from './credential-match';
import { formatRule } from './format-rule';

/** Heroku platform API keys: "HRKU-AA" and 58 characters. */
export const herokuKeyRule = formatRule({
  id: 'secret-manager/heroku-api-key',
  title: 'Heroku API key',
  requiredText: ['HRKU-AA'],
  pattern: /(?<![\w-])HRKU-AA([\w-]{58})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Fly.io tokens: "fo1_" and 43 characters, and macaroon tokens (fm1r_, fm1a_, fm2_) of 100 or more base64 characters. */
export const flyTokenRule = formatRule({
  id: 'secret-manager/flyio-token',
  title: 'Fly.io access token',
  requiredText: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
  pattern: /(?<![\w-])(?:fo1_([\w-]{43})(?![\w-])|fm(?:1[ar]|2)_([A-Za-z0-9+/]{100,}={0,3})(?![\w+/=-]))/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/** Render API keys: "rnd_" and 32 base62 characters. */
export const renderKeyRule = formatRule({
  id: 'secret-manager/render-api-key',
  title: 'Render API key',
  requiredText: ['rnd_'],
  pattern: /(?<![\w-])rnd_([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Netlify personal access tokens: "nfp_" and 36 base62 characters. */
export const netlifyTokenRule = formatRule({
  id: 'secret-manager/netlify-token',
  title: 'Netlify personal access token',
  requiredText: ['nfp_'],
  pattern: /(?<![\w-])nfp_([A-Za-z0-9]{36})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Scalingo API tokens: "tk-us-" and 48 characters. */
export const scalingoTokenRule = formatRule({
  id: 'secret-manager/scalingo-token',
  title: 'Scalingo API token',
  requiredText: ['tk-us-'],
  pattern: /(?<![\w-])tk-us-([\w-]{48})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * PlanetScale service tokens (pscale_tkn_), database passwords (pscale_pw_) and OAuth tokens
 * (pscale_oauth_): 32–64 characters, which may hold "." but do not end with one.
 */
export const planetScaleTokenRule = formatRule({
  id: 'secret-manager/planetscale-token',
  title: 'PlanetScale token or password',
  requiredText: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
  pattern: /(?<![\w-])pscale_(?:tkn|pw|oauth)_([\w=.-]{31,63}[\w=-])(?![\w=-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * Tailor Platform tokens: machine users' access tokens ("tpmu_", 32 base62 characters in Tailor's docs) and
 * personal access tokens ("tpp_"). Their length is not documented, so 24 to 64 characters are taken.
 */
export const tailorPlatformTokenRule = formatRule({
  id: 'secret-manager/tailor-platform-token',
  title: 'Tailor Platform access token',
  requiredText: ['tpmu_', 'tpp_'],
  pattern: /(?<![\w-])tp(?:mu|p)_([A-Za-z0-9]{24,64})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});
