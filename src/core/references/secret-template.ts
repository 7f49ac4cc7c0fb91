// `"{{secret.<vault>.<key>}}"` inside a string, the form Tailor's Shopify guide uses in webhook headers.
import type ts from 'typescript';
import { literalContentRange, literalQuote, type StringLikeLiteral } from './syntax';
import type { CompletionContext, FoundReference, TextRange } from './types';

const NAME = '[A-Za-z0-9_-]+';
const SECRET_TEMPLATE = new RegExp(`\\{\\{\\s*secret\\.(${NAME})\\.(${NAME})\\s*\\}\\}`, 'g');
/** The text from an opened `{{` to the cursor, while the vault name is typed. */
const TYPING_VAULT = /\{\{\s*secret\.([A-Za-z0-9_-]*)$/;
/** The same, while the key name is typed after the vault's dot. */
const TYPING_KEY = /\{\{\s*secret\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/** Every `{{secret.v.k}}` in a complete string literal, one reference each, spanning the braces (callers check for `{{` first). */
export function secretTemplateReferences(literal: StringLikeLiteral, sourceFile: ts.SourceFile): FoundReference[] {
  if (literal.isUnterminated || !literal.text.includes('{{')) return [];
  const content = literalContentRange(literal, sourceFile);
  // The source text, not the literal's value: escapes before a template would shift the offsets.
  const raw = sourceFile.text.slice(content.start, content.end);
  const found: FoundReference[] = [];
  for (const match of raw.matchAll(SECRET_TEMPLATE)) {
    const [whole, vault, key] = match as unknown as [string, string, string];
    const start = content.start + match.index;
    const vaultStart = start + whole.indexOf('secret.') + 'secret.'.length;
    const keyStart = vaultStart + vault.length + 1;
    found.push({
      vault,
      key,
      form: 'secret-template',
      vaultRange: { start: vaultStart, end: vaultStart + vault.length },
      keyRange: { start: keyStart, end: keyStart + key.length },
      range: { start, end: start + whole.length },
      isDeclaration: false,
    });
  }
  return found;
}

/** Completion after `{{secret.` (a vault) or `{{secret.<vault>.` (a key) inside a string literal. */
export function secretTemplateCompletionContext(literal: StringLikeLiteral, sourceFile: ts.SourceFile, offset: number): CompletionContext | undefined {
  const content = literalContentRange(literal, sourceFile);
  const before = sourceFile.text.slice(content.start, offset);
  const opened = before.lastIndexOf('{{');
  if (opened < 0 || before.includes('}}', opened)) return undefined;
  const typing = before.slice(opened);
  const nameAfterCursor = /^[A-Za-z0-9_-]*/.exec(sourceFile.text.slice(offset, content.end))?.[0] ?? '';
  // The name is inserted inside the literal as it is: the literal's quote says no quotes are needed.
  const quote = literalQuote(literal, sourceFile);
  const keyMatch = TYPING_KEY.exec(typing);
  if (keyMatch) {
    const typed = keyMatch[2] ?? '';
    return { kind: 'key', vault: keyMatch[1], replaceRange: nameRange(offset, typed, nameAfterCursor), quote, typed };
  }
  const vaultMatch = TYPING_VAULT.exec(typing);
  if (vaultMatch) {
    const typed = vaultMatch[1] ?? '';
    return { kind: 'vault', replaceRange: nameRange(offset, typed, nameAfterCursor), quote, typed };
  }
  return undefined;
}

function nameRange(offset: number, typed: string, nameAfterCursor: string): TextRange {
  return { start: offset - typed.length, end: offset + nameAfterCursor.length };
}
