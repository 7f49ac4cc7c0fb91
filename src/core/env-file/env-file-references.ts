import type { CompletionContext, FoundReference } from '../references/types';
import { parseEnvFile } from './parse-env-file';
import { secretUriParts } from './secret-uri';

/** The `NAME=secret-manager://vault/key` references of an env file, in the shape the TypeScript finder gives. */
export function findEnvFileReferences(text: string): FoundReference[] {
  const references: FoundReference[] = [];
  for (const assignment of parseEnvFile(text)) {
    const parts = secretUriParts(text.slice(assignment.valueStart, assignment.valueEnd));
    if (parts === undefined || !parts.hasSeparator) continue;
    const vaultStart = assignment.valueStart + parts.vaultStart;
    const keyStart = assignment.valueStart + parts.keyStart;
    references.push({
      vault: parts.vault,
      key: parts.key,
      form: 'env-file',
      vaultRange: { start: vaultStart, end: vaultStart + parts.vault.length },
      keyRange: { start: keyStart, end: keyStart + parts.key.length },
      range: { start: assignment.valueStart, end: assignment.valueEnd },
      isDeclaration: false,
    });
  }
  return references;
}

/**
 * What to complete at `offset` of an env file: a vault name right after `secret-manager://`, a key
 * name after the `/`. Names go in bare (the quote given is the value's, or `"` for a bare value:
 * either way the name is not quoted again).
 */
export function envFileCompletionContext(text: string, offset: number): CompletionContext | undefined {
  for (const assignment of parseEnvFile(text)) {
    if (offset < assignment.valueStart) continue;
    // A bare value that is still being typed ends at the cursor, on its own line.
    const typing = assignment.quote === '' && !/[\r\n]/.test(text.slice(assignment.valueStart, offset));
    const valueEnd = typing ? Math.max(assignment.valueEnd, offset) : assignment.valueEnd;
    if (offset > valueEnd) continue;
    const written = text.slice(assignment.valueStart, valueEnd).replace(/[ \t\r].*$/s, '');
    const parts = secretUriParts(written);
    if (parts === undefined || offset < assignment.valueStart + parts.vaultStart) return undefined;
    const quote = assignment.quote === '' ? '"' : assignment.quote;
    const vaultStart = assignment.valueStart + parts.vaultStart;
    const keyStart = assignment.valueStart + parts.keyStart;
    if (!parts.hasSeparator || offset < keyStart) {
      return { kind: 'vault', replaceRange: { start: vaultStart, end: vaultStart + parts.vault.length }, quote, typed: text.slice(vaultStart, offset) };
    }
    return { kind: 'key', vault: parts.vault, replaceRange: { start: keyStart, end: keyStart + parts.key.length }, quote, typed: text.slice(keyStart, offset) };
  }
  return undefined;
}
