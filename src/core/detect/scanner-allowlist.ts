// A secret scanner's own configuration (gitleaks, and the tools that read its format) lists values
// that are known not to be secrets, under `[allowlist]`, `[[allowlists]]` or `[[rules.allowlists]]`:
// Firebase's published sample keys, a test's fixture key. Flagging them there helps nobody.

/** A TOML table header: `[allowlist]`, `[[rules.allowlists]]`, `[rules.allowlist]`. */
const TABLE_HEADER = /^[ \t]*\[\[?[ \t]*([\w.-]+)[ \t]*\]\]?[ \t]*(?:#.*)?$/;
/** How many lines back the table's header is looked for. */
const SEARCH_LINES = 400;

/** True when the line starting at `lineStart` lies in a TOML table whose name ends in "allowlist" or "allowlists". */
export function isInScannerAllowlist(text: string, lineStart: number): boolean {
  if (!text.includes('allowlist')) return false;
  let end = lineStart;
  for (let lines = 0; lines < SEARCH_LINES && end > 0; lines += 1) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const header = TABLE_HEADER.exec(text.slice(start, end).replace(/\r?\n$/, ''));
    if (header) return /(?:^|\.)allowlists?$/.test(header[1]);
    end = start;
  }
  return false;
}
