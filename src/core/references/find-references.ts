import ts from 'typescript';
import { secretManagerMethod } from './secret-manager-bindings';
import { secretTemplateReferences } from './secret-template';
import {
  calleeName,
  completeLiteralValue,
  isStringLikeLiteral,
  literalContentRange,
  propertyNameContentRange,
  propertyNameText,
  receiverName,
  unwrapExpression,
} from './syntax';
import type { FoundReference, PropertyTypo, ReferenceForm, TextRange } from './types';

interface ObjectShape {
  readonly vaultProperty: string;
  readonly keyProperty: string;
  readonly form: ReferenceForm;
  /** The property the SDK wants instead of keyProperty, when keyProperty is a known mistake. */
  readonly intendedKeyProperty?: string;
}

const OBJECT_SHAPES: readonly ObjectShape[] = [
  { vaultProperty: 'vault', keyProperty: 'key', form: 'vault-key-object' },
  { vaultProperty: 'vaultName', keyProperty: 'secretKey', form: 'vault-name-secret-key-object' },
  { vaultProperty: 'vaultName', keyProperty: 'secretName', form: 'vault-name-secret-name-object', intendedKeyProperty: 'secretKey' },
];

const SECRETS_METHOD_FORMS: ReadonlyMap<string, ReferenceForm> = new Map([
  ['get', 'secrets-get'],
  ['getAll', 'secrets-get-all'],
  ['value', 'secrets-value'],
]);
const SINGLE_KEY_FORMS: ReadonlySet<ReferenceForm> = new Set(['get-secret', 'secrets-get', 'secrets-value']);
const KEY_ARRAY_FORMS: ReadonlySet<ReferenceForm> = new Set(['get-secrets', 'secrets-get-all']);

/** True for the call forms whose second argument is one key, false for those taking an array of keys. */
export function takesSingleKey(form: ReferenceForm): boolean {
  return SINGLE_KEY_FORMS.has(form);
}

export function takesKeyArray(form: ReferenceForm): boolean {
  return KEY_ARRAY_FORMS.has(form);
}

/** Which calls take (vault, key) or (vault, [keys]): secretmanager's methods (however bound) and `secrets`'. */
export function callForm(call: ts.CallExpression): ReferenceForm | undefined {
  const method = secretManagerMethod(call.expression);
  if (method === 'getSecret') return 'get-secret';
  if (method === 'getSecrets') return 'get-secrets';
  const form = SECRETS_METHOD_FORMS.get(calleeName(call.expression) ?? '');
  return form && receiverName(unwrapExpression(call.expression)) === 'secrets' ? form : undefined;
}

function range(node: ts.Node, sourceFile: ts.SourceFile): TextRange {
  return { start: node.getStart(sourceFile), end: node.end };
}

/** `{ vault: "v", key: "k" }` with exactly these two properties, both literal strings. */
function objectReference(object: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile): FoundReference | undefined {
  if (object.properties.length !== 2) return undefined;
  for (const shape of OBJECT_SHAPES) {
    let vault: ts.Expression | undefined;
    let key: ts.PropertyAssignment | undefined;
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property)) return undefined;
      const name = propertyNameText(property.name);
      if (name === shape.vaultProperty) vault = property.initializer;
      else if (name === shape.keyProperty) key = property;
    }
    const found = literalReference(vault, key?.initializer, shape.form, object, sourceFile);
    if (found && key && shape.intendedKeyProperty) {
      const likelyTypo: PropertyTypo = { written: shape.keyProperty, intended: shape.intendedKeyProperty, range: propertyNameContentRange(key.name, sourceFile) };
      return { ...found, likelyTypo };
    }
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
  const vaultLiteral = unwrapExpression(vaultNode);
  const keyLiteral = unwrapExpression(keyNode);
  const vault = completeLiteralValue(vaultLiteral);
  const key = completeLiteralValue(keyLiteral);
  if (vault === undefined || key === undefined || !isStringLikeLiteral(vaultLiteral) || !isStringLikeLiteral(keyLiteral)) return undefined;
  return {
    vault,
    key,
    form,
    vaultRange: literalContentRange(vaultLiteral, sourceFile),
    keyRange: literalContentRange(keyLiteral, sourceFile),
    range: range(whole, sourceFile),
    isDeclaration: false,
  };
}

function callReferences(call: ts.CallExpression, sourceFile: ts.SourceFile): FoundReference[] {
  const form = callForm(call);
  if (!form) return [];
  const [vaultArgument, keysArgument] = call.arguments;
  const keys = unwrapExpression(keysArgument);
  const keyNodes = takesSingleKey(form) ? [keys] : keys && ts.isArrayLiteralExpression(keys) ? [...keys.elements] : [];
  return keyNodes.flatMap((keyNode) => literalReference(vaultArgument, keyNode, form, call, sourceFile) ?? []);
}

/** Each property of `{ k: … }` declares the key k in a vault. */
function declaredKeys(
  keys: ts.Expression | undefined,
  vault: { readonly name: string; readonly range: TextRange },
  form: ReferenceForm,
  sourceFile: ts.SourceFile,
): FoundReference[] {
  const object = unwrapExpression(keys);
  if (!object || !ts.isObjectLiteralExpression(object)) return [];
  const found: FoundReference[] = [];
  for (const keyProperty of object.properties) {
    if (!ts.isPropertyAssignment(keyProperty) && !ts.isShorthandPropertyAssignment(keyProperty)) continue;
    const key = propertyNameText(keyProperty.name);
    if (key === undefined) continue;
    found.push({
      vault: vault.name,
      key,
      form,
      vaultRange: vault.range,
      keyRange: propertyNameContentRange(keyProperty.name, sourceFile),
      range: range(keyProperty, sourceFile),
      isDeclaration: true,
    });
  }
  return found;
}

/** `defineSecretManager({ vault: { key: value } })` and `defineSecret("vault", { key: … })`: declarations. */
function declarationReferences(call: ts.CallExpression, sourceFile: ts.SourceFile): FoundReference[] {
  const name = calleeName(call.expression);
  if (name === 'defineSecret') {
    const vaultLiteral = unwrapExpression(call.arguments[0]);
    const vault = completeLiteralValue(vaultLiteral);
    if (vault === undefined || !isStringLikeLiteral(vaultLiteral)) return [];
    return declaredKeys(call.arguments[1], { name: vault, range: literalContentRange(vaultLiteral, sourceFile) }, 'define-secret', sourceFile);
  }
  if (name !== 'defineSecretManager') return [];
  const declarations = unwrapExpression(call.arguments[0]);
  if (!declarations || !ts.isObjectLiteralExpression(declarations)) return [];
  return declarations.properties.flatMap((vaultProperty) => {
    if (!ts.isPropertyAssignment(vaultProperty)) return [];
    const vault = propertyNameText(vaultProperty.name);
    if (vault === undefined) return [];
    const vaultRange = propertyNameContentRange(vaultProperty.name, sourceFile);
    return declaredKeys(vaultProperty.initializer, { name: vault, range: vaultRange }, 'declaration', sourceFile);
  });
}

/** A string literal that is a value, not a property name or a module's name. */
function isValueLiteral(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  return !ts.isImportDeclaration(parent) && !ts.isExportDeclaration(parent) && !ts.isExternalModuleReference(parent) && !ts.isLiteralTypeNode(parent);
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
    } else if (isStringLikeLiteral(node) && node.text.includes('{{') && isValueLiteral(node)) {
      found.push(...secretTemplateReferences(node, sourceFile));
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}
