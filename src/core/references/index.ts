// The references feature's public surface. Nothing here loads TypeScript's parser until it is used.
export * from './types';
export { loadParser, setParserLoader, type Parser } from './load-parser';
export { checkReferences, knownSecretsFrom, suggestionEdit, type CheckOptions, type KnownSecrets, type ReferenceProblem } from './check-references';
export { buildCompletionItems, type CompletionMetadata, type ReferenceCompletionItem } from './completion-items';
export { editDistance, suggestClosest } from './suggest';
export { suggestSecretKeyName, toKebabCase, type SecretKeyNameHints } from './secret-key-name';
export { replacementEdits, replacementText } from './replacement-text';
export {
  CONFIG_FILE_NAMES,
  DEFAULT_EXECUTOR_GLOBS,
  DEFAULT_IGNORE_GLOBS,
  configFiles,
  executorFilesOf,
  isSourceFile,
  listConfigFiles,
  resolveExecutorFiles,
  type ConfigFileKind,
  type ConfigFiles,
  type ExecutorFiles,
} from './executor-files';
export { ReferenceIndex, type ReferenceLocation } from './reference-index';
export { offsetToPosition, type LinePosition } from './text-position';
export { referenceAt, type ReferencePart } from './reference-at';
export { propertyTypoProblems, type PropertyTypoProblem } from './property-typo';
