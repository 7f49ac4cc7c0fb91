import ts from 'typescript';
import { callForm, takesKeyArray, takesSingleKey } from './find-references';
import { secretTemplateCompletionContext } from './secret-template';
import {
  completeLiteralValue,
  enclosingFunctionBody,
  findProperty,
  innermostNodeAt,
  isStringLikeLiteral,
  literalContentRange,
  literalQuote,
  outermostWrapper,
  propertyNameText,
  type StringLikeLiteral,
  unwrapExpression,
} from './syntax';
import type { CompletionContext, QuoteCharacter, TextRange } from './types';

/** For each property that holds a key, the sibling property that holds its vault. */
const VAULT_PROPERTY_OF_KEY: Readonly<Record<string, string>> = { key: 'vault', secretKey: 'vaultName', secretName: 'vaultName' };
const VAULT_PROPERTIES = new Set(['vault', 'vaultName']);

/** What a value position is: a property's value, or a call argument. */
type ValueSlot =
  | { readonly kind: 'property'; readonly property: ts.PropertyAssignment }
  | { readonly kind: 'argument'; readonly call: ts.CallExpression; readonly index: number }
  | { readonly kind: 'array-element'; readonly call: ts.CallExpression };

interface TypedValue {
  readonly replaceRange: TextRange;
  readonly quote: QuoteCharacter | undefined;
  readonly typed: string;
  /** The value's whole range (quotes included), what a header snippet replaces. */
  readonly valueRange: TextRange;
}

/**
 * Which completion fits at `offset` in a (possibly half-typed) file: a vault name, a key name with its
 * sibling vault, or a whole `{ vault, key }` header value. Undefined anywhere else.
 */
export function completionContextAt(sourceFile: ts.SourceFile, offset: number): CompletionContext | undefined {
  const node = innermostNodeAt(sourceFile, offset);
  if (isStringLikeLiteral(node)) {
    const content = literalContentRange(node, sourceFile);
    if (offset < content.start || offset > content.end) return undefined;
    const template = secretTemplateCompletionContext(node, sourceFile, offset);
    if (template) return template;
    return contextForSlot(slotOfValue(node), literalValue(node, sourceFile, offset), sourceFile);
  }
  if (ts.isIdentifier(node) && node.parent && (isValueOfProperty(node) || ts.isCallExpression(node.parent))) {
    const range = { start: node.getStart(sourceFile), end: node.end };
    const typed = { replaceRange: range, quote: undefined, typed: sourceFile.text.slice(range.start, offset), valueRange: range };
    return contextForSlot(slotOfValue(node), typed, sourceFile);
  }
  const structural = structuralContext(sourceFile, node, offset);
  if (structural) return structural;
  // Half-typed code often ends a node before the blanks the cursor follows: `getSecret("v", |` at EOF.
  const trimmedOffset = offset - (/[ \t\r\n]*$/.exec(sourceFile.text.slice(Math.max(0, offset - 200), offset))?.[0].length ?? 0);
  if (trimmedOffset === offset) return undefined;
  return structuralContext(sourceFile, innermostNodeAt(sourceFile, trimmedOffset), offset);
}

/** Contexts at a position with no value typed yet: after a colon, between parentheses, in a keys array. */
function structuralContext(sourceFile: ts.SourceFile, node: ts.Node, offset: number): CompletionContext | undefined {
  if (ts.isPropertyAssignment(node) && awaitsValueAt(node, sourceFile, offset)) {
    return contextForSlot({ kind: 'property', property: node }, emptyValueAt(offset), sourceFile);
  }
  if (ts.isObjectLiteralExpression(node)) {
    if (node.properties.length === 0 && node.parent && ts.isPropertyAssignment(node.parent)) {
      // `Authorization: {|}` — the user opened the object a header snippet would write.
      const range = { start: node.getStart(sourceFile), end: node.end };
      const context = contextForSlot(
        { kind: 'property', property: node.parent },
        { replaceRange: range, quote: undefined, typed: '', valueRange: range },
        sourceFile,
      );
      if (context?.kind === 'header-value') return context;
    }
    const property = propertyAwaitingValue(node, sourceFile, offset);
    if (property) return contextForSlot({ kind: 'property', property }, emptyValueAt(offset), sourceFile);
  }
  if (ts.isCallExpression(node)) {
    const index = argumentIndexAt(node, sourceFile, offset);
    if (index !== undefined && !node.arguments.some((argument) => argument.getStart(sourceFile) <= offset && offset <= argument.end && argument.end > argument.pos)) {
      return contextForSlot({ kind: 'argument', call: node, index }, emptyValueAt(offset), sourceFile);
    }
  }
  if (ts.isArrayLiteralExpression(node)) {
    const array = outermostWrapper(node);
    if (array.parent && ts.isCallExpression(array.parent) && array.parent.arguments[1] === array) {
      return contextForSlot({ kind: 'array-element', call: array.parent }, emptyValueAt(offset), sourceFile);
    }
  }
  return undefined;
}

function literalValue(node: StringLikeLiteral, sourceFile: ts.SourceFile, offset: number): TypedValue {
  let content = literalContentRange(node, sourceFile);
  if (node.isUnterminated) {
    // An unterminated literal runs to the line's end, over code typed after it: replace only the name.
    const nameAfterCursor = /^[A-Za-z0-9_-]*/.exec(sourceFile.text.slice(offset, content.end))?.[0] ?? '';
    content = { start: content.start, end: offset + nameAfterCursor.length };
  }
  return {
    replaceRange: content,
    quote: literalQuote(node, sourceFile),
    typed: sourceFile.text.slice(content.start, offset),
    valueRange: { start: node.getStart(sourceFile), end: node.end },
  };
}

