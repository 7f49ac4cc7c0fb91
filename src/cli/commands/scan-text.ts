/** What a finding line of scan's text output shows. */
export interface FindingLineFields {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly ruleId: string;
  readonly message: string;
}

/** One finding of scan's text output: `file:line:column severity rule message`, without the line break. */
export function findingTextLine(finding: FindingLineFields): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}
