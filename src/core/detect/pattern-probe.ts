import { Worker } from 'node:worker_threads';
import { compileCustomPattern, scanFlags, type CustomPattern, type RefusedPattern } from './custom-patterns';
import { probeTexts } from './probe-texts';

/** How long a pattern may take over all its probe texts. Linear patterns take a few milliseconds. */
export const PROBE_TIME_LIMIT_MILLISECONDS = 200;

/**
 * The probe thread's script. A regular expression cannot be interrupted in JavaScript, so each
 * one runs on a thread of its own that is terminated when it overruns (evaluated from text: no
 * file to find next to whichever bundle loaded this module).
 */
const PROBE_SCRIPT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, texts }) => {
  const pattern = new RegExp(source, flags);
  for (const text of texts) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }
  parentPort.postMessage('done');
});
parentPort.postMessage('ready');
`;

/** undefined: the pattern may run; otherwise why not. */
type Verdict = string | undefined;

const verdicts = new Map<string, Promise<Verdict>>();
/** Starts the reason given when the probe itself failed: not kept, so the next vetting tries again. */
const NOT_CHECKED = 'the pattern could not be checked';

function verdictKey(pattern: Pick<CustomPattern, 'pattern' | 'flags'>): string {
  return `${scanFlags(pattern)}\u0000${pattern.pattern}`;
}

/**
 * Sorts custom patterns into those the detector may run and those it refuses: a pattern that does
 * not compile, matches empty text, or takes longer than the time limit on its probe texts
 * (probe-texts.ts). Verdicts are kept per pattern source and flags for the life of the process.
 */
export async function vetCustomPatterns(patterns: readonly CustomPattern[]): Promise<{ accepted: CustomPattern[]; refused: RefusedPattern[] }> {
  const verdictList = await Promise.all(patterns.map((pattern) => verdictOf(pattern)));
  const accepted: CustomPattern[] = [];
  const refused: RefusedPattern[] = [];
  patterns.forEach((pattern, index) => {
    const reason = verdictList[index];
    if (reason === undefined) accepted.push(pattern);
    else refused.push({ id: pattern.id, reason });
  });
  return { accepted, refused };
}

function verdictOf(pattern: CustomPattern): Promise<Verdict> {
  const key = verdictKey(pattern);
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = judge(pattern);
    verdicts.set(key, verdict);
    void verdict.then((reason) => reason?.startsWith(NOT_CHECKED) && verdicts.delete(key));
  }
  return verdict;
}

async function judge(pattern: CustomPattern): Promise<Verdict> {
  const compiled = compileCustomPattern(pattern);
  if ('error' in compiled) return `the regular expression does not compile: ${compiled.error}`;
  const empty = new RegExp(compiled.source, compiled.flags.replace('g', '')).exec('');
  if (empty !== null) return 'the regular expression matches empty text; it must match at least one character (check for a trailing "|" or a "*" that should be a "+").';
  return probeQueue.probe(compiled);
}

/** Probes one pattern at a time on one thread, started when needed and ended when the queue is empty or a probe overruns. */
class ProbeQueue {
  private worker: Promise<Worker> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  probe(pattern: RegExp): Promise<Verdict> {
    this.waiting += 1;
    const result = this.tail
      .then(() => this.run(pattern))
      .finally(() => {
        this.waiting -= 1;
        // A thread left running would keep the CLI (and a test run) from exiting.
        if (this.waiting === 0) this.stopWorker();
      });
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async run(pattern: RegExp): Promise<Verdict> {
    const texts = probeTexts(pattern.source);
    let worker: Worker;
    try {
      worker = await (this.worker ??= startWorker());
    } catch (error) {
      this.worker = undefined;
      return `${NOT_CHECKED} (${error instanceof Error ? error.message : String(error)}), so it is not run.`;
    }
    return new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => {
        cleanUp();
        this.stopWorker();
        resolve(
          `the regular expression took longer than ${PROBE_TIME_LIMIT_MILLISECONDS} ms on a probe text of a few KB (catastrophic backtracking, as with nested quantifiers like "(a+)+"); it would stall the editor and the CLI. Make the repeated parts exclusive, or bound them ("{1,64}").`,
        );
      }, PROBE_TIME_LIMIT_MILLISECONDS);
      const onMessage = () => {
        cleanUp();
        resolve(undefined);
      };
      const onError = (error: Error) => {
        cleanUp();
        this.stopWorker();
        resolve(`the regular expression failed on a probe text: ${error.message}`);
      };
      const onExit = () => onError(new Error('the probe thread stopped'));
      const cleanUp = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ source: pattern.source, flags: pattern.flags, texts });
    });
  }

  /** Ends the current thread (probes run one at a time, so it is the one the caller used). */
  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.then(
      (started) => started.terminate(),
      () => undefined,
    );
  }
}

/** A thread that does not start within this time (a machine under heavy load) is given up on. */
const START_TIME_LIMIT_MILLISECONDS = 15_000;

function startWorker(): Promise<Worker> {
  const worker = new Worker(PROBE_SCRIPT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
  return new Promise<Worker>((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error('the probe thread did not start')), START_TIME_LIMIT_MILLISECONDS);
    const onExit = () => fail(new Error('the probe thread stopped'));
    worker.once('message', () => {
      clearTimeout(timer);
      worker.off('error', fail);
      worker.off('exit', onExit);
      resolve(worker);
    });
    worker.once('error', fail);
    worker.once('exit', onExit);
  });
}

const probeQueue = new ProbeQueue();
