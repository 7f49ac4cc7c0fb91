import ts from 'typescript';

/**
 * What a line inserted before `offset` (the first character of a line) would be part of:
 * `code` takes a `//` comment, `jsx-children` needs `{/* … *\/}` (a `//` there renders as text),
 * and `none` means the line starts inside a string or template, where any comment would become text.
 */
export type IgnoreCommentContext = 'code' | 'jsx-children' | 'none';

function isLiteralText(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node)
  );
}

/** The innermost node that starts at or before `offset` and ends after it. */
function innermostNodeHolding(sourceFile: ts.SourceFile, offset: number): ts.Node {
  let current: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    current.forEachChild((child) => {
      if (child.getStart(sourceFile) <= offset && offset < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return current;
    current = next;
  }
}

/** The context of a new line inserted just before `offset`, the first non-blank character of a line. */
export function ignoreCommentContext(sourceFile: ts.SourceFile, offset: number): IgnoreCommentContext {
  let node: ts.Node | undefined = innermostNodeHolding(sourceFile, offset);
  // Climb past the nodes that begin exactly here: their container decides what the line is inside.
  while (node && node !== sourceFile && node.getStart(sourceFile) === offset) node = node.parent;
  if (!node || node === sourceFile) return 'code';
  if (isLiteralText(node)) return 'none';
  if (ts.isJsxText(node) || ts.isJsxElement(node) || ts.isJsxFragment(node)) return 'jsx-children';
  return 'code';
}
