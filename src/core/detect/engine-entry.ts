// The lazily loaded bundle (dist/detect.js): secretlint and the rules cost too much to load at activation.
export { createDetector, KNOWN_SECRET_RULE_ID, PRESET_ID, detectorOptionsSchema } from './detector';
export type { Detector, DetectInput, DetectorOptions } from './detector';
export type { Finding, FindingCertainty, FindingSeverity } from './finding';
export { maskCredential, findingFingerprint } from './finding';
export { createIgnoreEntry, IGNORE_FILE_NAME, allowlistSchema, ruleIdMatches } from './suppression';
export type { Allowlist } from './suppression';
export { PROJECT_RULES } from './rules';
export { scanWorkspaceFolders, scanWorkspaceFile, placeFindings, excludedPathTest, workspaceScanMessage, workspaceScanLogLine } from '../workspace-scan';
export type { PlacedFinding, ScanFolder, ScannedFile, WorkspaceFileScan, TextPosition, WorkspaceScanEvents, WorkspaceScanSummary } from '../workspace-scan';
export { listScanFiles, scanFile, PooledFileReader } from './scan-files';
export { mergeCustomPatterns, parseCustomPatternList, refusalMessage } from './custom-patterns';
export type { CustomPattern, RefusedPattern } from './custom-patterns';
export { vetCustomPatterns } from './pattern-probe';
export { parseProjectConfig, PROJECT_CONFIG_FILE_NAME } from './project-config';
