import type { FingerprintMatcher } from '../store';
import type { Detector } from './detector';
import type { Finding } from './finding';
import type { FileFindings } from './scan-files';

/** A scanned file whose known-secret findings wait for the matcher. */
interface HeldFile<Subject> {
  readonly file: string;
  readonly text: string;
  readonly isExecutorFile: boolean;
  readonly findings: readonly Finding[];
  readonly subject: Subject;
}

/** A file's findings, with what the caller scanned it as (a file on disk, a commit's change…). */
export type SubjectFindings<Subject> = FileFindings & { readonly subject: Subject };

/**
 * Texts held at most while the store opens, in UTF-16 units (about 64 MB): past it the scan waits for
 * the matcher instead of holding more. Unlocking a local store takes about 0.1 s, in which a scan
 * reads a few megabytes.
 */
const MOST_HELD_CHARACTERS = 32 * 1024 * 1024;

/**
 * Known-secret matching that does not hold up the scan while the store opens (scrypt runs on the
 * thread pool): a file scanned before the matcher is ready keeps its text and findings here, and
 * gets its known-secret findings once the matcher is ready; later files get them at once.
 */
export class KnownSecretMatching<Subject = undefined> {
  private matcher: FingerprintMatcher | undefined;
  private ready = false;
  private held: HeldFile<Subject>[] = [];
  private heldCharacters = 0;
  private settled: SubjectFindings<Subject>[] = [];
  private readonly opened: Promise<void>;

  /** @param opening The store's matcher; undefined (or a failure) when there is none to match against. */
  constructor(
    private readonly detector: Detector,
    opening: Promise<FingerprintMatcher | undefined>,
    private readonly mostHeldCharacters = MOST_HELD_CHARACTERS,
  ) {
    this.opened = opening.then(
      (matcher) => this.becomeReady(matcher),
      () => this.becomeReady(undefined),
    );
  }

  private becomeReady(matcher: FingerprintMatcher | undefined): void {
    this.matcher = matcher;
    this.ready = true;
  }

  /**
   * The file's findings (`findings`, from detect() without a matcher) with its known-secret findings
   * added; undefined when the file is held until the matcher is ready (finish() gives it then), or
   * when it has no finding. `subject` comes back with the findings.
   */
  async complete(file: string, text: string, isExecutorFile: boolean, findings: readonly Finding[], subject: Subject): Promise<SubjectFindings<Subject> | undefined> {
    if (!this.ready && this.heldCharacters + text.length > this.mostHeldCharacters) await this.opened;
    // The scan itself never waits on the event loop (it reads synchronously): without a turn of it,
    // the store's scrypt callback and file reads would not run until the scan ends.
    if (!this.ready) await new Promise<void>((resolve) => setImmediate(resolve));
    if (!this.ready) {
      this.held.push({ file, text, isExecutorFile, findings, subject });
      this.heldCharacters += text.length;
      return undefined;
    }
    if (this.held.length > 0) await this.settleHeld();
    return this.withKnownSecrets({ file, text, isExecutorFile, findings, subject });
  }

  /** The held files that have findings, once the matcher is ready (or known not to come). */
  async finish(): Promise<SubjectFindings<Subject>[]> {
    await this.opened;
    await this.settleHeld();
    const settled = this.settled;
    this.settled = [];
    return settled;
  }

  /** Completes the held files, freeing their texts; those with findings wait in `settled` for finish(). */
  private async settleHeld(): Promise<void> {
    const held = this.held;
    this.held = [];
    this.heldCharacters = 0;
    for (const entry of held) {
      const result = await this.withKnownSecrets(entry);
      if (result) this.settled.push(result);
    }
  }

  private async withKnownSecrets({ file, text, isExecutorFile, findings, subject }: HeldFile<Subject>): Promise<SubjectFindings<Subject> | undefined> {
    const all = this.matcher ? await this.detector.addKnownSecretFindings({ text, filePath: file, isExecutorFile, fingerprintMatcher: this.matcher }, findings) : findings;
    return all.length > 0 ? { file, findings: all, subject } : undefined;
  }
}
