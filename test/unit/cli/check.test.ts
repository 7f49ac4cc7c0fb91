import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/api/open-store';
import { runCli } from '../../../src/cli/run';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';
import { plantedReferences, tailorProject, type PlantedReference } from '../helpers/tailor-projects';
import { createMemoryIo } from './memory-io';

const PASSPHRASE = 'correct horse battery staple for check';
const CANARY_VALUE = 'canary-value-7f3a9c1e-never-printed';

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('cli/check', () => {
  let storeHome: ReturnType<typeof makeTemporaryHome>;
  let workspace: string;
  let env: NodeJS.ProcessEnv;

  async function run(...argv: string[]): Promise<Captured> {
    const io = createMemoryIo({ env, cwd: workspace });
    const code = await runCli(argv, io);
    return { code, ...io.output };
  }

  async function writeWorkspaceFile(name: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), text);
  }

  beforeEach(async () => {
    storeHome = makeTemporaryHome('check-store-');
    workspace = await mkdtemp(path.join(os.tmpdir(), 'check-workspace-'));
    env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE };
    const store = await openStore({ kind: 'local', env });
    try {
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: CANARY_VALUE });
      await store.createSecret({ vault: 'api-keys', key: 'github-token', value: `${CANARY_VALUE}-2` });
    } finally {
      await store.close();
    }
    await writeWorkspaceFile(
      'executors/stripe.ts',
      [
        'export default createExecutor({',
        '  name: "stripe-webhook",',
        '  operation: { kind: "webhook", url: () => "https://example.invalid", headers: {',
        '    Authorization: { vault: "api-keys", key: "stripe-secret-key" },',
        '  } },',
        '});',
        '',
      ].join('\n'),
    );
  });

  afterEach(async () => {
    storeHome.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  for (const project of ['multi-application', 'nested-project', 'http-adapter'] as const) {
    it(`reports exactly the references planted in the ${project} fixture, none of which is stored`, async () => {
      const io = createMemoryIo({ env, cwd: tailorProject(project) });
      const code = await runCli(['check', '--json'], io);
      assert.equal(code, 1, io.output.stderr);
      const reported = JSON.parse(io.output.stdout).problems.map(({ file, line, vault, key }: PlantedReference) => ({ file, line, vault, key }));
      const byPlace = (left: PlantedReference, right: PlantedReference) => (left.file < right.file ? -1 : left.file > right.file ? 1 : left.line - right.line);
      assert.deepEqual(reported.sort(byPlace), plantedReferences(project).sort(byPlace));
    });
  }

  it('exits 0 when every reference resolves', async () => {
    const result = await run('check');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /1 reference in 1 file checked.*all resolve/);
  });

  it('exits 1 and lists each unresolved reference with file:line:col and a suggestion', async () => {
    const tokenLine = '  const token = await tailor.secretmanager.getSecret("api-keys", "github-tokne");';
    const otherLine = '  const other = await secrets.get("api-kyes", "stripe-secret-key");';
    await writeWorkspaceFile('src/resolvers/sync.ts', ['export async function sync() {', tokenLine, otherLine, '  return [token, other];', '}', ''].join('\n'));
    const keyColumn = tokenLine.indexOf('github-tokne') + 1;
    const vaultColumn = otherLine.indexOf('api-kyes') + 1;
    const result = await run('check');
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(lines, [
      `src/resolvers/sync.ts:2:${keyColumn} api-keys/github-tokne: Secret "github-tokne" does not exist in vault "api-keys" in Local store. Did you mean "github-token"?`,
      `src/resolvers/sync.ts:3:${vaultColumn} api-kyes/stripe-secret-key: Vault "api-kyes" does not exist in Local store. Did you mean "api-keys"?`,
    ]);
    assert.match(result.stderr, /3 references in 2 files checked.*2 unresolved/);
    assert.ok(!result.stdout.includes(CANARY_VALUE) && !result.stderr.includes(CANARY_VALUE));
  });

  it('escapes control characters in file names and reference texts from the repository', async () => {
    await writeWorkspaceFile('src/a\u001b]0;retitled\u0007.ts', 'secrets.get("api-keys", "missing\\u001b[2Jone");\n');
    const result = await run('check');
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character but line ends');
    assert.match(result.stdout, /^src\/a\\u001b\]0;retitled\\u0007\.ts:1:/);
  });

  it('checks the references of an env file named as a path, with a suggestion', async () => {
    await writeWorkspaceFile('.env', 'PORT=80\nSTRIPE=secret-manager://api-keys/stripe-secret-key\nexport TOKEN="secret-manager://api-keys/github-tokne"\n');
    const result = await run('check', '.env', 'executors');
    assert.equal(result.code, 1, result.stderr);
    const column = 'export TOKEN="secret-manager://api-keys/'.length + 1;
    assert.match(result.stdout, new RegExp(`^\\.env:3:${column} api-keys/github-tokne: .*Did you mean "github-token"`, 'm'));
    assert.match(result.stderr, /3 references in 2 files checked/);
    assert.ok(!result.stdout.includes(CANARY_VALUE));
  });

  it('prints one JSON document with --json', async () => {
    await writeWorkspaceFile('src/a.ts', 'secrets.getAll("api-keys", ["stripe-secret-key", "missing-one"]);\n');
    const result = await run('check', '--json');
    assert.equal(result.code, 1);
    const document = JSON.parse(result.stdout);
    assert.equal(document.referencesChecked, 3);
    assert.equal(document.filesScanned, 2);
    assert.equal(document.problems.length, 1);
    assert.deepEqual(
      { ...document.problems[0], message: undefined },
      { file: 'src/a.ts', line: 1, column: 'secrets.getAll("api-keys", ["stripe-secret-key", "'.length + 1, vault: 'api-keys', key: 'missing-one', kind: 'missing-key', severity: 'warning', message: undefined },
    );
    assert.ok(!result.stdout.includes(CANARY_VALUE));
  });

  it('checks only the paths given, and honours .gitignore', async () => {
    await writeWorkspaceFile('generated/x.ts', 'secrets.get("nope-vault", "nope-key");\n');
    await writeWorkspaceFile('node_modules/pkg/index.js', 'secrets.get("nope-vault", "nope-key");\n');
    await writeWorkspaceFile('.gitignore', 'generated/\n');
    assert.equal((await run('check')).code, 0);
    assert.equal((await run('check', 'executors')).code, 0);
    const direct = await run('check', 'generated/x.ts');
    assert.equal(direct.code, 1);
    assert.match(direct.stdout, /^generated\/x\.ts:1:14 nope-vault\/nope-key: Vault "nope-vault" does not exist/);
  });

  it('applies the workspace .gitignore to a subfolder given as a path, and skips huge files', async () => {
    await writeWorkspaceFile('.gitignore', 'src/generated/\n');
    await writeWorkspaceFile('src/generated/x.ts', 'secrets.get("nope-vault", "nope-key");\n');
    await writeWorkspaceFile('src/big.min.js', `secrets.get("nope-vault", "nope-key");${' '.repeat(2 * 1024 * 1024)}`);
    const result = await run('check', 'src');
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stderr, /Skipped src\/big\.min\.js: larger than 2 MiB/);
  });

  it('skips declarations unless --include-declarations', async () => {
    const config = 'defineConfig({ secrets: defineSecretManager({ "new-vault": { "new-key": process.env.X } }) });';
    await writeWorkspaceFile('tailor.config.ts', `${config}\n`);
    assert.equal((await run('check')).code, 0);
    const withDeclarations = await run('check', '--include-declarations');
    assert.equal(withDeclarations.code, 1);
    assert.ok(withDeclarations.stdout.startsWith(`tailor.config.ts:1:${config.indexOf('new-vault') + 1} new-vault/new-key: Vault "new-vault" does not exist`), withDeclarations.stdout);
    assert.match(withDeclarations.stdout, /new-vault\/new-key: Vault "new-vault" does not exist/);
  });

  describe('the declared-vault fixture project', () => {
    interface Planted {
      readonly deployed: Record<string, string[]>;
      readonly references: Array<{ file: string; line: number; vault: string; key: string; expect: string; declaredAt?: string }>;
    }
    const fixture = path.join(__dirname, '../../fixtures/tailor-projects/declared-vault');
    let planted: Planted;

    beforeEach(async () => {
      planted = JSON.parse(await readFile(path.join(fixture, 'planted.json'), 'utf8')) as Planted;
      await rm(workspace, { recursive: true, force: true });
      await cp(fixture, workspace, { recursive: true });
      const store = await openStore({ kind: 'local', env });
      try {
        for (const [vault, keys] of Object.entries(planted.deployed)) {
          await store.createVault(vault);
          for (const key of keys) await store.createSecret({ vault, key, value: `${CANARY_VALUE}-${key}` });
        }
      } finally {
        await store.close();
      }
    });

    const located = (kind: string) =>
      planted.references.filter((reference) => reference.expect === kind).map(({ file, line, vault, key }) => ({ file, line, vault, key, kind }));

    it('reports exactly the planted invalid name as a problem and the declared, undeployed secret as a note', async () => {
      const result = await run('check', '--json');
      assert.equal(result.code, 1, result.stderr);
      const document = JSON.parse(result.stdout) as { referencesChecked: number; problems: Array<Record<string, unknown>>; notes: Array<Record<string, unknown>> };
      const summary = (entries: Array<Record<string, unknown>>) => entries.map(({ file, line, vault, key, kind }) => ({ file, line, vault, key, kind }));
      assert.deepEqual(summary(document.problems), located('invalid-name'));
      assert.deepEqual(summary(document.notes), located('declared-not-deployed'));
      assert.equal(document.referencesChecked, planted.references.filter((reference) => reference.expect !== 'declaration').length);
      const [invalid] = document.problems;
      assert.match(String(invalid?.message), /^"API_KEY" is not a valid secret name: uppercase letters "A", "P", "I", "K", "E", "Y" and "_" are not allowed\./);
      const [note] = document.notes;
      const declaredAt = planted.references.find((reference) => reference.expect === 'declared-not-deployed')?.declaredAt;
      assert.equal(note?.message, `Secret "salesforce-token" is declared in ${declaredAt}, not in Local store yet.`);
      assert.equal(note?.severity, 'information');
      assert.ok(!result.stdout.includes(CANARY_VALUE));
    });

    it('passes with only the note once the invalid name is gone, and fails again on a key nobody declared', async () => {
      const invalid = planted.references.find((reference) => reference.expect === 'invalid-name')!;
      const file = path.join(workspace, invalid.file);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(`"${invalid.key}"`, '"hubspot-token"'));
      const passing = await run('check');
      assert.equal(passing.code, 0, passing.stdout);
      assert.match(passing.stdout, /^executors\/sync-contacts\.ts:12:\d+ crm-keys\/salesforce-token: note: Secret "salesforce-token" is declared in secrets\.ts:12/);
      assert.match(passing.stderr, /all resolve \(1 declared, not in the store yet\)/);

      await writeFile(file, text.replace(`"${invalid.key}"`, '"zendesk-token"'));
      const failing = await run('check');
      assert.equal(failing.code, 1);
      assert.match(failing.stdout, /crm-keys\/zendesk-token: Secret "zendesk-token" is not declared in vault "crm-keys" \(secrets\.ts:11\) and does not exist in Local store\./);
    });
  });

  it('reports exactly the references planted in the docs-forms fixture project', async () => {
    const fixture = path.join(__dirname, '../../fixtures/tailor-projects/docs-forms');
    const planted = JSON.parse(await readFile(path.join(fixture, 'planted.json'), 'utf8')) as {
      references: Array<{ file: string; line: number; vault: string; key: string; form: string }>;
    };
    await cp(fixture, path.join(workspace, 'docs-forms'), { recursive: true });
    // Every vault exists and holds none of the keys: each reference is reported once, on its key's line.
    const store = await openStore({ kind: 'local', env });
    try {
      for (const vault of new Set(planted.references.map((reference) => reference.vault))) await store.createVault(vault);
    } finally {
      await store.close();
    }
    const result = await run('check', '--json', '--include-declarations', 'docs-forms');
    assert.equal(result.code, 1, result.stderr);
    const document = JSON.parse(result.stdout) as { referencesChecked: number; problems: Array<{ file: string; line: number; vault: string; key: string; kind: string }> };
    assert.equal(document.referencesChecked, planted.references.length);
    const reported = document.problems.map((problem) => `${problem.file}:${problem.line} ${problem.vault}/${problem.key} ${problem.kind}`).sort();
    // Tailor's runtime docs use keys such as API_KEY, which the naming rule refuses: those are invalid names, not missing.
    const kindOf = (key: string) => (/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(key) ? 'missing-key' : 'invalid-name');
    const expected = planted.references.map((reference) => `docs-forms/${reference.file}:${reference.line} ${reference.vault}/${reference.key} ${kindOf(reference.key)}`);
    // The tutorials' { vaultName, secretName } is also reported as a likely typo, on the property's line.
    const typos = planted.references
      .filter((reference) => reference.form === 'vault-name-secret-name-object')
      .map((reference) => `docs-forms/${reference.file}:${reference.line} ${reference.vault}/${reference.key} likely-typo`);
    assert.equal(typos.length, 1);
    assert.deepEqual(reported, [...expected, ...typos].sort());
  });

  it('reports { vaultName, secretName } as a likely typo for secretKey, even when the secret exists', async () => {
    const line = '  clientSecret: { vaultName: "api-keys", secretName: "github-token" },';
    await writeWorkspaceFile('auth.ts', ['export const auth = defineAuth("a", {', line, '});', ''].join('\n'));
    const result = await run('check', 'auth.ts');
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      `auth.ts:2:${line.indexOf('secretName') + 1} api-keys/github-token: "secretName" is likely a typo for "secretKey": Tailor's SDK reads { vaultName, secretKey } and does not know "secretName".\n`,
    );
    assert.match(result.stderr, /1 reference in 1 file checked.*1 unresolved/);
  });

  it('exits 2 on a usage mistake', async () => {
    const missing = await run('check', 'no-such-folder');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or folder: no-such-folder/);
    const unknownOption = await run('check', '--frobnicate');
    assert.equal(unknownOption.code, 2);
  });
});
