import path from 'node:path';
import type { FileFindings } from './scan-files';
import type { Finding, FindingSeverity } from './finding';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<FindingSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A file's URI relative to the scan root, with forward slashes and each segment percent-encoded. */
export function relativeUri(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep);
  return relative.map((segment) => encodeURIComponent(segment)).join('/');
}

/**
 * A SARIF 2.1.0 log of the findings: one run, the tool's rules, one result per finding with
 * its location relative to %SRCROOT% (the scan root). Messages are the findings' masked ones.
 */
export function toSarif(
  results: readonly FileFindings[],
  root: string,
  ruleDescriptions: ReadonlyMap<string, string>,
  toolVersion: string,
  /** More for a result: partialFingerprints, and properties added to the finding's own. */
  extraFor?: (finding: Finding) => { partialFingerprints?: Record<string, string>; properties?: Record<string, unknown> },
) {
  const usedRules = [...new Set(results.flatMap((result) => result.findings.map((finding) => finding.ruleId)))].sort();
  const ruleIndex = new Map(usedRules.map((ruleId, index) => [ruleId, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'secret-manager',
            version: toolVersion,
            informationUri: 'https://example.invalid/secret-manager-vscode',
            rules: usedRules.map((ruleId) => ({
              id: ruleId,
              shortDescription: { text: ruleDescriptions.get(ruleId) ?? ruleId },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(root)}/` } },
        results: results.flatMap((result) =>
          result.findings.map((finding) => {
            const extra = extraFor?.(finding);
            return {
              ruleId: finding.ruleId,
              ruleIndex: ruleIndex.get(finding.ruleId),
              level: LEVELS[finding.severity],
              // SARIF's rank is 0–100, higher meaning more likely a real problem.
              rank: Math.round(finding.confidence * 100),
              message: { text: finding.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relativeUri(root, result.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: finding.line, startColumn: finding.column },
                  },
                },
              ],
              ...(extra?.partialFingerprints ? { partialFingerprints: extra.partialFingerprints } : {}),
              properties: {
                certainty: finding.certainty,
                confidence: finding.confidence,
                ...(finding.matchedSecret ? { matchedSecret: `${finding.matchedSecret.vault}/${finding.matchedSecret.key}` } : {}),
                ...extra?.properties,
              },
            };
          }),
        ),
      },
    ],
  };
}

function pathToFileUri(folder: string): string {
  const absolute = path.resolve(folder).split(path.sep).map((segment) => encodeURIComponent(segment)).join('/');
  return `file://${absolute.startsWith('/') ? '' : '/'}${absolute}`;
}
