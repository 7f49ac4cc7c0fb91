import ts from 'typescript';
import { isExecutorHeaders } from './completion-context';
import {
  completeLiteralValue,
  enclosingCall,
  enclosingFunctionBody,
  findProperty,
  innermostNodeAt,
  isStringLikeLiteral,
  propertyNameText,
} from './syntax';
import type { ReplacementContextKind, ReplacementPlan, TextEdit, TextRange } from './types';

const AUTH_SECRET_PROPERTIES = new Set(['clientSecret', 'bearerSecret']);

/**
 * Decides how the string literal at `literalRange` (quotes included, or just its contents) is replaced
 * by a reference, from where it sits. Undefined when no string literal is there.
 */
export function planReplacement(sourceFile: ts.SourceFile, literalRange: TextRange): ReplacementPlan | undefined {
  const literal = literalAt(sourceFile, literalRange);
  if (!literal) return undefined;
  const range = { start: literal.getStart(sourceFile), end: literal.end };
  const property = literal.parent && ts.isPropertyAssignment(literal.parent) && literal.parent.initializer === literal ? literal.parent : undefined;
  const propertyName = property ? propertyNameText(property.name) : undefined;
  const executorName = executorNameAround(literal);
  const base = { literalRange: range, executorName, needsAsync: false, asyncEdit: undefined };

  if (property && isExecutorHeaders(property.parent)) {
    return { ...base, context: 'executor-header', ownerName: propertyName };
  }
  if (property && propertyName && AUTH_SECRET_PROPERTIES.has(propertyName) && enclosingCall(literal, 'defineAuth')) {
    return { ...base, context: 'auth-secret', ownerName: propertyName };
  }
  const functionLike = enclosingFunctionBody(literal);
  const ownerName = propertyName ?? variableNameOf(literal);
  if (functionLike) {
    const isAsync = ts.getCombinedModifierFlags(functionLike as ts.Declaration) & ts.ModifierFlags.Async;
    const needsAsync = !isAsync;
    return {
      ...base,
      context: 'function-body',
      ownerName,
      needsAsync,
      asyncEdit: needsAsync && canBeAsync(functionLike) ? addAsyncEdit(functionLike, sourceFile) : undefined,
    };
  }
  return { ...base, context: 'other' as ReplacementContextKind, ownerName };
}

function literalAt(sourceFile: ts.SourceFile, range: TextRange): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  let node: ts.Node | undefined = innermostNodeAt(sourceFile, range.start === range.end ? range.start : range.start + 1);
  while (node && !isStringLikeLiteral(node)) {
    if (node.getStart(sourceFile) < range.start - 1) return undefined;
    node = node.parent;
  }
  if (!node) return undefined;
  const start = node.getStart(sourceFile);
  const covers = (start === range.start && node.end === range.end) || (start + 1 === range.start && node.end - 1 === range.end);
  return covers ? node : undefined;
}

/** `const stripeApiKey = "…"` → "stripeApiKey". */
function variableNameOf(literal: ts.Node): string | undefined {
  const parent = literal.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === literal && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isBinaryExpression(parent) && parent.right === literal) {
    const left = parent.left;
    if (ts.isIdentifier(left)) return left.text;
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
  }
  return undefined;
}

/** The `name` of the createExecutor({ name: "…" }) call around the literal. */
function executorNameAround(literal: ts.Node): string | undefined {
  const call = enclosingCall(literal, 'createExecutor') ?? enclosingCall(literal, 'defineExecutor');
  const options = call?.arguments[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  return completeLiteralValue(findProperty(options, 'name')?.initializer);
}

/** Constructors and accessors cannot be async; the caller must then restructure by hand. */
function canBeAsync(functionLike: ts.FunctionLikeDeclaration): boolean {
  return !ts.isConstructorDeclaration(functionLike) && !ts.isGetAccessorDeclaration(functionLike) && !ts.isSetAccessorDeclaration(functionLike);
}

function addAsyncEdit(functionLike: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): TextEdit {
  // `async` goes after other modifiers (export, static) and before `function`, the name, or the parameters.
  const modifiers = ts.canHaveModifiers(functionLike) ? ts.getModifiers(functionLike) : undefined;
  const lastModifier = modifiers?.[modifiers.length - 1];
  let offset: number;
  if (lastModifier) {
    offset = lastModifier.end;
    return { range: { start: offset, end: offset }, newText: ' async' };
  }
  offset = functionLike.getStart(sourceFile);
  return { range: { start: offset, end: offset }, newText: 'async ' };
}
