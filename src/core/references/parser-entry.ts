// Everything that needs the `typescript` package. esbuild bundles this alone into dist/parser.js,
// which loadParser() requires on first use, so TypeScript's 3.5 MB parser never slows activation.
export { completionContextAt } from './completion-context';
export { planDeclarationEdit, type DeclarationEdit } from './declaration-edit';
export { DocumentCache, type TextChange } from './document-cache';
export { parseExecutorConfig } from './executor-config';
export { findReferences } from './find-references';
export { ignoreCommentContext, type IgnoreCommentContext } from './ignore-comment-context';
export { parseSource } from './parse';
export { planReplacement } from './replacement';
export { stringLiteralAround, type StringLiteralAround } from './string-literal-around';

import { completionContextAt } from './completion-context';
import { planDeclarationEdit, type DeclarationEdit } from './declaration-edit';
import { findReferences } from './find-references';
import { parseSource } from './parse';
import { planReplacement } from './replacement';
import type { CompletionContext, FoundReference, ReplacementPlan, TextRange } from './types';

// One-shot forms for callers that keep no tree (the CLI, the detection helper). Editors should keep
// a DocumentCache and pass its tree instead, so each keystroke costs an incremental update.

export function findReferencesInText(fileName: string, text: string): FoundReference[] {
  return findReferences(parseSource(fileName, text));
}

export function completionContextInText(fileName: string, text: string, offset: number): CompletionContext | undefined {
  return completionContextAt(parseSource(fileName, text), offset);
}

export function planReplacementInText(fileName: string, text: string, literalRange: TextRange): ReplacementPlan | undefined {
  return planReplacement(parseSource(fileName, text), literalRange);
}

export function planDeclarationEditInText(fileName: string, text: string, vault: string, key: string, environmentVariable: string): DeclarationEdit | undefined {
  return planDeclarationEdit(parseSource(fileName, text), vault, key, environmentVariable);
}
