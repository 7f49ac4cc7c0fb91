import { escapeControlCharacters } from '../../core/printable-text';

/** What a finding line of scan's text output shows. */
export interface FindingLineFields {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly ruleId: string;
  readonly message: string;
}

/**
 * One finding of scan's text output: `file:line:column severity rule message`, without the line break.
 * File names and messages come from the repository: escaped, they cannot drive the terminal or forge a line.
 */
export function findingTextLine(finding: FindingLineFields): string {
  return escapeControlCharacters(`${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
}
