const GLOBAL_OPTIONS = `Global options (before or after the command):
  --store local|tailor|workos  which store to use (default: local)
                          workos: key from WORKOS_API_KEY or the OS keychain, endpoint from WORKOS_API_URL
  --profile P             tailor-sdk profile (with --store tailor)
  --workspace-id W        Tailor workspace id (with --store tailor)
  --json                  print exactly one JSON document on stdout
  -h, --help              show help`;

const COMMAND_USAGE: Record<string, string> = {
  'vault create': 'secret-manager vault create <name>',
  'vault list': 'secret-manager vault list',
  'vault delete': 'secret-manager vault delete <name> [--yes]',
  'secret create':
    'secret-manager secret create --vault-name V --name N (--value X | --value-stdin | --generate [LENGTH]) [--description D]',
  'secret update':
    'secret-manager secret update --vault-name V --name N (--value X | --value-stdin | --generate [LENGTH]) [--expected-version K] [--show-usages [PATH]]',
  'secret list': 'secret-manager secret list --vault-name V',
  'secret get': 'secret-manager secret get --vault-name V --name N',
  'secret versions': 'secret-manager secret versions --vault-name V --name N',
  'secret rollback': 'secret-manager secret rollback --vault-name V --name N --version K [--expected-version C]',
  'secret delete': 'secret-manager secret delete --vault-name V --name N [--yes]',
  audit: 'secret-manager audit [--vault-name V] [--limit N]',
  status: 'secret-manager status [--fix-permissions] [--stale [--policy-days N]]',
  restore: 'secret-manager restore (--from-backup | --accept-current)',
  scan: 'secret-manager scan [paths…] [--staged | --history [REV-RANGE]] [--format text|json|sarif] [--no-gitignore] [--jobs N|auto] [--min-confidence 0–1]',
  check: 'secret-manager check [paths…] [--include-declarations]',
  executors: 'secret-manager executors [folder]',
  'hook install': 'secret-manager hook install',
  'hook uninstall': 'secret-manager hook uninstall',
  'import-env': 'secret-manager import-env FILE --vault V [--dry-run]',
  run: 'secret-manager run [--env-file FILE]… [--env NAME=vault/key]… [--no-masking] -- COMMAND [ARGS…]',
};

