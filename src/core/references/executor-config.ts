import ts from 'typescript';
import { parseSource } from './parse';
import { completeLiteralValue, isExpressionWrapper, propertyNameText, unwrapExpression as unwrap } from './syntax';
import type { ExecutorConfig } from './types';

interface GlobLists {
  files: string[] | undefined;
  ignores: string[];
}

/** The literal strings of an array, or undefined when it is not an array or holds anything dynamic. */
function literalStrings(node: ts.Expression | undefined): string[] | undefined {
  if (!node || !ts.isArrayLiteralExpression(node)) return undefined;
  const values: string[] = [];
  for (const element of node.elements) {
    const value = completeLiteralValue(element);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** Collects `files` and `ignores` anywhere in a section: `executor: { files }` or `resolver: { ns: { files } }`. */
function collectGlobs(node: ts.Node, into: GlobLists): void {
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const name = propertyNameText(property.name);
      const strings = name === 'files' || name === 'ignores' ? literalStrings(property.initializer) : undefined;
      if (name === 'files' && strings) into.files = [...(into.files ?? []), ...strings];
      else if (name === 'ignores' && strings) into.ignores.push(...strings);
      else collectGlobs(property.initializer, into);
    }
  } else if (isExpressionWrapper(node)) {
    collectGlobs(unwrap(node), into);
  }
}

/** The config object: `defineConfig({ … })`, or an exported object literal. */
function configObject(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineConfig') {
      const [argument] = node.arguments;
      const object = argument && unwrap(argument);
      if (object && ts.isObjectLiteralExpression(object)) found = object;
      return;
    }
    if (ts.isExportAssignment(node)) {
      const expression = unwrap(node.expression);
      if (ts.isObjectLiteralExpression(expression)) {
        found = expression;
        return;
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}

/** Reads tailor.config.ts's file globs without running it. Sections it cannot read statically are left out. */
export function parseExecutorConfig(text: string, fileName = 'tailor.config.ts'): ExecutorConfig {
  const object = configObject(parseSource(fileName, text));
  const executor: GlobLists = { files: undefined, ignores: [] };
  const functions: GlobLists = { files: undefined, ignores: [] };
  for (const property of object?.properties ?? []) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = propertyNameText(property.name);
    if (name === 'executor') collectGlobs(property.initializer, executor);
    else if (name === 'workflow' || name === 'resolver') collectGlobs(property.initializer, functions);
  }
  return {
    executorFiles: executor.files,
    executorIgnores: executor.ignores,
    functionFiles: functions.files ?? [],
    functionIgnores: functions.ignores,
  };
}
