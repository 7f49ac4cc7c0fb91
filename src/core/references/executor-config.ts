import ts from 'typescript';
import { parseSource } from './parse';
import { completeLiteralValue, propertyNameText, unwrapExpression as unwrap } from './syntax';
import type { ConfigFileSet, ConfigSection, ExecutorConfig } from './types';

const SECTIONS: ReadonlySet<string> = new Set<ConfigSection>(['executor', 'resolver', 'workflow', 'httpAdapter']);

/** The literal strings of an array, or undefined when it is not an array or holds anything dynamic. */
function literalStrings(node: ts.Expression | undefined): string[] | undefined {
  if (!node) return undefined;
  const array = unwrap(node);
  if (!ts.isArrayLiteralExpression(array)) return undefined;
  const values: string[] = [];
  for (const element of array.elements) {
    const value = completeLiteralValue(element);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}


interface SectionGlobs {
  readonly fileSets: ConfigFileSet[];
  unread: boolean;
}

/**
 * Collects every object with `files` in a section: `executor: { files, ignores }` or, one per
 * namespace, `resolver: { main: { files, ignores } }`. Each keeps its own ignores, as the SDK does.
 */
function collectFileSets(section: ConfigSection, node: ts.Expression, into: SectionGlobs): void {
  const object = unwrap(node);
  if (!ts.isObjectLiteralExpression(object)) return;
  let files: ts.Expression | undefined;
  let ignores: ts.Expression | undefined;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) {
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'files') into.unread = true;
      continue;
    }
    const name = propertyNameText(property.name);
    if (name === 'files') files = property.initializer;
    else if (name === 'ignores') ignores = property.initializer;
    else collectFileSets(section, property.initializer, into);
  }
  if (files === undefined) return;
  const fileGlobs = literalStrings(files);
  if (fileGlobs === undefined) {
    into.unread = true;
    return;
  }
  into.fileSets.push({ section, files: fileGlobs, ignores: ignores === undefined ? undefined : literalStrings(ignores) });
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

/**
 * Reads tailor.config.ts's `files` and `ignores` globs without running it. A section whose globs are
 * not literal strings is listed in `unreadSections`; ignores that are not literal count as unset.
 */
export function parseExecutorConfig(text: string, fileName = 'tailor.config.ts'): ExecutorConfig {
  const object = configObject(parseSource(fileName, text));
  const fileSets: ConfigFileSet[] = [];
  const unreadSections: ConfigSection[] = [];
  for (const property of object?.properties ?? []) {
    const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? propertyNameText(property.name) : undefined;
    if (name === undefined || !SECTIONS.has(name)) continue;
    const section = name as ConfigSection;
    if (!ts.isPropertyAssignment(property)) {
      unreadSections.push(section);
      continue;
    }
    const globs: SectionGlobs = { fileSets, unread: false };
    collectFileSets(section, property.initializer, globs);
    if (globs.unread || !ts.isObjectLiteralExpression(unwrap(property.initializer))) unreadSections.push(section);
  }
  return { fileSets, unreadSections };
}
