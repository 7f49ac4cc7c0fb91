import { encodeJwtPart, fake, randomText, URL_SAFE } from '../fake-credentials';
import { assertFinds, assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/nats', () => {
  it("finds a user's, an account's and an operator's nkey seed in the five contexts", async () => {
    for (const kind of ['U', 'A', 'O'] as const) await assertFoundInFiveContexts('secret-manager/nats-nkey-seed', () => fake.natsSeed(kind));
  });

  it('finds the seed of a .creds file, and not the public JWT above it', async () => {
    const seed = fake.natsSeed('U');
    const jwt = [encodeJwtPart({ typ: 'JWT', alg: 'ed25519-nkey' }), encodeJwtPart({ jti: randomText(52), iss: randomText(56), sub: randomText(56), nats: { type: 'user' } }), randomText(86, URL_SAFE)].join('.');
    const creds = `-----BEGIN NATS USER JWT-----\n${jwt}\n------END NATS USER JWT------\n\n************************* IMPORTANT *************************\nNKEY Seed printed below can be used to sign and prove identity.\n\n-----BEGIN USER NKEY SEED-----\n${seed}\n------END USER NKEY SEED------\n`;
    await assertFinds(creds, 'secret-manager/nats-nkey-seed', seed, '/w/tests/integration/nats/data/nats.creds');
  });

  it('leaves a seed whose checksum is wrong alone (one character altered)', async () => {
    await assertNothingFound(`const seed = "${fake.natsSeed('U', true)}";\n`, '/w/src/nats.rs');
  });
});
