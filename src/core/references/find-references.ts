import ts from 'typescript';
import {
  calleeName,
  completeLiteralValue,
  isStringLikeLiteral,
  literalContentRange,
  propertyNameContentRange,
  propertyNameText,
  receiverName,
} from './syntax';
import type { FoundReference, ReferenceForm, TextRange } from './types';

interface ObjectShape {
  readonly vaultProperty: string;
  readonly keyProperty: string;
  readonly form: ReferenceForm;
}

const OBJECT_SHAPES: readonly ObjectShape[] = [
  { vaultProperty: 'vault', keyProperty: 'key', form: 'vault-key-object' },
  { vaultProperty: 'vaultName', keyProperty: 'secretKey', form: 'vault-name-secret-key-object' },
];

/** Which calls take (vault, key) or (vault, [keys]), by receiver and method name. */
export function callForm(call: ts.CallExpression): ReferenceForm | undefined {
  const method = calleeName(call.expression);
  const receiver = receiverName(call.expression);
  if (receiver === 'secretmanager') {
    if (method === 'getSecret') return 'get-secret';
    if (method === 'getSecrets') return 'get-secrets';
  }
  if (receiver === 'secrets') {
    if (method === 'get') return 'secrets-get';
    if (method === 'getAll') return 'secrets-get-all';
  }
  return undefined;
}

function range(node: ts.Node, sourceFile: ts.SourceFile): TextRange {
  return { start: node.getStart(sourceFile), end: node.end };
}

/** `{ vault: "v", key: "k" }` with exactly these two properties, both literal strings. */
function objectReference(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile): FoundReference | undefined {
  if (object.properties.length !== 2) return undefined;
  for (const shape of OBJECT_SHAPES) {
    let vault: ts.Expression | undefined;
    let key: ts.Expression | undefined;
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property)) return undefined;
      const name = propertyNameText(property.name);
      if (name === shape.vaultProperty) vault = property.initializer;
      else if (name === shape.keyProperty) key = property.initializer;
    }
    const found = literalReference(vault, key, shape.form, object, sourceFile);
    if (found) return found;
  }
  return undefined;
}

/** The reference that `vaultNode` and `keyNode` name when both are complete string literals; it spans `whole`. */
function literalReference(
  vaultNode: ts.Expression | undefined,
  keyNode: ts.Expression | undefined,
  form: ReferenceForm,
  whole: ts.Node,
  sourceFile: ts.SourceFile,
): FoundReference | undefined {
  const vault = completeLiteralValue(vaultNode);
  const key = completeLiteralValue(keyNode);
  if (vault === undefined || key === undefined || !isStringLikeLiteral(vaultNode) || !isStringLikeLiteral(keyNode)) return undefined;
  return {
    vault,
    key,
    form,
    vaultRange: literalContentRange(vaultNode, sourceFile),
    keyRange: literalContentRange(keyNode, sourceFile),
    range: range(whole, sourceFile),
    isDeclaration: false,
  };
}

function callReferences(call: ts.CallExpression, sourceFile: ts.SourceFile): FoundReference[] {
  const form = callForm(call);
  if (!form) return [];
  const [vaultArgument, keysArgument] = call.arguments;
  const keyNodes =
    form === 'get-secret' || form === 'secrets-get'
      ? [keysArgument]
      : keysArgument && ts.isArrayLiteralExpression(keysArgument)
        ? [...keysArgument.elements]
        : [];
  return keyNodes.flatMap((keyNode) => literalReference(vaultArgument, keyNode, form, call, sourceFile) ?? []);
}

/** `defineSecretManager({ vault: { key: value } })`: every key property declares vault/key. */
function declarationReferences(call: ts.CallExpression, sourceFile: ts.SourceFile): FoundReference[] {
  if (calleeName(call.expression) !== 'defineSecretManager') return [];
  const [declarations] = call.arguments;
  if (!declarations || !ts.isObjectLiteralExpression(declarations)) return [];
  const found: FoundReference[] = [];
  for (const vaultProperty of declarations.properties) {
    if (!ts.isPropertyAssignment(vaultProperty) || !ts.isObjectLiteralExpression(vaultProperty.initializer)) continue;
    const vault = propertyNameText(vaultProperty.name);
    if (vault === undefined) continue;
    for (const keyProperty of vaultProperty.initializer.properties) {
      if (!ts.isPropertyAssignment(keyProperty) && !ts.isShorthandPropertyAssignment(keyProperty)) continue;
      const key = propertyNameText(keyProperty.name);
      if (key === undefined) continue;
      found.push({
        vault,
        key,
        form: 'declaration',
        vaultRange: propertyNameContentRange(vaultProperty.name, sourceFile),
        keyRange: propertyNameContentRange(keyProperty.name, sourceFile),
        range: range(keyProperty, sourceFile),
        isDeclaration: true,
      });
    }
  }
  return found;
}

/** Every reference in the tree, in source order. Dynamic names (variables, templates with `${}`) are skipped. */
export function findReferences(sourceFile: ts.SourceFile): FoundReference[] {
  const found: FoundReference[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const reference = objectReference(node, sourceFile);
      if (reference) found.push(reference);
    } else if (ts.isCallExpression(node)) {
      found.push(...callReferences(node, sourceFile), ...declarationReferences(node, sourceFile));
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}
