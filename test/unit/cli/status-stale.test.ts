import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isUsageError } from '../../../src/cli/arguments';
import { policyDaysOption, reportStaleSecrets } from '../../../src/cli/commands/status-stale';
import { runCli } from '../../../src/cli/run';
import { createMemoryIo } from './memory-io';

describe('cli/status --stale', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  const globals = { store: 'local' as const, json: false };

  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-stale-'));
    env = { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'stale test passphrase', SECRET_MANAGER_KEYCHAIN: 'off', HOME: home };
    assert.equal(await runCli(['vault', 'create', 'api-keys'], createMemoryIo({ env })), 0);
    for (const name of ['stripe-key', 'github-token']) {
      assert.equal(await runCli(['secret', 'create', '--vault-name', 'api-keys', '--name', name], createMemoryIo({ env, stdin: `value of ${name}\n` })), 0);
    }
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('exits 0 when every secret was rotated within the policy', async () => {
    const io = createMemoryIo({ env });
    assert.equal(await runCli(['status', '--stale'], io), 0, io.output.stderr);
    assert.equal(io.output.stdout, '');
    assert.match(io.output.stderr, /No stale secrets: all 2 secrets rotated within 90 days/);
  });

  it('lists the secrets past the policy and exits 1, as the store reports their update times', async () => {
    const later = new Date(Date.now() + 212 * 24 * 3600_000 + 3600_000);
    const io = createMemoryIo({ env });
    assert.equal(await reportStaleSecrets(globals, io, 90, later), 1);
    assert.equal(io.output.stdout, 'api-keys/github-token  last rotated 212 days ago, policy 90\napi-keys/stripe-key    last rotated 212 days ago, policy 90\n');
    assert.match(io.output.stderr, /2 secrets of 2 not rotated within 90 days/);

    const withinLongerPolicy = createMemoryIo({ env });
    assert.equal(await reportStaleSecrets({ ...globals, json: true }, withinLongerPolicy, 365, later), 0);
    assert.deepEqual(JSON.parse(withinLongerPolicy.output.stdout), { policyDays: 365, stale: [] });
  });

  it('refuses a policy that is not a whole number of days, and --policy-days without --stale', async () => {
    for (const bad of ['0.5', '-3', 'ninety', '', '4000']) assert.throws(() => policyDaysOption(bad), (error: unknown) => isUsageError(error) && /--policy-days must be a whole number of days/.test((error as Error).message), bad);
    assert.equal(policyDaysOption('30'), 30);
    const io = createMemoryIo({ env });
    assert.equal(await runCli(['status', '--policy-days', '30'], io), 2);
    assert.match(io.output.stderr, /--policy-days goes with --stale/);
  });
});
