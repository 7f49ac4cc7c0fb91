import type ts from 'typescript';
import { innermostNodeAt, isStringLikeLiteral } from './syntax';
import type { TextRange } from './types';

/** A complete string literal that holds a stretch of text. */
export interface StringLiteralAround {
  /** The literal, quotes included. */
  readonly range: TextRange;
  /** Its decoded value. */
  readonly value: string;
}

/**
 * The complete string literal (quoted, or a template without substitutions) whose contents hold
 * `inner`; undefined when `inner` is not inside one. A detector reports the credential inside
 * `"Bearer …"`; the whole literal is what a reference replaces.
 */
export function stringLiteralAround(sourceFile: ts.SourceFile, inner: TextRange): StringLiteralAround | undefined {
  let node: ts.Node | undefined = innermostNodeAt(sourceFile, inner.start);
  while (node && !isStringLikeLiteral(node)) node = node.parent;
  if (!node || !isStringLikeLiteral(node) || node.isUnterminated) return undefined;
  const start = node.getStart(sourceFile);
  if (inner.start < start || inner.end > node.end) return undefined;
  return { range: { start, end: node.end }, value: node.text };
}
