import assert from 'node:assert/strict';
import {
  parseCommandArguments,
  parsePositiveInteger,
  requireOption,
  splitArguments,
  UsageError,
} from '../../../src/cli/arguments';

const groupWords = (first: string) => (first === 'vault' || first === 'secret' ? 2 : 1);

describe('cli/arguments', () => {
  describe('splitArguments', () => {
    it('takes global options before the command', () => {
      const split = splitArguments(['--store', 'tailor', '--profile', 'staging', '--json', 'vault', 'list'], groupWords);
      assert.deepEqual(split.globals, { store: 'tailor', profile: 'staging', workspaceId: undefined, json: true });
      assert.deepEqual(split.words, ['vault', 'list']);
      assert.deepEqual(split.rest, []);
      assert.equal(split.help, false);
    });

    it('takes global options after and between the command words, leaving the command options in order', () => {
      const split = splitArguments(
        ['secret', '--json', 'create', '--vault-name', 'v1x', '--workspace-id=w-1', '--name', 'n1x', '--store=local'],
        groupWords,
      );
      assert.deepEqual(split.words, ['secret', 'create']);
      assert.deepEqual(split.globals, { store: 'local', profile: undefined, workspaceId: 'w-1', json: true });
      assert.deepEqual(split.rest, ['--vault-name', 'v1x', '--name', 'n1x']);
    });

    it('defaults to the local store and text output', () => {
      const split = splitArguments(['status'], groupWords);
      assert.deepEqual(split.globals, { store: 'local', profile: undefined, workspaceId: undefined, json: false });
      assert.deepEqual(split.words, ['status']);
    });

    it('sees -h and --help anywhere', () => {
      assert.equal(splitArguments(['vault', 'create', '-h'], groupWords).help, true);
      assert.equal(splitArguments(['--help'], groupWords).help, true);
    });

    it('does not take a command option value as a command word', () => {
      const split = splitArguments(['scan', '--format', 'json', 'src'], groupWords);
      assert.deepEqual(split.words, ['scan']);
      assert.deepEqual(split.rest, ['--format', 'json', 'src']);
    });

    it('leaves everything after -- to the command', () => {
      const split = splitArguments(['scan', '--', '--json'], groupWords);
      assert.equal(split.globals.json, false);
      assert.deepEqual(split.rest, ['--', '--json']);
    });

    it('refuses an unknown store kind', () => {
      assert.throws(() => splitArguments(['--store', 'vault-x', 'status'], groupWords), (error: unknown) => {
        return error instanceof UsageError && /--store must be "local", "tailor" or "workos"/.test(error.message);
      });
    });

    it('refuses a global option without its value', () => {
      assert.throws(() => splitArguments(['status', '--profile'], groupWords), /--profile needs a value/);
    });
  });

  describe('parseCommandArguments', () => {
    it('parses the options of a command', () => {
      const { values, positionals } = parseCommandArguments(
        'vault delete',
        ['api-keys', '--yes'],
        { yes: { type: 'boolean' } },
        { min: 1, max: 1 },
      );
      assert.deepEqual(positionals, ['api-keys']);
      assert.equal(values.yes, true);
    });

    it('turns an unknown option into a usage error naming the command', () => {
      assert.throws(
        () => parseCommandArguments('vault list', ['--bogus'], {}, { min: 0, max: 0 }),
        (error: unknown) => error instanceof UsageError && error.command === 'vault list' && /--bogus/.test(error.message),
      );
    });

    it('refuses missing and extra plain arguments', () => {
      assert.throws(() => parseCommandArguments('vault create', [], {}, { min: 1, max: 1 }), /vault create needs a name/);
      assert.throws(() => parseCommandArguments('vault create', ['a1a', 'b2b'], {}, { min: 1, max: 1 }), /at most 1/);
    });

    it('explains an option value that starts with "-" without repeating it', () => {
      assert.throws(
        () => parseCommandArguments('secret create', ['--value', '-hidden-value-9'], { value: { type: 'string' } }, { min: 0, max: 0 }),
        (error: unknown) =>
          error instanceof UsageError && error.message === '--value needs a value; a value that starts with "-" is written --value=<value>.' && !error.message.includes('hidden-value-9'),
      );
    });

    it('gives the quoting advice only to commands that take a value', () => {
      assert.throws(
        () => parseCommandArguments('vault list', ['stray-word'], {}, { min: 0, max: 0 }),
        (error: unknown) => error instanceof UsageError && error.message === 'vault list takes no plain arguments.',
      );
    });

    it('does not echo a dash-led option value in its error', () => {
      assert.throws(
        () => parseCommandArguments('secret create', ['--value', '-canary-dash-value'], { value: { type: 'string' } }, { min: 0, max: 0 }),
        (error: unknown) => error instanceof UsageError && !error.message.includes('canary') && /--value/.test(error.message),
      );
    });

    it('does not echo a stray plain argument, which may be the rest of an unquoted value', () => {
      // `--value two words` without quotes leaves "words" as a plain argument.
      assert.throws(
        () =>
          parseCommandArguments('secret create', ['--value', 'canary-first', 'canary-rest'], { value: { type: 'string' } }, { min: 0, max: 0 }),
        (error: unknown) =>
          error instanceof UsageError &&
          !error.message.includes('canary') &&
          /secret create takes no plain arguments/.test(error.message) &&
          /quote/i.test(error.message),
      );
    });
  });

  describe('values', () => {
    it('parses positive whole numbers and refuses the rest', () => {
      assert.equal(parsePositiveInteger('audit', '25', 'limit'), 25);
      assert.equal(parsePositiveInteger('audit', undefined, 'limit'), undefined);
      for (const bad of ['0', '-1', '1.5', 'ten', '', '01']) {
        assert.throws(() => parsePositiveInteger('audit', bad, 'limit'), /--limit must be a positive whole number/);
      }
    });

    it('names a missing required option', () => {
      assert.equal(requireOption('secret get', 'x', 'name'), 'x');
      assert.throws(() => requireOption('secret get', undefined, 'vault-name'), /secret get needs --vault-name/);
    });
  });
});
