import type * as DetectEngine from '../../core/detect/engine-entry';
import type { Detector } from '../../core/detect/detector';
import { IGNORE_FILE_NAME } from '../../core/detect/ignore-file-name';
import { readIgnoreFile } from '../../core/detect/scan-files';
import type { projectDetectionAt } from './scan-custom-patterns';

/**
 * The detector for a scan of one repository on this thread: its .secretmanagerignore, its custom
 * patterns, and the minimum confidence given on the command line or by the project. The engine is
 * required here, not imported, so it initialises only when a scan runs.
 */
export async function createRepositoryDetector(root: string, project: Awaited<ReturnType<typeof projectDetectionAt>>, minimumConfidenceOption: number | undefined): Promise<Detector> {
  const minimumConfidence = minimumConfidenceOption ?? project.minimumConfidence;
  return (require('../../core/detect/engine-entry') as typeof DetectEngine).createDetector({
    workspaceRoot: root,
    ignoreFileText: await readIgnoreFile(root, IGNORE_FILE_NAME),
    customPatterns: project.customPatterns,
    ...(minimumConfidence === undefined ? {} : { minimumConfidence }),
  });
}
