import * as vscode from 'vscode';
import { referenceAt } from '../../core/references/reference-at';
import type { ParsedDocuments } from './parsed-documents';
import type { WorkspaceReferences } from './workspace-references';
import { DIAGNOSTIC_SOURCE, MISSING_REFERENCE_CODES, nameRange, type ReferenceChecks } from './reference-checks';

export const CREATE_REFERENCED_SECRET_COMMAND = 'secretManager.createReferencedSecret';
/** The diagnostics with quick fixes: a missing name (change it, or create the secret), a name against the rule (change it). */
const FIXABLE_CODES: ReadonlySet<string> = new Set([...MISSING_REFERENCE_CODES, 'invalid-name']);

/**
 * Quick fixes for a reference to a missing vault or secret: use the suggested name, or create the secret
 * (declare it, in a declared vault); for a name against the naming rule, its spelling by the rule.
 */
export class ReferenceActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly documents: ParsedDocuments,
    private readonly checks: ReferenceChecks,
    private readonly workspaceReferences: WorkspaceReferences,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const diagnostics = context.diagnostics.filter(
      (diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && FIXABLE_CODES.has(String(diagnostic.code)),
    );
    if (diagnostics.length === 0) return [];
    const references = this.documents.references(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const part = referenceAt(references, document.offsetAt(diagnostic.range.start));
      if (!part) continue;
      const [problem] = await this.checks.problems(document, [part.reference]);
      if (!problem) continue;
      const { vault, key } = problem.reference;
      if (problem.suggestion !== undefined) {
        const change = new vscode.CodeAction(`Change to "${problem.suggestion}"`, vscode.CodeActionKind.QuickFix);
        change.edit = new vscode.WorkspaceEdit();
        change.edit.replace(document.uri, nameRange(document, problem), problem.suggestion);
        change.diagnostics = [diagnostic];
        change.isPreferred = true;
        actions.push(change);
      }
      if (!MISSING_REFERENCE_CODES.has(problem.kind)) continue;
      const what = problem.kind === 'missing-vault' ? 'vault and secret' : 'secret';
      const declaration = problem.kind === 'missing-key' ? await this.workspaceReferences.vaultDeclaration(vault) : undefined;
      const title = declaration ? `Declare secret ${vault}/${key} in ${vscode.workspace.asRelativePath(declaration.uri)}…` : `Create ${what} ${vault}/${key}…`;
      const create = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      create.command = { title: create.title, command: CREATE_REFERENCED_SECRET_COMMAND, arguments: [{ vault, key, uri: document.uri.toString() }] };
      create.diagnostics = [diagnostic];
      actions.push(create);
    }
    return actions;
  }
}
