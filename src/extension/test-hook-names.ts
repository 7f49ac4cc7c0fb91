/** The test-only commands (secretManager._test.<name>); see test-hooks.ts. */
export const TEST_HOOK_NAMES = [
  'useStoreHome',
  'setPromptAnswers',
  'clearPrompts',
  'shownPrompts',
  'treeSnapshot',
  'logLines',
  'revealState',
  'revealToggle',
  'waitForClipboardClear',
  'dragText',
  'treeRefreshes',
  'treeViewVisible',
] as const;
export type TestHookName = (typeof TEST_HOOK_NAMES)[number];
