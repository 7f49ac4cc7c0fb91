import { wholeMatchIfRandomBase62, wholeMatchIfRandomHex } from './credential-match';
import { formatRule } from './format-rule';

/** SonarQube and SonarCloud tokens: "squ_" (a user's), "sqp_" (a project's) or "sqa_" (global analysis), and 40 hex. */
export const sonarTokenRule = formatRule({
  id: 'secret-manager/sonar-token',
  title: 'SonarQube token',
  requiredText: ['squ_', 'sqp_', 'sqa_'],
  pattern: /(?<![\w-])sq[upa]_([0-9a-f]{40})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Buildkite API access tokens: "bkua_" and 40 hex. */
export const buildkiteTokenRule = formatRule({
  id: 'secret-manager/buildkite-token',
  title: 'Buildkite API access token',
  requiredText: ['bkua_'],
  pattern: /(?<![\w-])bkua_([0-9a-f]{40})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** CircleCI personal and project API tokens: "CCIPAT_" or "CCIPRJ_", 22 letters and digits, "_" and 40 hex. */
export const circleCiTokenRule = formatRule({
  id: 'secret-manager/circleci-token',
  title: 'CircleCI API token',
  requiredText: ['CCIPAT_', 'CCIPRJ_'],
  pattern: /(?<![\w-])CCIP(?:AT|RJ)_([A-Za-z0-9]{22})_[0-9a-f]{40}(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Private Packagist tokens: "packagist_" then "ort_", "out_" (an organization's, read or update) or "uut_" (a user's), and 68 hex. */
export const privatePackagistTokenRule = formatRule({
  id: 'secret-manager/private-packagist-token',
  title: 'Private Packagist token',
  requiredText: ['packagist_ort_', 'packagist_out_', 'packagist_uut_'],
  pattern: /(?<![\w-])packagist_(?:ort|out|uut)_([0-9a-fA-F]{68})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** NuGet API keys: "oy2" and 43 lower-case letters and digits. */
export const nuGetKeyRule = formatRule({
  id: 'secret-manager/nuget-api-key',
  title: 'NuGet API key',
  requiredText: ['oy2'],
  pattern: /(?<![\w-])oy2([a-z0-9]{43})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});
