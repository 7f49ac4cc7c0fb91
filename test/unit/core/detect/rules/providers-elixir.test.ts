import { fake, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-elixir', () => {
  it("finds Livebook Teams' three kinds of key in the five contexts", async () => {
    for (const kind of ['tk', 'ak', 'ot'] as const) await assertFoundInFiveContexts('secret-manager/livebook-key', () => fake.livebookKey(kind));
  });

  it('finds Phoenix signed tokens in the five contexts, with or without an id in front', async () => {
    await assertFoundInFiveContexts('secret-manager/phoenix-token', () => fake.phoenixToken());
    await assertFoundInFiveContexts('secret-manager/phoenix-token', () => fake.phoenixToken('.'));
    await assertFoundInFiveContexts('secret-manager/phoenix-token', () => fake.phoenixToken(`${randomText(1).toLowerCase()}.`));
  });

  it('leaves stand-ins and shortened keys alone', async () => {
    await assertNothingFound(`const key = "${join('lb_', 'tk_', 'your_teams_key_here')}"; const other = "${join('lb_', 'ot_', '...')}";\n`);
    await assertNothingFound(`const token = "${join('SFM', 'yNTY.', 'g2gD', 'aaaaaaaaaaaaaaaaaaaaaaaaaa', '.', 'x'.repeat(43))}";\n`);
  });
});
