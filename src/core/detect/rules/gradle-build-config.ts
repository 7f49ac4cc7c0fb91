import type { ProjectRule } from '../project-rule';
import { CREDENTIAL_NAME_ENDINGS } from './credential-fields';
import { groupJudgedUnderName } from './credential-match';

const VALUE_GROUPS = ['quotedInSingle', 'escaped', 'plain'] as const;

/**
 * A credential Gradle compiles into an Android app: `buildConfigField "String", "API_SECRET", '"…"'`,
 * the Kotlin DSL's `buildConfigField("String", "API_KEY", "\"…\"")`, or a string resource
 * (`resValue "string", "maps_api_key", "…"`). The name and its value are a call's arguments, where the
 * field rule looks for an assignment.
 */
export const gradleBuildConfigRule: ProjectRule = {
  id: 'secret-manager/gradle-build-config',
  title: 'Credential compiled into an app by Gradle',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  requiredText: ['buildConfigField', 'resValue'],
  matchesStartInRequiredText: true,
  filePaths: /\.gradle(?:\.kts)?$/i,
  pattern: new RegExp(
    String.raw`(?:buildConfigField|resValue)[ \t]*\(?[ \t]*["'](?:String|string)["'][ \t]*,[ \t]*["'](?<name>\w*?(?:${CREDENTIAL_NAME_ENDINGS}))["'][ \t]*,[ \t]*` +
      String.raw`(?:'"(?<quotedInSingle>[^"'\\\n]{1,4096})"'|"\\"(?<escaped>[^"\\\n]{1,4096})\\""|"(?<plain>[^"\\\n$]{1,4096})")`,
    'dgi',
  ),
  accept(match) {
    const group = VALUE_GROUPS.find((name) => match.groups?.[name] !== undefined);
    return group && groupJudgedUnderName(match, group, match.groups?.name ?? '');
  },
};