function emptyValueAt(offset: number): TypedValue {
  return { replaceRange: { start: offset, end: offset }, quote: undefined, typed: '', valueRange: { start: offset, end: offset } };
}

function isValueOfProperty(node: ts.Node): boolean {
  return node.parent !== undefined && ts.isPropertyAssignment(node.parent) && node.parent.initializer === node;
}

function slotOfValue(written: ts.Node): ValueSlot | undefined {
  // `"k" as const`, `(["a", "b"] as const)`: the slot is where the outermost wrapper sits.
  const node = outermostWrapper(written);
  const parent = node.parent;
  if (!parent) return undefined;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return { kind: 'property', property: parent };
  if (ts.isCallExpression(parent)) {
    const index = parent.arguments.indexOf(node as ts.Expression);
    if (index >= 0) return { kind: 'argument', call: parent, index };
  }
  if (ts.isArrayLiteralExpression(parent)) {
    const array = outermostWrapper(parent);
    if (array.parent && ts.isCallExpression(array.parent) && array.parent.arguments[1] === array) return { kind: 'array-element', call: array.parent };
  }
  return undefined;
}

function contextForSlot(slot: ValueSlot | undefined, value: TypedValue, sourceFile: ts.SourceFile): CompletionContext | undefined {
  if (!slot) return undefined;
  const { replaceRange, quote, typed } = value;
  if (slot.kind === 'property') {
    const name = propertyNameText(slot.property.name);
    if (name === undefined) return undefined;
    if (VAULT_PROPERTIES.has(name)) return { kind: 'vault', replaceRange, quote, typed };
    const vaultProperty = VAULT_PROPERTY_OF_KEY[name];
    const object = slot.property.parent;
    if (vaultProperty && ts.isObjectLiteralExpression(object)) {
      const vault = completeLiteralValue(unwrapExpression(findProperty(object, vaultProperty)?.initializer));
      return { kind: 'key', vault, replaceRange, quote, typed };
    }
    if (isExecutorHeaders(object)) {
      const suffix = startsAnotherProperty(sourceFile.text, value.valueRange.end) ? ',' : '';
      return { kind: 'header-value', headerName: name, replaceRange: value.valueRange, quote: undefined, typed, suffix };
    }
    return undefined;
  }
  const form = callForm(slot.call);
  if (!form) return undefined;
  const vault = completeLiteralValue(unwrapExpression(slot.call.arguments[0]));
  if (slot.kind === 'array-element') return takesKeyArray(form) ? { kind: 'key', vault, replaceRange, quote, typed } : undefined;
  if (slot.index === 0) return { kind: 'vault', replaceRange, quote, typed };
  if (slot.index === 1 && takesSingleKey(form)) return { kind: 'key', vault, replaceRange, quote, typed };
  return undefined;
}

/** A `headers: { … }` object outside any function body: an executor webhook's headers, not a fetch call's. */
export function isExecutorHeaders(object: ts.Node): object is ts.ObjectLiteralExpression {
  const owner = outermostWrapper(object).parent;
  return (
    ts.isObjectLiteralExpression(object) &&
    owner !== undefined &&
    ts.isPropertyAssignment(owner) &&
    propertyNameText(owner.name) === 'headers' &&
    enclosingFunctionBody(object) === undefined
  );
}

/**
 * `"X-Other": |` typed above an existing line: the parser takes the next line's first token as the value,
 * so the property spans the cursor although no value is typed between its colon and the cursor.
 */
function awaitsValueAt(property: ts.PropertyAssignment, sourceFile: ts.SourceFile, offset: number): boolean {
  if (!/^[ \t]*:[ \t]*$/.test(sourceFile.text.slice(property.name.end, offset))) return false;
  const initializer = property.initializer;
  if (initializer.end <= initializer.pos) return true;
  const valueStart = initializer.getStart(sourceFile);
  return valueStart > offset && sourceFile.text.slice(offset, valueStart).includes('\n');
}

/** Blanks and comments, then what follows: a snippet needs a comma after it unless the object ends or a comma is already there. */
function startsAnotherProperty(text: string, offset: number): boolean {
  const next = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(.?)/.exec(text.slice(offset))?.[1] ?? '';
  return next !== '' && next !== ',' && next !== '}';
}

/** `{ vault: | }`: the property whose colon the cursor follows, with only blanks between. */
function propertyAwaitingValue(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile, offset: number): ts.PropertyAssignment | undefined {
  let candidate: ts.PropertyAssignment | undefined;
  for (const property of object.properties) {
    if (property.getStart(sourceFile) >= offset) break;
    candidate = ts.isPropertyAssignment(property) ? property : undefined;
  }
  if (!candidate) return undefined;
  if (!/^[ \t]*:[ \t]*$/.test(sourceFile.text.slice(candidate.name.end, offset))) return undefined;
  return candidate;
}

/** Which argument the cursor is in, counting the commas before it; undefined outside the parentheses. */
function argumentIndexAt(call: ts.CallExpression, sourceFile: ts.SourceFile, offset: number): number | undefined {
  let index: number | undefined;
  for (const child of call.getChildren(sourceFile)) {
    if (child.kind === ts.SyntaxKind.OpenParenToken) {
      if (child.end > offset) return undefined;
      index = 0;
    } else if (child.kind === ts.SyntaxKind.SyntaxList && index !== undefined) {
      for (const item of child.getChildren(sourceFile)) {
        if (item.kind === ts.SyntaxKind.CommaToken && item.end <= offset) index += 1;
      }
    } else if (child.kind === ts.SyntaxKind.CloseParenToken && child.getStart(sourceFile) < offset && child.end > child.pos) {
      return undefined;
    }
  }
  return index;
}
