import { SecretManagerError } from '../model';
import { LEAK_CHECK_COMMAND, markedBlock } from './hook-block';

const TOP_LEVEL_KEY = /^[^\s#-][^:]*:/;

/** The line index after which a top-level section's lines end (the next top-level key, or the end). */
function sectionEnd(lines: readonly string[], start: number): number {
  for (let index = start + 1; index < lines.length; index += 1) if (TOP_LEVEL_KEY.test(lines[index])) return index;
  return lines.length;
}

function withTrailingNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function insertAfter(lines: string[], index: number, block: string): string {
  const before = lines.slice(0, index + 1).join('\n');
  const after = lines.slice(index + 1).join('\n');
  return `${before}\n${block}${after}`;
}

/**
 * lefthook.yml with a `secret-manager-leak-check` command under `pre-commit: commands:`; the
 * sections are added (inside the block) when the file has none.
 */
export function addToLefthookConfig(text: string): string {
  const lines = text.split('\n');
  const preCommit = lines.findIndex((line) => /^pre-commit:\s*(#.*)?$/.test(line));
  if (preCommit === -1) {
    return `${withTrailingNewline(text)}${markedBlock(['pre-commit:', '  commands:', '    secret-manager-leak-check:', `      run: ${LEAK_CHECK_COMMAND}`])}`;
  }
  const end = sectionEnd(lines, preCommit);
  const commands = lines.slice(preCommit + 1, end).findIndex((line) => /^\s+commands:\s*(#.*)?$/.test(line));
  if (commands === -1) {
    return insertAfter(lines, preCommit, markedBlock(['commands:', '  secret-manager-leak-check:', `    run: ${LEAK_CHECK_COMMAND}`], '  '));
  }
  const commandsLine = preCommit + 1 + commands;
  const indent = /^\s+/.exec(lines[commandsLine])![0];
  return insertAfter(lines, commandsLine, markedBlock(['secret-manager-leak-check:', `  run: ${LEAK_CHECK_COMMAND}`], `${indent}${indent}`));
}

/** .pre-commit-config.yaml with a local hook running the leak check, first in its `repos:` list. */
export function addToPreCommitConfig(text: string): string {
  const lines = text.split('\n');
  const repos = lines.findIndex((line) => /^repos:\s*(#.*)?$/.test(line));
  const hook = ['- repo: local', '  hooks:', '    - id: secret-manager-leak-check', '      name: secret-manager leak check', `      entry: ${LEAK_CHECK_COMMAND}`, '      language: system', '      pass_filenames: false', '      always_run: true'];
  if (repos === -1) {
    if (/^repos:/m.test(text)) {
      throw new SecretManagerError('invalid-input', '.pre-commit-config.yaml writes its repos list in flow style ("repos: [...]"), which the hook cannot be added to.', 'Write repos as a block list ("repos:" then "- repo: …" lines), or add the hook by hand.');
    }
    return `${withTrailingNewline(text)}${markedBlock(['repos:', ...hook.map((line) => `  ${line}`)])}`;
  }
  const firstItem = lines.slice(repos + 1).find((line) => /^\s*- /.test(line));
  const indent = firstItem ? /^\s*/.exec(firstItem)![0] : '  ';
  return insertAfter(lines, repos, markedBlock(hook, indent));
}
