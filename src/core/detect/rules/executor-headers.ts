import { groupRange, type ProjectRule } from '../project-rule';
import { judgeValue } from '../value-judgement';

/**
 * In executor files, a webhook header `Authorization`, `*-API-Key` or `*-Token` must refer to a
 * secret (`{ vault, key }`), never hold a literal. Any non-placeholder string value is a finding.
 */
export const executorHeaderRule: ProjectRule = {
  id: 'secret-manager/executor-header-literal',
  title: 'Literal credential in an executor webhook header',
  severity: 'warning',
  certainty: 'heuristic',
  executorFilesOnly: true,
  keywords: ['authorization', 'api[_-]?key', '-token'],
  // Anchored on the end of the header name; a name ending in "api-key" or "-token" has any prefix.
  pattern: new RegExp(
    String.raw`(?:(?<![\w-])authorization|api[-_]?key|-token)["'\x60]?[ \t]*:[ \t]*` +
      String.raw`(?:"(?<double>[^"\\\n]*)"|'(?<single>[^'\\\n]*)'|\x60(?<backtick>[^\x60\n]*)\x60)`,
    'dgi',
  ),
  accept(match) {
    const groups = match.groups ?? {};
    const group = ['double', 'single', 'backtick'].find((name) => groups[name] !== undefined);
    if (!group) return undefined;
    const range = groupRange(match, group);
    if (!range) return undefined;
    const value = groups[group];
    const scheme = /^(?:bearer|basic|token|bot|apikey|digest)\s+/i.exec(value);
    const credential = scheme ? value.slice(scheme[0].length) : value;
    if (credential.length < 6) return undefined;
    const { confidence } = judgeValue(credential, 'header');
    if (confidence === 0) return undefined;
    return { start: range.start + (scheme ? scheme[0].length : 0), end: range.end, confidence };
  },
};
