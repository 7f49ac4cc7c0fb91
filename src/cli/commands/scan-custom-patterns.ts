import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { refusalMessage, type CustomPattern } from '../../core/detect/custom-patterns';
import { vetCustomPatterns } from '../../core/detect/pattern-probe';
import { parseProjectConfig, PROJECT_CONFIG_FILE_NAME } from '../../core/detect/project-config';

/** The scan's configuration is wrong: each problem is printed as an error line, and the scan exits 2 without scanning. */
export class ScanConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ScanConfigurationError';
  }
}

export function isScanConfigurationError(error: unknown): error is ScanConfigurationError {
  return error instanceof Error && error.name === 'ScanConfigurationError';
}

/** What the .secretmanager.json at the scan root sets for detection. */
export interface ProjectDetection {
  readonly customPatterns: CustomPattern[];
  readonly minimumConfidence?: number;
}

/**
 * The detection settings of the .secretmanager.json at `root` (none without the file), each custom
 * pattern probed (pattern-probe.ts). Any mistake in the file, or any refused pattern, stops the
 * scan: a CI run must not pass quietly without a check the project asked for.
 */
export async function projectDetectionAt(root: string, cwd: string): Promise<ProjectDetection> {
  const file = path.join(root, PROJECT_CONFIG_FILE_NAME);
  const label = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { customPatterns: [] };
    throw new ScanConfigurationError([`${label} could not be read: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const config = parseProjectConfig(text, label);
  const { accepted, refused } = await vetCustomPatterns(config.customPatterns);
  const problems = [...config.problems, ...refused.map((pattern) => `${label}: ${refusalMessage(pattern)}`)];
  if (problems.length > 0) throw new ScanConfigurationError(problems);
  return { customPatterns: accepted, ...(config.minimumConfidence === undefined ? {} : { minimumConfidence: config.minimumConfidence }) };
}
