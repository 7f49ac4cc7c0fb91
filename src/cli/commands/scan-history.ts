import path from 'node:path';
import { findingFingerprint, maskCredential } from '../../core/detect/finding';
import { toSarif } from '../../core/detect/sarif';
import { KnownSecretMatching } from '../../core/detect/known-secret-matching';
import { isSecretManagerError } from '../../core/error-shape';
import type { CommitInfo } from '../../core/history/added-lines';
import { describeRepository } from '../../core/history/git-log';
import { credentialsToRotate, scanHistory, type HistoryFinding, type HistoryScanOutcome, type ScannedChange } from '../../core/history/history-scan';
import { pluralize } from '../../core/format';
import { UsageError } from '../arguments';
import type { CliIo, GlobalOptions } from '../command';
import { projectDetectionAt } from './scan-custom-patterns';
import { createRepositoryDetector } from './scan-detector';
import { findingJson } from './scan-json';
import { executorFileTest, knownSecretsSource, openKnownSecretsOrNot } from './scan-inputs';
import { findingTextLine } from './scan-text';

const MOST_COMMITS_LISTED = 10;

/**
 * `scan --history [REV-RANGE]`: every line the commits of the range added (default: all of HEAD's
 * history), scanned as a normal scan would, with the ignore file and known secrets as of now.
 */
export async function runHistoryScan(range: string | undefined, format: 'text' | 'json' | 'sarif', minimumConfidenceOption: number | undefined, globals: GlobalOptions, io: CliIo, toolVersion: string): Promise<number> {
  let root: string;
  try {
    root = (await describeRepository(io.cwd)).root;
  } catch (error) {
    throw asUsageError(error);
  }
  const project = await projectDetectionAt(root, io.cwd);
  // The store opens (scrypt, on the thread pool) while the engine loads and the scan starts; see KnownSecretMatching.
  const source = knownSecretsSource(globals, io);
  const knownSecretsOpening = openKnownSecretsOrNot(source, io);
  let outcome: HistoryScanOutcome;
  let ruleDescriptions: ReadonlyMap<string, string>;
  try {
    const detector = await createRepositoryDetector(root, project, minimumConfidenceOption);
    ruleDescriptions = detector.ruleDescriptions;
    const isExecutorFile = await executorFileTest(root, io);
    const knownSecrets = source && new KnownSecretMatching<ScannedChange>(detector, knownSecretsOpening.then((opened) => opened.matcher));
    outcome = await scanHistory(root, range, { detector, isExecutorFile, knownSecrets });
  } catch (error) {
    throw asUsageError(error);
  } finally {
    await (await knownSecretsOpening).close();
  }
  report(outcome, format, ruleDescriptions, io, toolVersion);
  return outcome.findings.length > 0 ? 1 : 0;
}

/** git's answer to a bad revision or folder is a usage mistake (exit 2); anything else stays as it is. */
function asUsageError(error: unknown): unknown {
  return isSecretManagerError(error, 'invalid-input') ? new UsageError(error.message, 'scan') : error;
}

const day = (commit: CommitInfo) => commit.authorDate.slice(0, 10);

function commitJson(commit: CommitInfo) {
  return { hash: commit.hash, shortHash: commit.shortHash, authorDate: commit.authorDate, subject: commit.subject };
}

function toJson(found: HistoryFinding) {
  return {
    ...findingJson(found.path, found.finding),
    commit: commitJson(found.commit),
    commitCount: found.commits.length,
    commits: found.commits.map((commit) => commit.hash),
    presentAtHead: found.presentAtHead,
  };
}

/** A fingerprint for code scanning to match a result across runs: the credential and its file, hashed. */
function partialFingerprint(found: HistoryFinding): string {
  return findingFingerprint(found.finding.ruleId, `${found.path}\0${found.literal}`);
}

function listCommits(commits: readonly CommitInfo[]): string {
  const shown = commits.slice(0, MOST_COMMITS_LISTED).map((commit) => commit.shortHash).join(', ');
  return commits.length > MOST_COMMITS_LISTED ? `${shown} and ${commits.length - MOST_COMMITS_LISTED} more` : shown;
}

function report(outcome: HistoryScanOutcome, format: 'text' | 'json' | 'sarif', ruleDescriptions: ReadonlyMap<string, string>, io: CliIo, toolVersion: string): void {
  const { findings } = outcome;
  if (format === 'sarif') {
    const byFinding = new Map(findings.map((found) => [found.finding, found]));
    const results = findings.map((found) => ({ file: path.join(outcome.root, ...found.path.split('/')), findings: [found.finding] }));
    const sarif = toSarif(results, outcome.root, ruleDescriptions, toolVersion, (finding) => {
      const found = byFinding.get(finding)!;
      return {
        partialFingerprints: { 'secretManagerCredential/v1': partialFingerprint(found) },
        properties: { commit: commitJson(found.commit), commitCount: found.commits.length, presentAtHead: found.presentAtHead },
      };
    });
    if (outcome.shallow) Object.assign(sarif.runs[0], { properties: { shallowClone: true } });
    io.stdout(`${JSON.stringify(sarif, null, 2)}\n`);
  } else if (format === 'json') {
    io.stdout(`${JSON.stringify(findings.map(toJson), null, 2)}\n`);
  } else {
    for (const found of findings) {
      const { commit } = found;
      const repeats = found.commits.length > 1 ? `, added in ${pluralize(found.commits.length, 'commit')}` : '';
      const where = found.presentAtHead ? 'still at HEAD' : 'gone from HEAD';
      const line = findingTextLine({ ...found.finding, file: found.path });
      io.stdout(`${line} (${commit.shortHash} ${day(commit)} ${JSON.stringify(commit.subject)}${repeats}; ${where})\n`);
    }
    const toRotate = credentialsToRotate(findings);
    if (toRotate.length > 0) {
      io.stdout(`\nRotate these: a credential in any commit stays readable by whoever can clone the repository.\n`);
      for (const credential of toRotate) {
        const where = credential.presentAtHead ? 'still at HEAD' : 'gone from HEAD';
        io.stdout(`  ${maskCredential(credential.literal)}  ${where}  in ${listCommits(credential.commits)}\n`);
      }
    }
  }
  if (outcome.shallow) io.stderr('Note: this is a shallow clone: the history was scanned as far back as it was fetched, not to the first commit.\n');
  if (outcome.tooLargeChanges > 0) io.stderr(`Skipped ${pluralize(outcome.tooLargeChanges, 'file change')} adding more than 2 MiB.\n`);
  const scanned = `${pluralize(outcome.commitCount, 'commit')} scanned${outcome.binaryFiles > 0 ? `, ${pluralize(outcome.binaryFiles, 'binary file change')} left out` : ''}`;
  io.stderr(
    findings.length === 0
      ? `No hard-coded credentials in the history (${scanned}).\n`
      : `${pluralize(findings.length, 'hard-coded credential')} in the history, ${pluralize(credentialsToRotate(findings).length, 'distinct credential')} to rotate (${scanned}).\n`,
  );
}
