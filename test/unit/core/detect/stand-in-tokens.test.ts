import assert from 'node:assert/strict';
import { hasSequenceAfterPrefix, holdsFillerRun, holdsTypedRun, holdsTypedSequences, isFakeUuid, isRunOfSequences, isShorterThanItsFormat, isJwtHeaderPiece, isJwtWithoutSignature, isPublishedSampleJwt, isShortHex, isSlackStandIn, isSlackWebhookStandIn, isStandInJwt, spellsItsName } from '../../../../src/core/detect/stand-in-tokens';
import { encodeJwtPart, fake, randomText, signedJwt } from './fake-credentials';

const encode = encodeJwtPart;
const hs256 = signedJwt;

describe('core/detect/stand-in-tokens', () => {
  it('Slack prefixes with a test name or short numbers are stand-ins; real Slack tokens are not', () => {
    assert.equal(isSlackStandIn(['xo', 'xb-111'].join('')), true);
    assert.equal(isSlackStandIn(['xo', 'xb-users_list_pagination_1'].join('')), true);
    for (let round = 0; round < 200; round += 1) assert.equal(isSlackStandIn(fake.slackBotToken()), false);
  });

  it('Slack webhooks with ids or a secret too short for real ones are stand-ins; a real-shaped one is not', () => {
    assert.equal(isSlackWebhookStandIn('https://hooks.slack.com/services/T00/B00/XXX'), true);
    assert.equal(isSlackWebhookStandIn('https://hooks.slack.com/services/T2/B2/succeed'), true);
    const real = `https://hooks.slack.com/services/T${randomText(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B${randomText(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/${randomText(24)}`;
    assert.equal(isSlackWebhookStandIn(real), false);
  });

  it('JWTs signing only toy claims, or signed with "key" or "123", are stand-ins', () => {
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { foo: 'bar' })), true);
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), {}).replace(/\.[\w-]+\./, '.e30.')), true);
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { foo: 'bar', sub: 'user-1' })), false);
    for (const key of ['key', '123', 'DEVJWTSECRET']) assert.equal(isStandInJwt(hs256(key, { sub: 'user-1' })), true, key);
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { 'urn:example:claim': true, iss: 'urn:example:issuer' })), true, "documentation's example namespace");
  });

  it("JWTs whose every claim is a test's toy words, or with a time claim written as text, are stand-ins", () => {
    for (const claims of [{ data: 'foo' }, { sub: 'foo' }, { sub: 'username:bob' }, { name: 'alice', iat: 1664606334 }]) {
      assert.equal(isPublishedSampleJwt(hs256(randomText(32), claims)), true, JSON.stringify(claims));
    }
    for (const claims of [{ sub: 'bob', role: 'admin' }, { sub: 'user-1' }, { sub: randomText(12, 'abcdefghijklmnopqrstuvwxyz') }, { msg: 'hello' }, { sub: 'alice', exp: 4102444800 }]) {
      assert.equal(isPublishedSampleJwt(hs256(randomText(32), claims)), false, JSON.stringify(claims));
    }
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { iat: 1664606334, exp: 1664609934, nbf: '3104606264' })), true, 'nbf as text');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { exp: '946684800', sub: randomText(8) })), true, 'exp as text');
    const edited = hs256(randomText(32), { iss: 'videoconf_app', iat: 1685385179, exp: 1685388779 }).replace(/\.([\w-]+)\./, (_whole, claims: string) => `.${Buffer.from(Buffer.from(claims, 'base64url').toString().replace('1685388779', '16853887et6474dd')).toString('base64url')}.`);
    assert.equal(isPublishedSampleJwt(edited), true, 'claims edited by hand into no JSON');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { iat: 1664606334, exp: 1664609934, nbf: 1664606334 })), false);
  });

  it('JWTs: a published sample, a short or missing signature and a test key are stand-ins', () => {
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { iss: 'Online JWT Builder' })), true);
    assert.equal(isPublishedSampleJwt(hs256('secret', { some: 'payload' })), true, "PyJWT's README");
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { some: 'payload', user: randomText(8) })), false);
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { sub: 'subject', exp: 4683805128 })), true, "Spring Security's samples");
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { iss: 'https://auth.example.com', aud: 'api1', sub: randomText(12) })), true, 'an example.com issuer');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { aud: ['https://app.example.org/resource'], sub: randomText(12) })), true, 'an example.org audience');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { htu: 'https://server.example.com/oauth2/token', htm: 'POST' })), true, 'a DPoP proof for an example server');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { iss: 'https://auth.myexample.com', sub: randomText(12) })), false, 'only the example domains themselves');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { iss: 'https://accounts.google.com', sub: 'subjects' })), false);
    assert.equal(isStandInJwt(hs256('test', { name: 'test' })), true);
    assert.equal(isStandInJwt(hs256(randomText(32), { name: 'test' }).slice(0, -10)), true);
    assert.equal(isStandInJwt(hs256(randomText(32), { sub: randomText(8) })), false);
    const rs256 = `${encodeJwtPart({ alg: 'RS256', typ: 'JWT' })}.${encodeJwtPart({ sub: randomText(8) })}`;
    assert.equal(isStandInJwt(`${rs256}.invalidsignature`), true, 'an RSA signature shorter than any key');
    assert.equal(isStandInJwt(`${rs256}.${randomText(342, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_')}`), false, "a 2,048-bit key's");
    assert.equal(isJwtWithoutSignature(`${encode({ alg: 'RS256' })}.${encode({ iss: 'x' })}`), true);
    assert.equal(isJwtWithoutSignature(`${encode({ alg: 'HS256' })}.${encode({ iss: 'x' })}.signature`), true);
    assert.equal(isJwtHeaderPiece('I1NiIsInR5'), true);
    assert.equal(isJwtHeaderPiece(randomText(10)), false);
  });

  it('short hex, UUIDs with letters past f, filler runs and values spelling their name are stand-ins', () => {
    assert.equal(isShortHex('cfcd2084'), true);
    assert.equal(isShortHex(randomText(16, '0123456789abcdef').replace(/^./, 'a').replace(/.$/, '1')), false);
    assert.equal(isFakeUuid('12345678-25fg-4b05-9ced-35e7dd5093ae'), true);
    assert.equal(isFakeUuid('a1234567-40c7-9048-7bae-378687048181'), true, 'digits counted in the first group');
    assert.equal(isFakeUuid(`${randomText(8, 'abcdef')}-40c7-9048-7bae-378687048181`), false);
    assert.equal(isSlackWebhookStandIn(`https://hooks.slack.com/services/T11111111/B11111111/${'Y'.repeat(20)}`), true, 'one character typed where ids and the secret go');
    assert.equal(holdsFillerRun('8f742231b10e8888abcd99yyyzzz85a5'), true);
    assert.equal(holdsTypedRun(['AIza', 'SyD-9_8a7b6c5d4e3f2g1h0_SPECIAL-CHARS'].join('')), true, 'counted in turn in one part');
    assert.equal(holdsTypedRun(`AIza${randomText(8)}-${randomText(14)}_${randomText(12)}`), false);
    assert.equal(isJwtWithoutSignature('e30=.eyJub25jZSI6ICJub25jZSJ9.signature'), true, 'an empty header, a word for a signature');
    assert.equal(spellsItsName('awsimdsv2sessiontoken', 'AWS_IMDSV2_SESSION_TOKEN'), true);
    assert.equal(spellsItsName(randomText(20), 'AWS_SESSION_TOKEN'), false);
    assert.equal(spellsItsName('@canvas/SET_COMPONENT_CREDENTIALS', 'SET_COMPONENT_CREDENTIALS'), true, "a Redux action's type");
    assert.equal(spellsItsName(`${randomText(20)}sessiontoken`, 'TOKEN'), false, 'a short name inside a long value');
  });

  it('JWTs that expired before JWTs existed are a test\'s fixed expected output', () => {
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { exp: 946684800 })), true, 'expired on 2000-01-01');
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { exp: 946684800, aud: 'openid-client-id', sub: randomText(8) })), true);
    assert.equal(isPublishedSampleJwt(hs256(randomText(32), { exp: 1700000000, sub: randomText(8) })), false, 'expired in 2023: it was live once');
  });

  it('letters typed along the alphabet, or a run of letters beside a run of digits, are typed stand-ins', () => {
    for (const value of ['abcdE23FNkBxy456z25qx9Yp5CPUxlEfQeTDkfh4QA=I', 'akab-zyx987xa6osbli4k-e7jf5ikib5jknes3', 'M9XGZP/D2JedcbABC4Td8XSnHfKKIV4N5n28cj2y6zE='])
      assert.equal(holdsTypedSequences(value), true, value);
    assert.equal(holdsTypedSequences('EXPIRED34567890B'), true, 'digits in the keyboard order');
    for (const value of ['akab-nomoflavjuc4422e-fa2xznerxrm3teg7', 'a1b2c3', 'xy456z', 'abc12', 'K7bcdT2']) assert.equal(holdsTypedSequences(value), false, value);
    // Random base64 of forty characters holds one about once in a hundred thousand values.
    assert.equal(holdsTypedSequences('9f3abcde7a21987def0c'), false, 'hex is left alone: with six letters, runs come by chance');
    let typed = 0;
    for (let round = 0; round < 2000; round += 1) if (holdsTypedSequences(randomText(40, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/'))) typed += 1;
    assert.ok(typed <= 3, `${typed} of 2000 random values`);
  });

  it('short values whose letters are one run and digits another, and the alphabet in mixed case, are typed', () => {
    assert.equal(holdsTypedRun('1a2B3c4#'), true);
    assert.equal(holdsTypedRun('1a2B3x4#'), false);
    assert.equal(isRunOfSequences('AbC-dEf5'), true);
    assert.equal(isRunOfSequences('AxC-dQf5'), false);
  });

  it('a part counted out nearly all the way after a short prefix is a stand-in; a random one is not', () => {
    assert.equal(hasSequenceAfterPrefix('1//xEg-def456'), true);
    assert.equal(hasSequenceAfterPrefix('tr_prod_abc123'), true);
    assert.equal(hasSequenceAfterPrefix('1//xEg-q8Zk3T'), false);
  });

  it("a provider's prefix on far fewer characters than its tokens have is a stand-in", () => {
    for (const value of ['pypi-AgEIcHlwaS5vcmc', 'pypi-flit123abc', ['gh', 'p_', randomText(20)].join('')]) assert.equal(isShorterThanItsFormat(value), true, value);
    for (const value of [['pypi-AgEIcHlwaS5vcmc', randomText(150)].join(''), ['gh', 'p_', randomText(36)].join(''), randomText(12)]) assert.equal(isShorterThanItsFormat(value), false, value);
  });
});
