// Documentation shows what a command or an API returns, values and all: AWS CLI's examples under
// `Output::`, Mintlify's `<ResponseExample>` blocks (```json Response), "Example response:" above a
// fenced block. Such values are made up for the page, however random they look.

const DOCUMENTATION_FILE = /\.(?:md|mdx|markdown|rst|adoc)$/i;
/** A line that introduces output, or a fence's info string that says so. */
const SAYS_OUTPUT = /\b(?:responses?|output|returns|result)\b|<ResponseExample\b/i;
const FENCE = /^[ \t]*(?:```|~~~)/;
/** The status line of a printed HTTP response: what follows it in the block is what a server sent back. */
const HTTP_STATUS_LINE = /^[ \t]*HTTP\/\d(?:\.\d)? \d{3}\b/;
/** How many lines above a fenced block are read for what introduces it. */
const LINES_ABOVE_FENCE = 3;
/** Introductions are short: a long paragraph that says "returns" somewhere is about something else. */
const LONGEST_INTRODUCTION = 160;

/** True when `at`, in a documentation file, sits in a block that the page presents as output or a response. */
export function isInDocumentedOutput(text: string, at: number, filePath: string): boolean {
  if (!DOCUMENTATION_FILE.test(filePath)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // The lines before the finding's; the last entry of the split is the empty rest after the final newline.
  const linesBefore = text.slice(0, lineStart).split('\n');
  linesBefore.pop();
  return isInOutputFence(linesBefore) || (/^[ \t]/.test(text.slice(lineStart, lineStart + 1)) && isInOutputLiteralBlock(linesBefore));
}

/** Markdown: the finding's line is inside a fenced block whose info string, or whose introduction, says output, or below a response's status line. */
function isInOutputFence(linesBefore: readonly string[]): boolean {
  let openingFence = -1;
  for (let index = 0; index < linesBefore.length; index += 1) {
    if (isFence(linesBefore[index])) openingFence = openingFence === -1 ? index : -1;
  }
  if (openingFence === -1) return false;
  if (SAYS_OUTPUT.test(linesBefore[openingFence])) return true;
  for (let index = openingFence + 1; index < linesBefore.length; index += 1) if (HTTP_STATUS_LINE.test(linesBefore[index])) return true;
  let read = 0;
  for (let index = openingFence - 1; index >= 0 && read < LINES_ABOVE_FENCE; index -= 1) {
    const line = linesBefore[index].trim();
    if (line === '') continue;
    read += 1;
    if (line.length <= LONGEST_INTRODUCTION && SAYS_OUTPUT.test(line)) return true;
  }
  return false;
}

/** A fence line; not ```GET /api/tokens```, which opens and closes on one line. */
function isFence(line: string): boolean {
  if (!FENCE.test(line)) return false;
  const marker = line.trimStart().slice(0, 3);
  return !line.trimStart().slice(3).includes(marker);
}

/** reStructuredText: the (indented) finding's line is in the literal block after a paragraph such as `Output::`, or after a response's status line. */
function isInOutputLiteralBlock(linesBefore: readonly string[]): boolean {
  for (let index = linesBefore.length - 1; index >= 0; index -= 1) {
    const line = linesBefore[index];
    if (HTTP_STATUS_LINE.test(line)) return true;
    if (line.trim() === '' || /^[ \t]/.test(line)) continue;
    return line.trimEnd().endsWith('::') && line.length <= LONGEST_INTRODUCTION && SAYS_OUTPUT.test(line);
  }
  return false;
}
