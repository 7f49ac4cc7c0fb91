import * as vscode from 'vscode';
import { propertyTypoProblems } from '../../core/references/property-typo';
import type { ParsedDocuments } from './parsed-documents';
import { DIAGNOSTIC_SOURCE, LIKELY_TYPO_CODE } from './reference-checks';

/** The quick fix for a misspelt reference property: `secretName` → `secretKey`. */
export class PropertyTypoActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly documents: ParsedDocuments) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === LIKELY_TYPO_CODE);
    if (diagnostics.length === 0) return [];
    const problems = propertyTypoProblems(this.documents.references(document));
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const start = document.offsetAt(diagnostic.range.start);
      const problem = problems.find((candidate) => candidate.edit.range.start === start);
      if (!problem) continue;
      const { edit } = problem;
      const action = new vscode.CodeAction(`Change "${problem.reference.likelyTypo?.written}" to "${edit.newText}"`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.range.start), document.positionAt(edit.range.end)), edit.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
