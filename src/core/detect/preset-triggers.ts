/**
 * For each rule of secretlint's recommended preset (13.0.x), text that every one of its reports
 * needs, read from the rule's source (node_modules/@secretlint/secretlint-rule-preset-recommend/
 * module/index.js). A file holding none of a rule's triggers cannot give that rule a report, so
 * the rule is not run on it. test/unit/core/detect/preset-triggers.test.ts fails when the preset
 * gains a rule that has no entry here, and a differential test checks that gating changes no
 * finding.
 */
export interface PresetRuleTrigger {
  /** Exact-case text, any one of which the rule's patterns need. */
  readonly literals?: readonly string[];
  /**
   * Text needed ignoring (ASCII) case, for the rules whose patterns are case-insensitive. The part
   * of such a literal that has no letters ("://", "_") is needed exactly: the literal is only
   * looked for in files that hold that part.
   */
  readonly literalsIgnoringCase?: readonly string[];
  /** Exact-case text that every report needs as well, whichever trigger brought the rule in. */
  readonly alsoNeeds?: readonly string[];
  /** Extensions (with the dot) on which the rule runs whatever the text: it reads the file whole. */
  readonly extensions?: readonly string[];
  /**
   * Literals of `literals` whose matches never leave the line that holds them. When the only
   * triggers a file holds are these, the rule runs on those lines alone (see detector.ts).
   */
  readonly lineLocal?: boolean;
}

const AWS_ACCESS_KEY_PREFIXES = ['A3T', 'AKIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ASIA'];

export const PRESET_RULE_TRIGGERS: Readonly<Record<string, PresetRuleTrigger>> = {
  // Access key ids: /\b(A3T[A-Z0-9]|AKIA|AGPA|…)[A-Z0-9]{16}\b/ stays on one line. The secret key
  // pattern needs (SECRET|secret|Secret)_?(ACCESS|…), and its \s* may cross lines. Account ids are
  // not looked for: the detector drops them (AWS documents them as not secret).
  '@secretlint/secretlint-rule-aws': {
    literals: AWS_ACCESS_KEY_PREFIXES,
    lineLocal: true,
    literalsIgnoringCase: ['secret_access', 'secretaccess'],
  },
  // Only .p12 files (their bytes) and .json service-account files, parsed whole.
  '@secretlint/secretlint-rule-gcp': { extensions: ['.json', '.p12'] },
  // /-----BEGIN[ ]?(…)?PRIVATE KEY…/
  '@secretlint/secretlint-rule-privatekey': { literals: ['-----BEGIN'] },
  // x-oauth-basic@github.com (the dot is any character), _authToken=…, npm_…
  '@secretlint/secretlint-rule-npm': { literals: ['x-oauth-basic@github', '_authToken=', 'npm_'] },
  // (https?|ftp|ftps)://user:password@host
  '@secretlint/secretlint-rule-basicauth': { literals: ['://'], alsoNeeds: ['@'] },
  // The token rules marked lineLocal below: each of their matches holds one of the rule's literals
  // and stays on its line (no class in their patterns takes a line break), so where only those
  // literals occur the rule runs on their lines (lineLocal), not over the whole text.
  // (xoxb|xoxp|xapp|xoxa|xoxo|xoxr)-…, and /https:\/\/hooks\.slack\.com\/services\/…/gi
  '@secretlint/secretlint-rule-slack': {
    literals: ['xoxb-', 'xoxp-', 'xapp-', 'xoxa-', 'xoxo-', 'xoxr-'],
    lineLocal: true,
    literalsIgnoringCase: ['https://hooks.slack.com/services/'],
  },
  // SG\.…
  '@secretlint/secretlint-rule-sendgrid': { literals: ['SG.'], lineLocal: true },
  // (shppa|shpca|shpat|shpss)_…
  '@secretlint/secretlint-rule-shopify': { literals: ['shppa_', 'shpca_', 'shpat_', 'shpss_'], lineLocal: true },
  // (sk_live|sk_test|rk_live|rk_test)_…
  '@secretlint/secretlint-rule-stripe': { literals: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'], lineLocal: true },
  // (ghp|gho|ghu|ghs|ghr)_…, github_pat_…, ghs_<digits>_…
  '@secretlint/secretlint-rule-github': { literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], lineLocal: true },
  // glpat-…
  '@secretlint/secretlint-rule-gitlab': { literals: ['glpat-'], lineLocal: true },
  // glc_…, glsa_…
  '@secretlint/secretlint-rule-grafana': { literals: ['glc_', 'glsa_'], lineLocal: true },
  // Both forms hold the literal T3BlbkFJ.
  '@secretlint/secretlint-rule-openai': { literals: ['T3BlbkFJ'], lineLocal: true },
  // sk-ant-api0\d-…
  '@secretlint/secretlint-rule-anthropic': { literals: ['sk-ant-api0'], lineLocal: true },
  // gsk_…
  '@secretlint/secretlint-rule-groq': { literals: ['gsk_'], lineLocal: true },
  // hf_…
  '@secretlint/secretlint-rule-huggingface': { literals: ['hf_'], lineLocal: true },
  // lin_api_…
  '@secretlint/secretlint-rule-linear': { literals: ['lin_api_'], lineLocal: true },
  // ntn_…
  '@secretlint/secretlint-rule-notion': { literals: ['ntn_'], lineLocal: true },
  // ops_(ey…)
  '@secretlint/secretlint-rule-1password': { literals: ['ops_ey'], lineLocal: true },
  // /mongodb(\+srv)?:\/\//gi, /(jdbc:)?mysqlx?:\/\//gi, /postgres(ql)?:\/\//gi; a report needs
  // both user and password, so the "user:password@" part.
  '@secretlint/secretlint-rule-database-connection-string': {
    literalsIgnoringCase: ['mongodb://', 'mongodb+srv://', 'mysql://', 'mysqlx://', 'postgres://', 'postgresql://'],
    alsoNeeds: ['@'],
  },
  // hvs\.…, hvb\.…, hvr\.…
  '@secretlint/secretlint-rule-hashicorp-vault': { literals: ['hvs.', 'hvb.', 'hvr.'], lineLocal: true },
  // (vcp|vci|vca|vcr|vck)_…
  '@secretlint/secretlint-rule-vercel': { literals: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], lineLocal: true },
  // dapi[A-Fa-f0-9]{32}
  '@secretlint/secretlint-rule-databricks': { literals: ['dapi'], lineLocal: true },
  // dckr_pat_…
  '@secretlint/secretlint-rule-docker': { literals: ['dckr_pat_'], lineLocal: true },
  // figd_…
  '@secretlint/secretlint-rule-figma': { literals: ['figd_'], lineLocal: true },
  // (cfk|cfut|cfat)_…
  '@secretlint/secretlint-rule-cloudflare': { literals: ['cfk_', 'cfut_', 'cfat_'], lineLocal: true },
  // tskey-…
  '@secretlint/secretlint-rule-tailscale': { literals: ['tskey-'], lineLocal: true },
  // The disable comments: secretlint-(disable-next-line|disable-line|disable|enable).
  '@secretlint/secretlint-rule-filter-comments': { literals: ['secretlint-'] },
};
