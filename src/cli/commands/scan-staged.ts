import { KnownSecretMatching } from '../../core/detect/known-secret-matching';
import { scanFile, type FileFindings, type SkipReason } from '../../core/detect/scan-files';
import { scannableText } from '../../core/detect/scannable-text';
import { isSecretManagerError } from '../../core/error-shape';
import { readStagedFiles } from '../../core/git-staged';
import { UsageError } from '../arguments';
import type { CliIo, GlobalOptions } from '../command';
import { projectDetectionAt } from './scan-custom-patterns';
import { createRepositoryDetector } from './scan-detector';
import { executorFileTest, knownSecretsSource, openKnownSecretsOrNot } from './scan-inputs';
import type { ScanOutcome } from './scan-tree';

/**
 * `scan --staged [pathspecs…]`: what the next commit would record (the git index), not the working
 * tree, so a pre-commit hook blocks exactly the credentials being committed. Paths are relative to
 * the top of the working tree, whose .secretmanagerignore applies.
 */
export async function scanStaged(pathspecs: readonly string[], globals: GlobalOptions, io: CliIo, minimumConfidenceOption?: number): Promise<ScanOutcome> {
  let staged: Awaited<ReturnType<typeof readStagedFiles>>;
  try {
    staged = await readStagedFiles(io.cwd, pathspecs);
  } catch (error) {
    if (isSecretManagerError(error, 'invalid-input')) throw new UsageError(error.message, 'scan');
    throw error;
  }
  const { root, files } = staged;
  // From the working tree, like the ignore file; before the store starts opening.
  const project = await projectDetectionAt(root, io.cwd);
  const source = knownSecretsSource(globals, io);
  // The store opens (scrypt, on the thread pool) while this thread scans; see KnownSecretMatching.
  const knownSecretsOpening = openKnownSecretsOrNot(source, io);
  const results: FileFindings[] = [];
  const skipped: { file: string; reason: SkipReason }[] = [];
  try {
    const detector = await createRepositoryDetector(root, project, minimumConfidenceOption);
    const knownSecrets = source && new KnownSecretMatching(detector, knownSecretsOpening.then((opened) => opened.matcher));
    const stagedContent = new Map(files.map(({ file, content }) => [file, content]));
    const options = {
      detector,
      isExecutorFile: await executorFileTest(root, io),
      knownSecrets,
      onSkipped: (file: string, reason: SkipReason) => skipped.push({ file, reason }),
      reader: { read: (file: string) => scannableText(stagedContent.get(file) ?? Buffer.alloc(0)) },
    };
    for (const { file } of files) {
      const result = await scanFile(file, options);
      if (result && result.findings.length > 0) results.push(result);
    }
    if (knownSecrets) results.push(...(await knownSecrets.finish()));
    return { root, fileCount: files.length, results, skipped, ruleDescriptions: detector.ruleDescriptions };
  } finally {
    await (await knownSecretsOpening).close();
  }
}
