import { fileKindOf } from './file-kind';
import { fencedBlockAt } from './markdown-fences';

// Documentation shows what a command or an API returns, values and all: AWS CLI's examples under
// `Output::`, Mintlify's `<ResponseExample>` blocks (```json Response), "Example response:" above a
// fenced block, a printed `HTTP/1.1 200 OK` and its body. Such values are made up for the page,
// however random they look.

/** A line that introduces output, or a fence's info string that says so. */
const SAYS_OUTPUT = /\b(?:responses?|output|returns|result)\b|<ResponseExample\b/i;
/** The status line of a printed HTTP response: what follows it in the block is what a server sent back. */
const HTTP_STATUS_LINE = /^[ \t]*HTTP\/\d(?:\.\d)? \d{3}\b/;
/** How many lines above a fenced block are read for what introduces it. */
const LINES_ABOVE_FENCE = 3;
/** Introductions are short: a long paragraph that says "returns" somewhere is about something else. */
const LONGEST_INTRODUCTION = 160;

/** Markdown, MDX, reStructuredText, AsciiDoc: pages written for people to read. */
export function isDocumentationFile(filePath: string): boolean {
  return fileKindOf(filePath) === 'docs';
}

/** True when `at`, in a documentation file, sits in a block that the page presents as output or a response. */
export function isInDocumentedOutput(text: string, at: number, filePath: string): boolean {
  if (!isDocumentationFile(filePath)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return isInOutputFence(text, lineStart) || (/^[ \t]/.test(text.charAt(lineStart)) && isInOutputLiteralBlock(text, lineStart));
}

/** The line that starts at `start`. */
function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** Where the line before the one starting at `lineStart` starts; -1 for the first line. */
function previousLineStart(text: string, lineStart: number): number {
  return lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 2) + 1;
}

/**
 * Markdown: the finding's line is inside a fenced block whose info string, or whose introduction, says
 * output, or below a response's status line in the block.
 */
function isInOutputFence(text: string, lineStart: number): boolean {
  const block = fencedBlockAt(text, lineStart);
  if (block === undefined) return false;
  const opening = block.opening;
  if (SAYS_OUTPUT.test(lineAt(text, opening))) return true;
  for (let line = text.indexOf('\n', opening) + 1; line > 0 && line < lineStart; line = text.indexOf('\n', line) + 1) {
    if (HTTP_STATUS_LINE.test(lineAt(text, line))) return true;
  }
  let read = 0;
  for (let line = previousLineStart(text, opening); line >= 0 && read < LINES_ABOVE_FENCE; line = previousLineStart(text, line)) {
    const introduction = lineAt(text, line).trim();
    if (introduction === '') continue;
    read += 1;
    if (introduction.length <= LONGEST_INTRODUCTION && SAYS_OUTPUT.test(introduction)) return true;
  }
  return false;
}

/**
 * reStructuredText: the (indented) finding's line is in the literal block after a paragraph such as
 * `Output::`, or after a response's status line.
 */
function isInOutputLiteralBlock(text: string, lineStart: number): boolean {
  for (let line = previousLineStart(text, lineStart); line >= 0; line = previousLineStart(text, line)) {
    const content = lineAt(text, line);
    if (HTTP_STATUS_LINE.test(content)) return true;
    if (content.trim() === '' || /^[ \t]/.test(content)) continue;
    return content.trimEnd().endsWith('::') && content.length <= LONGEST_INTRODUCTION && SAYS_OUTPUT.test(content);
  }
  return false;
}
