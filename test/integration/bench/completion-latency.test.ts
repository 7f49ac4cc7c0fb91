import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createSecretThroughCommands, CANARY, useFreshStore } from '../helpers';
import { executorSource, labelOf, openWorkspaceFile, positionAfter, removeWrittenFiles } from '../language/support';

// Runs only in the bench pass (bench/completion-host.bench.mjs): completion latency through the real provider
// in the extension host, the way VS Code asks for it. Prints figures; asserts only that the items are right.

const ROUNDS = 60;
const WARM_UP = 5;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function measure(document: vscode.TextDocument, position: vscode.Position, trigger: string | undefined): Promise<{ p50: number; p99: number; labels: string[] }> {
  const times: number[] = [];
  let labels: string[] = [];
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    const started = performance.now();
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
    const elapsed = performance.now() - started;
    if (round >= WARM_UP) times.push(elapsed);
    labels = list.items.map(labelOf);
  }
  times.sort((left, right) => left - right);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), labels };
}

/** A 3,000-line executor file: helper functions above and below one header reference in the middle. */
function largeExecutorSource(): string {
  const helpers = (from: number) =>
    Array.from({ length: 150 }, (_, index) => `export function helper${from + index}(input: number): number {\n  const doubled = input * 2;\n  const label = "helper-${from + index}";\n  console.log(label, doubled);\n  return doubled + ${index};\n}\n`).join('\n');
  return `${helpers(0)}\n${executorSource('bench-large', '{ vault: "api-keys", key: "" }').replace('export default', 'export const executor =')}\n${helpers(1000)}`;
}

function line(sorted: { p50: number; p99: number }): string {
  return `p50 ${sorted.p50.toFixed(1)} ms, p99 ${sorted.p99.toFixed(1)} ms`;
}

describe('bench: completion latency in the extension host', function () {
  this.timeout(300_000);

  before(async () => {
    await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
  });

  after(removeWrittenFiles);

  it('measures completion at a key, in a small and in a 3,000-line executor, against TypeScript alone mid-file', async () => {
    const small = await openWorkspaceFile('executors/bench-small.ts', executorSource('bench-small', '{ vault: "api-keys", key: "" }'));
    const smallKey = await measure(small, positionAfter(small, 'key: "'), '"');
    assert.ok(smallKey.labels.includes('stripe-secret-key'), `offered: ${smallKey.labels.slice(0, 10).join(', ')}`);

    const large = await openWorkspaceFile('executors/bench-large.ts', largeExecutorSource());
    const largeKey = await measure(large, positionAfter(large, 'key: "'), '"');
    assert.ok(largeKey.labels.includes('stripe-secret-key'));
    // Anchor: a plain identifier position in the middle of the same file, where only TypeScript has items.
    const middle = await measure(large, positionAfter(large, 'const doubled = ', 75), undefined);
    assert.ok(!middle.labels.includes('stripe-secret-key'));

    console.log(`bench: completion at key: "" in a 12-line executor: ${line(smallKey)}`);
    console.log(`bench: completion at key: "" mid-file in a 3,000-line executor: ${line(largeKey)}`);
    console.log(`bench: anchor, TypeScript completion mid-file in the same file: ${line(middle)}`);
    console.log(`bench: ratio reference/anchor (p50): ×${(largeKey.p50 / middle.p50).toFixed(2)}, (p99): ×${(largeKey.p99 / middle.p99).toFixed(2)}`);
  });
});
