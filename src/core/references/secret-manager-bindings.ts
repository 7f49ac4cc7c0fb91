// Which names in a file stand for Tailor's secretmanager client or its methods, resolved through the
// file's own scopes: `const { getSecret } = tailor.secretmanager`, `import { secretmanager as sm }`.
import ts from 'typescript';
import { calleeName, propertyNameText, unwrapExpression } from './syntax';

export type SecretManagerMethod = 'getSecret' | 'getSecrets';

type Binding = { readonly kind: 'client' } | { readonly kind: 'method'; readonly method: SecretManagerMethod };

const RUNTIME_MODULE = '@tailor-platform/sdk/runtime';
const SECRET_MANAGER_MODULE = `${RUNTIME_MODULE}/secretmanager`;
/** Bindings followed through `const a = b` before giving up (a cycle, or a long chain). */
const MAXIMUM_DEPTH = 4;

function asMethod(name: string | undefined): SecretManagerMethod | undefined {
  return name === 'getSecret' || name === 'getSecrets' ? name : undefined;
}

/**
 * The secretmanager method a callee calls: `tailor.secretmanager.getSecret`, `sm.getSecrets` where `sm`
 * is bound to the client, or a bare `getSecret` destructured or imported from it.
 */
export function secretManagerMethod(callee: ts.Expression, depth = 0): SecretManagerMethod | undefined {
  const expression = unwrapExpression(callee);
  if (ts.isIdentifier(expression)) {
    const binding = bindingOf(expression, depth);
    return binding?.kind === 'method' ? binding.method : undefined;
  }
  if (!ts.isPropertyAccessExpression(expression) && !ts.isElementAccessExpression(expression)) return undefined;
  const method = asMethod(calleeName(expression));
  return method && isSecretManagerClient(expression.expression, depth) ? method : undefined;
}

/** `tailor.secretmanager`, `secretmanager`, or a name bound to either. */
export function isSecretManagerClient(expression: ts.Expression, depth = 0): boolean {
  const inner = unwrapExpression(expression);
  if (calleeName(inner) === 'secretmanager') return true;
  return ts.isIdentifier(inner) && bindingOf(inner, depth)?.kind === 'client';
}

/** Whether each tree's text names the client at all; every binding form does, so other files skip the scope walk. */
const namesClient = new WeakMap<ts.SourceFile, boolean>();

function mayBindClient(sourceFile: ts.SourceFile): boolean {
  let names = namesClient.get(sourceFile);
  if (names === undefined) namesClient.set(sourceFile, (names = sourceFile.text.includes('secretmanager')));
  return names;
}

function bindingOf(identifier: ts.Identifier, depth: number): Binding | undefined {
  if (depth >= MAXIMUM_DEPTH || !mayBindClient(identifier.getSourceFile())) return undefined;
  const declared = declarationOf(identifier);
  return declared && bindingOfDeclaration(declared, depth + 1);
}

function bindingOfDeclaration(name: ts.Identifier, depth: number): Binding | undefined {
  const parent = name.parent;
  if (ts.isImportSpecifier(parent)) {
    const module = parent.parent.parent.parent.moduleSpecifier;
    if (!ts.isStringLiteral(module) || !module.text.startsWith(RUNTIME_MODULE)) return undefined;
    const imported = (parent.propertyName ?? parent.name).text;
    if (imported === 'secretmanager') return { kind: 'client' };
    const method = asMethod(imported);
    return method && { kind: 'method', method };
  }
  if (ts.isNamespaceImport(parent)) {
    const module = parent.parent.parent.moduleSpecifier;
    return ts.isStringLiteral(module) && module.text === SECRET_MANAGER_MODULE ? { kind: 'client' } : undefined;
  }
  if (ts.isBindingElement(parent) && ts.isObjectBindingPattern(parent.parent)) {
    const property = parent.propertyName ? propertyNameText(parent.propertyName) : name.text;
    if (property === 'secretmanager') return { kind: 'client' };
    const method = asMethod(property);
    return method && patternHoldsClient(parent.parent, depth) ? { kind: 'method', method } : undefined;
  }
  if (ts.isVariableDeclaration(parent) && parent.name === name && parent.initializer) {
    if (isSecretManagerClient(parent.initializer, depth)) return { kind: 'client' };
    const method = secretManagerMethod(parent.initializer, depth);
    return method && { kind: 'method', method };
  }
  return undefined;
}

/** `{ getSecret } = tailor.secretmanager`, or the nested `{ secretmanager: { getSecret } } = tailor`. */
function patternHoldsClient(pattern: ts.ObjectBindingPattern, depth: number): boolean {
  const owner = pattern.parent;
  if (ts.isVariableDeclaration(owner)) return owner.initializer !== undefined && isSecretManagerClient(owner.initializer, depth);
  if (ts.isBindingElement(owner)) {
    const property = owner.propertyName ? propertyNameText(owner.propertyName) : undefined;
    return property === 'secretmanager';
  }
  return false;
}

/** The identifier that declares `identifier`'s name in the nearest enclosing scope that declares it. */
function declarationOf(identifier: ts.Identifier): ts.Identifier | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    const declared = declaredIn(scope, identifier.text);
    if (declared) return declared;
  }
  return undefined;
}

function declaredIn(scope: ts.Node, name: string): ts.Identifier | undefined {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) return declaredInStatements(scope.statements, name);
  if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) {
      const declared = declaredInStatements(clause.statements, name);
      if (declared) return declared;
    }
    return undefined;
  }
  if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      const declared = declaredInBindingName(parameter.name, name);
      if (declared) return declared;
    }
    return ts.isFunctionExpression(scope) && scope.name?.text === name ? scope.name : undefined;
  }
  if ((ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
    return declaredInDeclarations(scope.initializer.declarations, name);
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) return declaredInBindingName(scope.variableDeclaration.name, name);
  return undefined;
}

function declaredInStatements(statements: readonly ts.Statement[], name: string): ts.Identifier | undefined {
  for (const statement of statements) {
    let declared: ts.Identifier | undefined;
    if (ts.isVariableStatement(statement)) declared = declaredInDeclarations(statement.declarationList.declarations, name);
    else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      declared = statement.name?.text === name ? statement.name : undefined;
    } else if (ts.isImportDeclaration(statement)) declared = declaredInImport(statement, name);
    if (declared) return declared;
  }
  return undefined;
}

function declaredInDeclarations(declarations: readonly ts.VariableDeclaration[], name: string): ts.Identifier | undefined {
  for (const declaration of declarations) {
    const declared = declaredInBindingName(declaration.name, name);
    if (declared) return declared;
  }
  return undefined;
}

function declaredInBindingName(binding: ts.BindingName, name: string): ts.Identifier | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? binding : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const declared = declaredInBindingName(element.name, name);
    if (declared) return declared;
  }
  return undefined;
}

function declaredInImport(statement: ts.ImportDeclaration, name: string): ts.Identifier | undefined {
  const clause = statement.importClause;
  if (!clause) return undefined;
  if (clause.name?.text === name) return clause.name;
  const bindings = clause.namedBindings;
  if (!bindings) return undefined;
  if (ts.isNamespaceImport(bindings)) return bindings.name.text === name ? bindings.name : undefined;
  return bindings.elements.find((element) => element.name.text === name)?.name;
}
