import type { Finding } from '../../core/detect/finding';

/** One finding as scan's JSON output gives it; `file` relative to the scan root, with forward slashes. */
export function findingJson(file: string, finding: Finding) {
  return {
    file,
    line: finding.line,
    column: finding.column,
    severity: finding.severity,
    certainty: finding.certainty,
    confidence: finding.confidence,
    ruleId: finding.ruleId,
    message: finding.message,
    ...(finding.matchedSecret ? { matchedSecret: finding.matchedSecret } : {}),
  };
}
