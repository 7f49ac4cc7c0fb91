import assert from 'node:assert/strict';
import { requireConfirmation } from '../../../src/cli/prompt';
import { isSecretManagerError } from '../../../src/core/model';
import { createMemoryIo } from './memory-io';

const question = { question: 'Delete vault api-keys?', action: 'delete vault api-keys' };

describe('cli/prompt', () => {
  it('goes ahead with --yes without asking', async () => {
    const io = createMemoryIo({ terminal: false });
    await requireConfirmation(io, { ...question, yes: true });
    assert.equal(io.output.stderr, '');
  });

  it('refuses without --yes when stdin is not a terminal, and says to pass --yes', async () => {
    const io = createMemoryIo({ terminal: false, stdin: 'y\n' });
    await assert.rejects(requireConfirmation(io, { ...question, yes: false }), (error: unknown) => {
      return isSecretManagerError(error, 'denied') && /not a terminal/.test(error.message) && error.hint === 'Pass --yes to confirm.';
    });
    assert.equal(io.output.stderr, '', 'no question is asked');
  });

  for (const answer of ['y', 'yes', 'Y']) {
    it(`asks on a terminal and goes ahead on "${answer}"`, async () => {
      const io = createMemoryIo({ terminal: true, stdin: `${answer}\n` });
      await requireConfirmation(io, { ...question, yes: false });
      assert.equal(io.output.stderr, 'Delete vault api-keys? [y/N] ');
    });
  }

  for (const answer of ['n', '', 'yep']) {
    it(`cancels on "${answer}"`, async () => {
      const io = createMemoryIo({ terminal: true, stdin: `${answer}\n` });
      await assert.rejects(requireConfirmation(io, { ...question, yes: false }), /Cancelled: did not delete vault api-keys/);
    });
  }

  it('cancels when stdin ends without an answer', async () => {
    const io = createMemoryIo({ terminal: true });
    await assert.rejects(requireConfirmation(io, { ...question, yes: false }), /Cancelled/);
  });
});
