import type { ProjectRule } from '../project-rule';
import { NOT_A_SECRET_NAME } from './credential-fields';
import { groupJudgedUnderName } from './credential-match';

/** A YAML key named for what it holds, credentials, with nothing after it on its line. */
const CREDENTIALS_KEY = /^([ \t]*)([\w.-]*(?:secrets|passwords|tokens|api[_-]?keys|credentials))[ \t]*:[ \t]*(?:#.*)?$/i;
/** An entry of a map, or a line of nothing: what may sit between an entry and its map's key. */
const SIBLING = /^(?:([ \t]+)[\w.-]+[ \t]*:.*|[ \t]*(?:#.*)?)$/;
/** How many lines up the map's key may be. */
const REACH = 40;

/**
 * An entry of a YAML map named for credentials, whose own key says nothing (`app_secrets:`, then
 * `dev: fe56…` and `prod: 9bf8…`): its value is judged as a credential under the map's name.
 */
export const credentialMapRule: ProjectRule = {
  id: 'secret-manager/credential-map',
  title: 'Credential in a map of credentials',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  filePaths: /\.ya?ml$/i,
  requiredText: ['secrets:', 'Secrets:', 'passwords:', 'Passwords:', 'tokens:', 'Tokens:', 'keys:', 'Keys:', 'credentials:', 'Credentials:'],
  pattern: /^([ \t]+)([\w.-]+)[ \t]*:[ \t]*(?:"(?<double>[^"\n]+)"|'(?<single>[^'\n]+)'|(?<bare>[^\s"'#{[&*!|>:][^\s#]*))[ \t]*(?:#.*)?$/dgm,
  accept(match) {
    const groups = match.groups ?? {};
    const group = groups.double !== undefined ? 'double' : groups.single !== undefined ? 'single' : 'bare';
    const name = mapNameAbove(match.input, match.index, match[1]);
    if (name === undefined || NOT_A_SECRET_NAME.test(name) || NOT_A_SECRET_NAME.test(match[2])) return undefined;
    // CloudFormation's `Credentials:` is a resource or a property: `Type: AWS::IAM::AccessKey`, `Fn::GetAtt: […]`.
    if (match[2].includes('::') || /::/.test(groups[group] ?? '')) return undefined;
    return groupJudgedUnderName(match, group, name);
  },
};

/** The name of the credentials' map the entry at `lineStart` belongs to, when it is one. */
function mapNameAbove(text: string, lineStart: number, indent: string): string | undefined {
  let end = lineStart - 1;
  for (let step = 0; step < REACH && end > 0; step += 1) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const sibling = SIBLING.exec(line);
    if (sibling && (sibling[1] === undefined || sibling[1] === indent)) continue;
    const key = CREDENTIALS_KEY.exec(line);
    return key && key[1].length < indent.length ? key[2] : undefined;
  }
  return undefined;
}
