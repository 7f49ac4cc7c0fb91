import { forLastText } from './last-text-cache';
import { fencedBlocksOf } from './markdown-fences';

/**
 * Languages of a documentation's code blocks whose values are written bare, as in .env, YAML and
 * shell files (`export API_TOKEN=…`, `password: …`). A block without a language often holds the
 * same (a command's output, a config file).
 */
const CONFIG_LANGUAGES = new Set([
  '',
  'bash',
  'sh',
  'shell',
  'zsh',
  'console',
  'terminal',
  'shell-session',
  'shellsession',
  'sh-session',
  'env',
  'dotenv',
  'properties',
  'ini',
  'toml',
  'yaml',
  'yml',
  'conf',
  'cfg',
  'text',
  'txt',
  'plaintext',
  'docker',
  'dockerfile',
]);

/** reST's directives of a literal block with a language: `.. code-block:: yaml`. */
const REST_CODE_DIRECTIVE = /^([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+-]*)[ \t]*$/gm;

/** A region [start, end) of a text. */
type Region = readonly [number, number];

/** Markdown's and reST's code blocks in a config or shell language, in text order. */
export const configFencesOf = forLastText((text: string): readonly Region[] => {
  const regions: Region[] = [];
  for (const block of fencedBlocksOf(text)) if (CONFIG_LANGUAGES.has(block.language)) regions.push([block.bodyStart, block.bodyEnd]);
  if (text.includes('.. code') || text.includes('.. sourcecode')) regions.push(...restCodeBlocks(text));
  return regions.sort((left, right) => left[0] - right[0]);
});

/** True when `offset` lies inside a Markdown or reST code block of a config or shell language. */
export function isInConfigFence(text: string, offset: number): boolean {
  for (const [start, end] of configFencesOf(text)) {
    if (offset < start) return false;
    if (offset < end) return true;
  }
  return false;
}

/** A reST directive's block: the lines after it (and its options) indented more than the directive. */
function restCodeBlocks(text: string): Region[] {
  const regions: Region[] = [];
  REST_CODE_DIRECTIVE.lastIndex = 0;
  for (let directive = REST_CODE_DIRECTIVE.exec(text); directive !== null; directive = REST_CODE_DIRECTIVE.exec(text)) {
    const [, indent, language] = directive;
    if (!CONFIG_LANGUAGES.has(language.toLowerCase())) continue;
    const bodyStart = directive.index + directive[0].length + 1;
    let end = bodyStart;
    while (end < text.length) {
      const lineEnd = text.indexOf('\n', end);
      const line = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
      const isBlank = line.trim() === '';
      if (!isBlank && !(line.startsWith(indent) && /^[ \t]/.test(line.slice(indent.length)))) break;
      end = lineEnd === -1 ? text.length : lineEnd + 1;
    }
    regions.push([bodyStart, end]);
  }
  return regions;
}
