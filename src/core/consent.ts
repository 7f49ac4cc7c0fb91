import * as z from 'zod';
import { SecretManagerError } from './model';

/** Persistent key-value storage such as VS Code's `context.globalState`. It never holds a value. */
export interface KeyValueMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Who asks to read which vault: `requester` is "extension:<id>" or "workspace:<folder>". */
export interface ConsentRequest {
  readonly requester: string;
  /** What the user sees, such as "extension acme.deployer" or "launch configurations of my-app". */
  readonly requesterLabel: string;
  readonly storeId: string;
  readonly vault: string;
}

export type ConsentAnswer = 'allow' | 'allow-once' | 'deny';

const consentDecisionSchema = z.object({
  requester: z.string(),
  requesterLabel: z.string(),
  storeId: z.string(),
  vault: z.string(),
  decision: z.enum(['allow', 'deny']),
  decidedAt: z.string(),
});
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

export const CONSENT_MEMENTO_KEY = 'secretManager.consentDecisions';

function sameScope(left: ConsentRequest, right: ConsentRequest): boolean {
  return left.requester === right.requester && left.storeId === right.storeId && left.vault === right.vault;
}

/** The remembered answers, one per requester, store and vault. */
export class ConsentBook {
  constructor(private readonly memento: KeyValueMemento) {}

  decisions(): ConsentDecision[] {
    const stored = this.memento.get<unknown>(CONSENT_MEMENTO_KEY);
    const parsed = z.array(consentDecisionSchema).safeParse(stored ?? []);
    return parsed.success ? parsed.data : [];
  }

  find(request: ConsentRequest): ConsentDecision | undefined {
    return this.decisions().find((decision) => sameScope(decision, request));
  }

  async remember(request: ConsentRequest, decision: 'allow' | 'deny', now: Date = new Date()): Promise<void> {
    const others = this.decisions().filter((existing) => !sameScope(existing, request));
    const record: ConsentDecision = {
      requester: request.requester,
      requesterLabel: request.requesterLabel,
      storeId: request.storeId,
      vault: request.vault,
      decision,
      decidedAt: now.toISOString(),
    };
    await this.memento.update(CONSENT_MEMENTO_KEY, [...others, record]);
  }

  async forget(request: ConsentRequest): Promise<void> {
    await this.memento.update(
      CONSENT_MEMENTO_KEY,
      this.decisions().filter((existing) => !sameScope(existing, request)),
    );
  }
}

export class ConsentDeniedError extends SecretManagerError {
  constructor(request: ConsentRequest, remembered: boolean) {
    super(
      'denied',
      `Access denied: ${request.requesterLabel} may not read secrets from vault "${request.vault}".`,
      remembered ? 'Run "Secret Manager: Revoke Consent" to be asked again.' : undefined,
    );
  }
}

/**
 * Asks once per requester, store and vault and remembers "allow" and "deny"; "allow once" is not
 * remembered. Concurrent checks for the same scope share one question.
 */
export class ConsentGate {
  private readonly pending = new Map<string, Promise<ConsentAnswer | undefined>>();

  constructor(
    private readonly book: ConsentBook,
    private readonly ask: (request: ConsentRequest) => PromiseLike<ConsentAnswer | undefined>,
  ) {}

  async check(request: ConsentRequest): Promise<void> {
    const remembered = this.book.find(request);
    if (remembered?.decision === 'allow') return;
    if (remembered?.decision === 'deny') throw new ConsentDeniedError(request, true);
    const scope = JSON.stringify([request.requester, request.storeId, request.vault]);
    let question = this.pending.get(scope);
    if (!question) {
      question = Promise.resolve(this.ask(request)).then(async (answer) => {
        if (answer === 'allow' || answer === 'deny') await this.book.remember(request, answer);
        return answer;
      });
      this.pending.set(scope, question);
      void question.finally(() => this.pending.delete(scope)).catch(() => {});
    }
    const answer = await question;
    if (answer === 'allow' || answer === 'allow-once') return;
    throw new ConsentDeniedError(request, answer === 'deny');
  }
}
