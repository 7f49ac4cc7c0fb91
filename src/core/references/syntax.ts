// Small helpers over TypeScript's syntax tree. Only modules bundled into dist/parser.js import this.
import ts from 'typescript';
import type { QuoteCharacter, TextRange } from './types';

export type StringLikeLiteral = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

export function isStringLikeLiteral(node: ts.Node | undefined): node is StringLikeLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
}

export type ExpressionWrapper =
  | ts.AsExpression
  | ts.SatisfiesExpression
  | ts.TypeAssertion
  | ts.NonNullExpression
  | ts.ParenthesizedExpression;

/** `x as T`, `x satisfies T`, `<T>x`, `x!` and `(x)`: wrappers that leave x's value as it is. */
export function isExpressionWrapper(node: ts.Node): node is ExpressionWrapper {
  return (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isParenthesizedExpression(node)
  );
}

/** The expression inside any number of wrappers: `(["a"] as const)!` → `["a"]`. */
export function unwrapExpression<Node extends ts.Node | undefined>(node: Node): Node | ts.Expression {
  let current: ts.Node | undefined = node;
  while (current && isExpressionWrapper(current)) current = current.expression;
  return current as Node | ts.Expression;
}

/** The outermost wrapper around `node` (`node` itself when it has none): what sits in the argument or property. */
export function outermostWrapper(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && isExpressionWrapper(current.parent) && current.parent.expression === current) current = current.parent;
  return current;
}

/** The literal's value, or undefined when it is not a complete string literal. */
export function completeLiteralValue(node: ts.Node | undefined): string | undefined {
  if (!isStringLikeLiteral(node) || node.isUnterminated) return undefined;
  return node.text;
}

/** The text between the quotes (up to the line's end for an unterminated literal). */
export function literalContentRange(node: StringLikeLiteral, sourceFile: ts.SourceFile): TextRange {
  const start = node.getStart(sourceFile) + 1;
  const end = node.isUnterminated ? Math.max(start, node.end) : node.end - 1;
  return { start, end };
}

export function literalQuote(node: StringLikeLiteral, sourceFile: ts.SourceFile): QuoteCharacter {
  const character = sourceFile.text[node.getStart(sourceFile)];
  return character === "'" || character === '`' ? character : '"';
}

/** The static name of a property: `name`, `"name"`, `'name'`, `name: …` — undefined for computed names. */
export function propertyNameText(name: ts.PropertyName | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The range of a property name's text, without quotes. */
export function propertyNameContentRange(name: ts.PropertyName, sourceFile: ts.SourceFile): TextRange {
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return literalContentRange(name, sourceFile);
  return { start: name.getStart(sourceFile), end: name.end };
}

/** The right-most name of a callee: `getSecret` for `tailor.secretmanager.getSecret`, `define` for `define`. */
export function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isElementAccessExpression(expression)) return completeLiteralValue(expression.argumentExpression);
  if (isExpressionWrapper(expression)) return calleeName(expression.expression);
  return undefined;
}

/** The receiver's name of a method call: `secretmanager` for `tailor.secretmanager.getSecret`. */
export function receiverName(expression: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) {
    return calleeName(expression.expression);
  }
  return undefined;
}

export function findProperty(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return property;
  }
  return undefined;
}

/** The innermost node whose full span holds `offset`; at a boundary the token that ends there wins. */
export function innermostNodeAt(sourceFile: ts.SourceFile, offset: number): ts.Node {
  let current: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    current.forEachChild((child) => {
      if (next) return true;
      if (offset <= child.end && child.end > child.pos && child.getStart(sourceFile) <= offset) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return current;
    current = next;
  }
}

export function isFunctionLikeWithBody(node: ts.Node): node is ts.FunctionLikeDeclaration & { body: ts.Node } {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node) ||
      ts.isConstructorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** The function whose body holds `node`, or undefined at top level (parameter defaults do not count). */
export function enclosingFunctionBody(node: ts.Node): (ts.FunctionLikeDeclaration & { body: ts.Node }) | undefined {
  let child = node;
  let parent = node.parent;
  while (parent) {
    if (isFunctionLikeWithBody(parent) && parent.body === child) return parent;
    child = parent;
    parent = parent.parent;
  }
  return undefined;
}

/** The nearest call whose callee's right-most name is `name`, walking up from `node`. */
export function enclosingCall(node: ts.Node, name: string): ts.CallExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && calleeName(current.expression) === name) return current;
  }
  return undefined;
}
