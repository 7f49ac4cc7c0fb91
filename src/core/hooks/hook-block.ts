// The marked block that `hook install` adds to a hook file and `hook uninstall` takes out again.
// Everything outside the markers belongs to someone else and is left byte for byte.

export const BLOCK_START = '# >>> secret-manager pre-commit leak check (remove with: secret-manager hook uninstall) >>>';
export const BLOCK_END = '# <<< secret-manager pre-commit leak check <<<';

/** The command the hook runs: the CLI on the PATH, or the project's own through npx. */
export const LEAK_CHECK_SHELL = [
  'if command -v secret-manager >/dev/null 2>&1; then',
  '  secret-manager scan --staged || exit $?',
  'else',
  '  npx --no-install secret-manager scan --staged || exit $?',
  'fi',
];

/** The same, as one line for a YAML `run:`/`entry:` field. */
export const LEAK_CHECK_COMMAND = 'sh -c \'if command -v secret-manager >/dev/null 2>&1; then exec secret-manager scan --staged; else exec npx --no-install secret-manager scan --staged; fi\'';

/** What a shell hook that install creates starts with. */
export const NEW_SHELL_HOOK_START = '#!/bin/sh\n';

export function hasBlock(text: string): boolean {
  return text.includes(BLOCK_START);
}

/** `lines` between the markers, each indented by `indent`, with a line break after each. */
export function markedBlock(lines: readonly string[], indent = ''): string {
  return [BLOCK_START, ...lines, BLOCK_END].map((line) => `${line === '' ? '' : indent}${line}\n`).join('');
}

/**
 * A shell hook with the block added right after its `#!` line, or at the top when it has none: a
 * hook that ends in `exec other-tool` never comes back, so a block after it would never run.
 */
export function addToShellHook(text: string): string {
  if (text === '') return `${NEW_SHELL_HOOK_START}${markedBlock(LEAK_CHECK_SHELL)}`;
  if (!text.startsWith('#!')) return `${markedBlock(LEAK_CHECK_SHELL)}${text}`;
  const firstLineEnd = text.indexOf('\n');
  if (firstLineEnd === -1) return `${text}\n${markedBlock(LEAK_CHECK_SHELL)}`;
  return `${text.slice(0, firstLineEnd + 1)}${markedBlock(LEAK_CHECK_SHELL)}${text.slice(firstLineEnd + 1)}`;
}

/** The text with every marked block (markers included) taken out; the rest as it was. */
export function removeBlock(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const kept: string[] = [];
  let inside = false;
  for (const line of lines) {
    const content = line.trim();
    if (!inside && content === BLOCK_START) inside = true;
    else if (inside && content === BLOCK_END) inside = false;
    else if (!inside) kept.push(line);
  }
  return kept.join('');
}
