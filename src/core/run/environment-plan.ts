import { parseEnvFile } from '../env-file/parse-env-file';
import { parseSecretUri, secretUriParts, secretUriProblem, SECRET_URI_SCHEME } from '../env-file/secret-uri';
import type { SecretReference } from '../model';

/** A variable whose value is read from the store when the command starts. */
export interface ReferencedVariable {
  readonly name: string;
  readonly reference: SecretReference;
  /** Where it was written, for messages: `.env:3` or `--env`. */
  readonly source: string;
}

/** What `secret-manager run` puts in the child's environment, before the store is read. */
export interface EnvironmentPlan {
  /** Plain values from env files, by variable name. */
  readonly plain: ReadonlyMap<string, string>;
  readonly referenced: readonly ReferencedVariable[];
  /** Malformed references and `--env` options, one message each. */
  readonly problems: readonly string[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One env file, as read: its name for messages, and its text. */
export interface EnvFileText {
  readonly name: string;
  readonly text: string;
}

/**
 * The variables of the env files (in order) and then of the `--env NAME=vault/key` options, a later
 * one replacing an earlier one of the same name. A value with the `secret-manager://` scheme is a
 * reference; any other value of an env file is passed on as it is.
 */
export function planEnvironment(files: readonly EnvFileText[], options: readonly string[]): EnvironmentPlan {
  const plain = new Map<string, string>();
  const referenced = new Map<string, ReferencedVariable>();
  const problems: string[] = [];
  const set = (name: string, reference: SecretReference | undefined, value: string, source: string) => {
    plain.delete(name);
    referenced.delete(name);
    if (reference === undefined) plain.set(name, value);
    else referenced.set(name, { name, reference, source });
  };
  for (const file of files) {
    for (const assignment of parseEnvFile(file.text)) {
      const source = `${file.name}:${assignment.line + 1}`;
      if (secretUriParts(assignment.value) === undefined) {
        set(assignment.name, undefined, assignment.value, source);
        continue;
      }
      const reference = parseSecretUri(assignment.value);
      if (reference === undefined) problems.push(`${source}: ${assignment.name}: ${secretUriProblem(assignment.value)}`);
      else set(assignment.name, reference, '', source);
    }
  }
  for (const option of options) {
    const equals = option.indexOf('=');
    const name = equals < 0 ? option : option.slice(0, equals);
    if (equals < 0 || !VARIABLE_NAME.test(name)) {
      problems.push(`--env ${option.slice(0, 80)}: write --env NAME=vault/key.`);
      continue;
    }
    const written = option.slice(equals + 1);
    const uri = written.startsWith(SECRET_URI_SCHEME) ? written : `${SECRET_URI_SCHEME}${written}`;
    const reference = parseSecretUri(uri);
    if (reference === undefined) problems.push(`--env ${name}: ${secretUriProblem(uri)}`);
    else set(name, reference, '', '--env');
  }
  return { plain, referenced: [...referenced.values()], problems };
}