const COMMAND_NOTES: Record<string, string> = {
  'hook install':
    'Adds a marked block running `secret-manager scan --staged` before each commit: to .husky/pre-commit, lefthook.yml or .pre-commit-config.yaml when the repository uses one, otherwise to pre-commit in git\'s hooks folder (core.hooksPath when set). Never overwrites; a second install changes nothing.',
  'hook uninstall': 'Removes only the block `hook install` added.',
  'vault delete': 'Without --yes it asks first, and only when standard input is a terminal.',
  'secret create':
    'Without --value or --value-stdin, the value is read from piped standard input (one trailing newline is dropped).\n--value puts the secret in your shell history; prefer --value-stdin.\n--generate stores a random value of LENGTH (default 32, 16–4096) URL-safe characters instead; it is not printed.',
  'secret update':
    'Without --value or --value-stdin, the value is read from piped standard input (one trailing newline is dropped).\n--generate [LENGTH] stores a random value (default 32 URL-safe characters) instead; it is not printed.\n--expected-version fails with a conflict if someone else changed the secret since.\n--show-usages first lists what the rotation touches under PATH (default: the working folder): executors, resolvers, other code, launch.json and tasks.json inputs.',
  'secret rollback':
    'Makes version K\'s value current again, as a new version.\n--expected-version fails with a conflict unless the current version is still C.',
  'secret list': 'Prints names and metadata, never values.',
  'secret get': 'Prints the value. Each read is recorded in the audit log.',
  'secret delete': 'Without --yes it asks first, and only when standard input is a terminal.',
  audit: 'Prints the newest records (default --limit 50), oldest first. Records never hold values.',
  status: 'Prints the store, where it lives, where its master key comes from, and how much it holds.\n--stale lists the secrets not updated within the rotation policy (--policy-days, default 90) and exits 1 when there is one, for CI.\n--fix-permissions first makes the local store folder 0700 and its files 0600 (a store others can write to is refused).',
  restore:
    'The deliberate step after the local store file was damaged or replaced by an older copy.\n--from-backup puts store.json.bak in place of store.json, keeping the replaced file aside as store.json.replaced-<time>.\n--accept-current uses store.json as it is now, older or not, from now on.',
  scan: 'Finds hard-coded credentials, and literals that hold a stored secret\'s value. Exit 1 when any is found.\n--staged scans what is staged for the next commit (the git index) instead of the working tree: for a pre-commit hook.\n--history scans every line the commits of REV-RANGE added (default: all of HEAD\'s history) and ends with the credentials to rotate.\nSuppress with a `secret-manager-ignore` comment, secretlint-disable comments, or .secretmanagerignore (paths, fingerprint: lines).',
  check:
    'Checks that every secret reference in the code names an existing secret; exits 1 when one does not.\nAn env file named as a path (.env, .env.*, *.env) has its secret-manager://vault/key references checked too.\n--include-declarations also checks defineSecretManager declarations.',
  executors:
    'Lists each tailor.config under the folder (default: the current one), the folders its globs resolve against, and the executor and function files it names.\nConfigs are read, never run. Scans apply the executor-header rule to these executor files.',
  'import-env':
    'Moves each value the detector reports as a credential into vault V (created if missing), named from its variable (STRIPE_SECRET_KEY → stripe-secret-key), and writes NAME=secret-manager://V/name in its place.\nComments, order and quoting are kept. If a secret cannot be created, the file is left as it was and the secrets already created are listed.\n--dry-run prints what would change, never a value.',
  run:
    'Starts COMMAND with secrets in its environment, on top of the inherited one. In an env file, NAME=secret-manager://vault/key is a reference; other lines pass on as they are. Later files and --env win.\nEvery reference is resolved before COMMAND starts; if one does not resolve, COMMAND never starts. Each read is audited (secret.resolve, actor "run").\nValues in COMMAND\'s output are replaced with <concealed by secret-manager>; --no-masking passes the terminal through untouched.\nExit code: COMMAND\'s (128 + the signal number if a signal ended it). SIGINT, SIGTERM and SIGHUP are passed on to COMMAND.',
};

const COMMAND_SUMMARIES: Array<[string, string]> = [
  ['vault create|list|delete', 'manage vaults'],
  ['secret create|update|list|get|versions|rollback|delete', 'manage secrets'],
  ['audit', 'show the audit log'],
  ['status', 'show the store, its key source and counts'],
  ['restore', 'use store.json.bak, or accept an older store file'],
  ['scan', 'find hard-coded credentials'],
  ['check', 'check secret references'],
  ['executors', 'show which tailor.config names which executor files'],
  ['hook install|uninstall', 'add or remove the pre-commit leak check'],
  ['run', 'start a command with secrets in its environment'],
  ['import-env', 'move the credentials of a .env file into a vault'],
];

export function topUsage(): string {
  const width = Math.max(...COMMAND_SUMMARIES.map(([name]) => name.length));
  const lines = COMMAND_SUMMARIES.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Usage: secret-manager [global options] <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n${GLOBAL_OPTIONS}\n\nRun "secret-manager <command> --help" for a command's options.\n`;
}

/** Usage for "vault", "vault create", "audit"…; undefined when there is no such command. */
export function commandUsage(path: string): string | undefined {
  if (Object.hasOwn(COMMAND_USAGE, path)) {
    const exact = COMMAND_USAGE[path];
    const note = Object.hasOwn(COMMAND_NOTES, path) ? COMMAND_NOTES[path] : undefined;
    return `Usage: ${exact}\n${note ? `\n${note}\n` : ''}\n${GLOBAL_OPTIONS}\n`;
  }
  const group = Object.keys(COMMAND_USAGE).filter((name) => name.startsWith(`${path} `));
  if (group.length === 0) return undefined;
  return `Usage:\n${group.map((name) => `  ${COMMAND_USAGE[name]}`).join('\n')}\n\n${GLOBAL_OPTIONS}\n`;
}
