import ts from 'typescript';
import { calleeName, propertyNameText } from './syntax';
import type { TextEdit } from './types';

/** The edits that add `"key": process.env.NAME!` to the vault's object in a `defineSecretManager` call. */
export interface DeclarationEdit {
  readonly edits: readonly TextEdit[];
  /** The new property's text, as inserted. */
  readonly propertyText: string;
}

function withoutWrappers(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** The object that declares `vault`'s keys, in the first `defineSecretManager` call that declares it. */
export function declaredVaultObject(sourceFile: ts.SourceFile, vault: string): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && calleeName(node.expression) === 'defineSecretManager' && node.arguments[0]) {
      const declarations = withoutWrappers(node.arguments[0]);
      if (ts.isObjectLiteralExpression(declarations)) {
        for (const property of declarations.properties) {
          if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== vault) continue;
          const keys = withoutWrappers(property.initializer);
          if (ts.isObjectLiteralExpression(keys)) found = keys;
          return;
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** The blanks before `node` when it is the first thing on its line, else undefined. */
function indentationOf(node: ts.Node, sourceFile: ts.SourceFile): string | undefined {
  const start = node.getStart(sourceFile);
  const before = sourceFile.text.slice(lineStart(sourceFile.text, start), start);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The new property, written the way its siblings are: their quote, and `!` when they use it (TypeScript only). */
function propertyText(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile, key: string, environmentVariable: string): string {
  const siblings = object.properties.filter(ts.isPropertyAssignment);
  const quotedName = siblings.map((sibling) => sibling.name).find((name) => ts.isStringLiteral(name));
  const quote = quotedName && sourceFile.text[quotedName.getStart(sourceFile)] === "'" ? "'" : '"';
  const isTypeScript = /\.[cm]?tsx?$/i.test(sourceFile.fileName);
  const nonNull = isTypeScript && (siblings.length === 0 || siblings.some((sibling) => ts.isNonNullExpression(sibling.initializer)));
  return `${quote}${key}${quote}: process.env.${environmentVariable}${nonNull ? '!' : ''}`;
}

/**
 * How to add `key` to `vault`'s declaration, read from `environmentVariable` at deploy time: after the last
 * key, on a line of its own with the same indentation when the keys are one per line, keeping the object's
 * trailing-comma style. Undefined when no `defineSecretManager` in the file declares the vault.
 */
export function planDeclarationEdit(sourceFile: ts.SourceFile, vault: string, key: string, environmentVariable: string): DeclarationEdit | undefined {
  const object = declaredVaultObject(sourceFile, vault);
  if (!object) return undefined;
  const text = sourceFile.text;
  const property = propertyText(object, sourceFile, key, environmentVariable);
  const last = object.properties.at(-1);
  if (!last) {
    const open = object.getStart(sourceFile) + 1;
    return { propertyText: property, edits: [{ range: { start: open, end: object.end - 1 }, newText: ` ${property} ` }] };
  }
  const hasTrailingComma = object.properties.hasTrailingComma;
  const afterLast = hasTrailingComma ? text.indexOf(',', last.end) + 1 : last.end;
  const indentation = indentationOf(last, sourceFile);
  if (indentation === undefined) {
    // All on one line: `{ "a": x }` → `{ "a": x, "new-key": … }`.
    return { propertyText: property, edits: [{ range: { start: afterLast, end: afterLast }, newText: hasTrailingComma ? ` ${property},` : `, ${property}` }] };
  }
  // One key per line: the new line goes after anything that ends the last key's line, such as a comment.
  const endOfLine = lineEnd(text, afterLast) < object.end - 1 ? lineEnd(text, afterLast) : afterLast;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const insertion: TextEdit = { range: { start: endOfLine, end: endOfLine }, newText: `${newline}${indentation}${property}${hasTrailingComma ? ',' : ''}` };
  if (hasTrailingComma) return { propertyText: property, edits: [insertion] };
  if (endOfLine === last.end) return { propertyText: property, edits: [{ ...insertion, newText: `,${insertion.newText}` }] };
  const edits = [{ range: { start: last.end, end: last.end }, newText: ',' }, insertion];
  return { propertyText: property, edits };
}
