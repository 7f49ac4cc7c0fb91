import { looksLikeCredentialValue } from '../placeholders';
import { groupRange, type ProjectRule } from '../project-rule';
import { assignedNameStarts } from './assigned-name-starts';

const CREDENTIAL_NAME_ENDINGS =
  'password|passwd|pwd|secret[_-]?key|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key|signing[_-]?key|credentials?';

const VALUE_GROUPS = ['double', 'single', 'backtick', 'bare'] as const;

const NAME_AND_ASSIGNMENT =
  String.raw`(?:${CREDENTIAL_NAME_ENDINGS})["']?[ \t]*` +
  // An optional type annotation: `apiKey: string = "…"`.
  String.raw`(?:\??:[ \t]*[A-Za-z_][\w.<>\[\]| ]{0,40}?[ \t]*(?==))?` +
  String.raw`(?::=|:|=(?![=>]))[ \t]*`;
const QUOTED_VALUE = String.raw`"(?<double>(?:[^"\\\n]|\\.){1,1000})"|'(?<single>(?:[^'\\\n]|\\.){1,1000})'|` + '`(?<backtick>[^`\\\\\\n$]{1,1000})`';
// A bare value runs to the next blank ("#" starts a comment only after one).
const BARE_VALUE = String.raw`(?<bare>[^\s"'\x60{(\[$#][^\s]{0,1000})`;

/**
 * A credential assigned to a well-named field: an object property, a variable, an assignment,
 * a .env KEY=value, a YAML or JSON key. The name must END with the credential word, so
 * `passwordLabel` or `tokenizer` don't count. In code only quoted values count; .env, YAML and
 * the like also take bare values.
 */
export const credentialFieldRule: ProjectRule = {
  id: 'secret-manager/credential-field',
  title: 'Credential assigned to a field',
  severity: 'warning',
  certainty: 'heuristic',
  // Its pattern starts with the credential words itself, so it runs over the whole text: a
  // keyword pass first would only repeat that search.
  keywords: [],
  // Every match starts with a credential word followed by the assignment.
  matchStarts: assignedNameStarts(CREDENTIAL_NAME_ENDINGS),
  // Anchored on the credential word, which must end the name: what follows is the assignment.
  pattern: new RegExp(`${NAME_AND_ASSIGNMENT}(?:${QUOTED_VALUE}|${BARE_VALUE})`, 'dgi'),
  // A bare value's first character is neither blank nor quote: where a quoted value matches, no
  // bare one could, whichever way the name and assignment matched before it.
  patternInCode: new RegExp(`${NAME_AND_ASSIGNMENT}(?:${QUOTED_VALUE})`, 'dgi'),
  accept(match, context) {
    const groups = match.groups ?? {};
    // Most matches in code are bare values (`token: CancellationToken`), rejected first and cheaply.
    if (groups.bare !== undefined && context.fileKind !== 'config') return undefined;
    const group = VALUE_GROUPS.find((name) => groups[name] !== undefined);
    if (!group) return undefined;
    const range = groupRange(match, group);
    if (!range) return undefined;
    let value = groups[group];
    // A bare value in a YAML flow mapping or a list ends before its closing punctuation.
    if (group === 'bare') value = value.replace(/[,;)\]}]+$/, '');
    if (!looksLikeCredentialValue(value)) return undefined;
    return { start: range.start, end: range.start + value.length };
  },
};
