import type { RuleReport } from './rule-runner';
import { isStandInPemKey } from './rules/private-keys';

export const AWS_RULE_ID = '@secretlint/secretlint-rule-aws';
export const DATABASE_PRESET_RULE_ID = '@secretlint/secretlint-rule-database-connection-string';
const PRIVATE_KEY_PRESET_RULE_ID = '@secretlint/secretlint-rule-privatekey';
const AWS_ACCOUNT_ID_MESSAGE = 'found AWS Account ID';
const AWS_SECRET_ACCESS_KEY_MESSAGE = 'found AWS Secret Access Key';
/** secretlint's secret access key pattern, to find the key inside the span it reports. */
const AWS_SECRET_ACCESS_KEY = /["']?(?:AWS|aws|Aws)?_?(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)["']?\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})/dy;

/**
 * Where the credential of a recommended-preset report is in `text`, or undefined when the report
 * is not one to keep. Where secretlint's range is wrong or wider than the credential:
 * - AWS account ids: the ID scan is on for access key ids, which tell a leak, but it reports
 *   account ids too, which AWS documents as not secret;
 * - AWS secret access keys: reported from the match's start for the key's length, which spans
 *   `"secretAccessKey": "wJal` (name, quotes and part of the key);
 * - connection strings: the match takes the closing quote or punctuation along;
 * - private keys: a dummy key (filled with zero bytes, a pattern typed again, a structure cut short) is not one to keep.
 */
export function presetReportRange(report: RuleReport, text: string): readonly [number, number] | undefined {
  const [start, end] = report.range;
  if (report.ruleId === PRIVATE_KEY_PRESET_RULE_ID) return isStandInPemKey(text.slice(start, end)) ? undefined : [start, end];
  if (report.ruleId === AWS_RULE_ID) {
    if (report.message.startsWith(AWS_ACCOUNT_ID_MESSAGE)) return undefined;
    if (report.message.startsWith(AWS_SECRET_ACCESS_KEY_MESSAGE)) {
      AWS_SECRET_ACCESS_KEY.lastIndex = start;
      const key = AWS_SECRET_ACCESS_KEY.exec(text)?.indices?.[1];
      return key ? [key[0], key[1]] : [start, end];
    }
  }
  if (report.ruleId === DATABASE_PRESET_RULE_ID) {
    let trimmedEnd = end;
    // In a notebook's JSON the line's `\n` escape may follow the closing quote: `'postgresql://…/faq'\n",`.
    for (;;) {
      if (trimmedEnd > start && /["'`;,)\]}]/.test(text[trimmedEnd - 1])) trimmedEnd -= 1;
      else if (trimmedEnd - 2 > start && /^\\[nrt]$/.test(text.slice(trimmedEnd - 2, trimmedEnd))) trimmedEnd -= 2;
      else break;
    }
    return [start, trimmedEnd];
  }
  return [start, end];
}
