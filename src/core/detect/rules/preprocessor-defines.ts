import type { ProjectRule } from '../project-rule';
import { CREDENTIAL_NAME_ENDINGS } from './credential-fields';
import { groupJudgedUnderName } from './credential-match';

/**
 * A credential defined as a C, C++ or Objective-C macro: `#define TESLA_CLIENT_SECRET "c725…"`, a
 * name and its quoted value with no assignment between them, which the field rule looks for.
 */
export const preprocessorDefineRule: ProjectRule = {
  id: 'secret-manager/credential-define',
  title: 'Credential defined as a macro',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  requiredText: ['#define'],
  matchesStartInRequiredText: true,
  pattern: new RegExp(String.raw`#define[ \t]+(?<name>\w*?(?:${CREDENTIAL_NAME_ENDINGS}))[ \t]+(?:@|L|u8)?"(?<value>(?:[^"\\\n]|\\.){1,4096})"`, 'dgi'),
  accept: (match) => groupJudgedUnderName(match, 'value', match.groups?.name ?? ''),
};
