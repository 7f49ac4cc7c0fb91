import { compileCustomPattern, CUSTOM_RULE_PREFIX, hasSecretGroup, type CustomPattern } from './custom-patterns';
import { escapeRegExp, groupRange, type ProjectRule } from './project-rule';
import { isCredential } from './value-judgement';

/**
 * A custom pattern as a project rule, reported as `custom/<id>`. Only patterns that
 * vetCustomPatterns accepted reach here. Severity "error" is taken as an exact format
 * (certainty 'certain'), "warning" and "info" as a guess ('heuristic', skipped in lockfiles).
 */
export function customPatternRule(custom: CustomPattern): ProjectRule {
  const compiled = compileCustomPattern(custom);
  if ('error' in compiled) throw new Error(`Custom pattern "${custom.id}": the regular expression does not compile: ${compiled.error}`);
  const secretGroup = hasSecretGroup(custom.pattern);
  return {
    id: `${CUSTOM_RULE_PREFIX}${custom.id}`,
    title: custom.title,
    severity: custom.severity,
    certainty: custom.severity === 'error' ? 'certain' : 'heuristic',
    keywords: (custom.keywords ?? []).map((keyword) => escapeRegExp(keyword.toLowerCase())),
    pattern: compiled,
    accept(match) {
      const range = secretGroup ? groupRange(match, 'secret') : { start: match.index, end: match.index + match[0].length };
      if (!range || range.end === range.start) return undefined;
      return isCredential(match.input.slice(range.start, range.end), 'format') ? range : undefined;
    },
  };
}
