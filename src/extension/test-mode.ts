/** vscode.ExtensionMode.Test, as a literal so that this module loads without VS Code (unit tests). */
export const EXTENSION_MODE_TEST = 3;

/**
 * Whether the test hooks (commands that look inside and pre-answer prompts, consent included) exist:
 * only when VS Code runs the extension under its test runner (extensionDevelopmentPath with
 * extensionTestsPath), never because of something a shipped build could be given, such as an environment variable.
 */
export function isTestMode(extensionMode: number): boolean {
  return extensionMode === EXTENSION_MODE_TEST;
}
