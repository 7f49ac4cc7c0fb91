import * as vscode from 'vscode';
import type { Finding } from '../../core/detect/finding';
import { commentStyleOf, ignoreCommentLine, JSX_CHILD_COMMENT, yamlBlockScalarHeader, type CommentStyle } from '../../core/detect/ignore-comment';
import type { SecretReference } from '../../core/model';
import { replacementEdits } from '../../core/references/replacement-text';
import type { ReplacementPlan, TextEdit } from '../../core/references/types';
import type { StringLiteralAround } from '../../core/references/string-literal-around';
import type { LeakDiagnostics } from './leak-diagnostics';
import { isReferenceLanguage, type ParsedDocuments } from './parsed-documents';
import { DIAGNOSTIC_SOURCE, REFERENCE_PROBLEM_CODES } from './reference-checks';

export const MOVE_TO_SECRET_MANAGER_COMMAND = 'secretManager.moveToSecretManager';
export const IGNORE_IN_FILE_COMMAND = 'secretManager.ignoreFindingInFile';
const KNOWN_SECRET_RULE_ID = 'secret-manager/known-secret';
const YAML_LANGUAGES = new Set(['yaml', 'dockercompose']);

/** What the quick fixes need to know about a finding, as plain data (command arguments). */
export interface FindingArgument {
  readonly uri: string;
  readonly version: number;
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
}

export interface LiteralReplacement {
  readonly literal: StringLiteralAround;
  readonly plan: ReplacementPlan;
}

/** The string literal around a finding and how a reference would replace it; undefined when no reference form fits there. */
export function literalReplacement(documents: ParsedDocuments, document: vscode.TextDocument, range: { start: number; end: number }): LiteralReplacement | undefined {
  if (!isReferenceLanguage(document)) return undefined;
  const parser = documents.parser;
  const tree = documents.tree(document);
  const literal = parser.stringLiteralAround(tree, range);
  if (!literal) return undefined;
  const plan = parser.planReplacement(tree, literal.range);
  if (!plan || plan.context === 'other' || (plan.needsAsync && !plan.asyncEdit)) return undefined;
  return { literal, plan };
}

export function workspaceEditOf(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(textEdit.range.start), document.positionAt(textEdit.range.end)), textEdit.newText);
  }
  return edit;
}

function overlaps(left: Finding, right: Finding): boolean {
  return left.range[0] < right.range[1] && right.range[0] < left.range[1];
}

/** Quick fixes on a hard-coded credential: move it into a vault, use the stored secret it matches, or ignore it. */
export class LeakActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly documents: ParsedDocuments,
    private readonly leaks: LeakDiagnostics,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.leaks.findingsOf(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || REFERENCE_PROBLEM_CODES.has(String(diagnostic.code))) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = findings.find((candidate) => candidate.ruleId === String(diagnostic.code) && candidate.range[0] === start && candidate.range[1] === end);
      if (!finding) continue;
      const argument: FindingArgument = { uri: document.uri.toString(), version: document.version, ruleId: finding.ruleId, start, end };
      const replacement = literalReplacement(this.documents, document, { start, end });
      const matched = finding.matchedSecret ?? findings.find((other) => other.ruleId === KNOWN_SECRET_RULE_ID && overlaps(other, finding))?.matchedSecret;
      if (replacement && matched) actions.push(this.useExisting(document, diagnostic, replacement, matched));
      if (replacement && finding.ruleId !== KNOWN_SECRET_RULE_ID) {
        const move = new vscode.CodeAction('Move to Secret Manager…', vscode.CodeActionKind.QuickFix);
        move.command = { title: move.title, command: MOVE_TO_SECRET_MANAGER_COMMAND, arguments: [argument] };
        move.diagnostics = [diagnostic];
        move.isPreferred = !matched;
        actions.push(move);
      }
      const comment = this.ignoreWithComment(document, diagnostic);
      if (comment) actions.push(comment);
      const ignoreInFile = new vscode.CodeAction('Ignore this finding in .secretmanagerignore', vscode.CodeActionKind.QuickFix);
      ignoreInFile.command = { title: ignoreInFile.title, command: IGNORE_IN_FILE_COMMAND, arguments: [argument] };
      ignoreInFile.diagnostics = [diagnostic];
      actions.push(ignoreInFile);
    }
    return actions;
  }

  private useExisting(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, replacement: LiteralReplacement, secret: SecretReference): vscode.CodeAction {
    const action = new vscode.CodeAction(`Use the existing secret ${secret.vault}/${secret.key}`, vscode.CodeActionKind.QuickFix);
    action.edit = workspaceEditOf(document, replacementEdits(replacement.plan, secret.vault, secret.key) ?? []);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }

  /** The comment line that silences the finding, in the language's syntax; none where no comment fits (JSON, plain text, inside a string). */
  private ignoreWithComment(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
    const line = document.lineAt(diagnostic.range.start.line);
    const style = this.commentStyleAt(document, document.offsetAt(line.range.start) + line.firstNonWhitespaceCharacterIndex);
    if (!style) return undefined;
    const edit = new vscode.WorkspaceEdit();
    if (YAML_LANGUAGES.has(document.languageId)) {
      const header = yamlBlockScalarHeader((index) => document.lineAt(index).text, line.lineNumber);
      // Inside a block scalar a comment line would become part of the value; after its header it is a comment.
      if (header !== undefined && header !== line.lineNumber - 1) return undefined;
      if (header !== undefined) edit.insert(document.uri, document.lineAt(header).range.end, ' # secret-manager-ignore');
    }
    // No rule id: naming one would let another rule's finding on the same literal surface instead.
    if (edit.size === 0) edit.insert(document.uri, line.range.start, ignoreCommentLine(style, line.text.slice(0, line.firstNonWhitespaceCharacterIndex)));
    const action = new vscode.CodeAction('Ignore this finding (secret-manager-ignore comment)', vscode.CodeActionKind.QuickFix);
    action.edit = edit;
    action.diagnostics = [diagnostic];
    return action;
  }

  private commentStyleAt(document: vscode.TextDocument, lineStart: number): CommentStyle | undefined {
    if (!isReferenceLanguage(document)) return commentStyleOf(document.languageId);
    const context = this.documents.parser.ignoreCommentContext(this.documents.tree(document), lineStart);
    if (context === 'none') return undefined;
    return context === 'jsx-children' ? JSX_CHILD_COMMENT : commentStyleOf(document.languageId);
  }
}
