import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { maskCredential } from '../../../../src/core/detect/finding';
import { holdsTemplateSlot, isDigestOfCommonWord, isPlaceholder, isPublicDevelopmentKey, shannonEntropy } from '../../../../src/core/detect/placeholders';
import { hex, join, randomText } from './fake-credentials';

describe('core/detect/placeholders', () => {
  it('recognises placeholders', () => {
    for (const value of ['YOUR_API_KEY', '<token>', 'xxxxx', 'REPLACE_ME', 'changeme', '${TOKEN}', 'process.env.TOKEN', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'your_password_here', 'ENTER-STRING-HERE', 'enter_your_token', 'PUT-SECRET-HERE', '***', '{{ secret }}']) {
      assert.equal(isPlaceholder(value), true, value);
    }
    assert.equal(isPlaceholder(randomText(24)), false);
  });

  it('recognises published examples, truncated digests of empty input and slots in brackets', () => {
    for (const value of ['2YotnFZFEjr1zCsicMWpAA', 'JBSWY3DPEHPK3PXPJBSW', 'e3b0c44298fc1c149afbf4c8996fb', 'DA39A3EE5E6B4B0D3255', '[password]', 'your-random-secret-at-least-32-chars', 'this_is_a_secret_abc123']) {
      assert.equal(isPlaceholder(value), true, value);
    }
    assert.equal(isPlaceholder('e3b0c442'), false, 'eight characters are too few to call a digest');
    assert.equal(isPlaceholder(['gh', 's_16C7e42F292c6912', 'E7710c838347Ae178B4a'].join('')), true, "GitHub's documented installation token");
    assert.equal(isPlaceholder(['gh', 's_16C7', randomText(32)].join('')), false);
    assert.equal(isPlaceholder(['wh', 'sec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'].join('')), true, 'the Standard Webhooks test secret');
    assert.equal(isPlaceholder(['AI', 'zaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI'].join('')), true, "Google Chat's webhook key");
    assert.equal(isPlaceholder(['MTQ0', 'NjJkZmQ5OTM2NDE1ZTZjNGZmZjI3'].join('')), true, "oauth.com's example access token");
    assert.equal(isPlaceholder('23410913-abewfq.123483'), true, "RFC 7662's example token");
    assert.equal(isPlaceholder('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'), true, "RFC 9449's example token");
    assert.equal(isPlaceholder(['144c9def', 'ac04969c7bfad8efaa8ea194'].join('')), true, "Cloudflare's documented Global API Key");
    assert.equal(isPlaceholder(['Sn3lZJTB', 'X6kkg7OdcBUAxOO963GEIyGQqnFTOFYY'].join('')), true, "Cloudflare's documented API token");
    assert.equal(isPlaceholder(['144c9def', randomText(24, '0123456789abcdef')].join('')), false);
    assert.equal(isPlaceholder('123E4567-E89B-12D3-A456-426614174000'), true, 'the example UUID of many API pages');
    assert.equal(isPlaceholder(['9944b091', '99c62bcf9418ad846dd0e4bbdfc6ee4b'].join('')), true, "Django REST framework's documented token");
    assert.equal(isPlaceholder(['9944b091', randomText(32, '0123456789abcdef')].join('')), false);
    assert.equal(isPlaceholder(['sk', '_test_26PHem9AhJZvU623DfE1x4sd'].join('')), true, "Stripe's documentation, signed out");
    assert.equal(isPlaceholder(['sk', '_test_4eC39HqLyjWDarjtT1zdp7dc'].join('')), true, "Stripe's documentation, signed out");
    assert.equal(isPlaceholder(['sk', '_test_26PH', randomText(20)].join('')), false);
    assert.equal(isPlaceholder(['6LeIxAcTAAAAA', 'GG-vFI1TnRWxMZNFuojJ4WifJWe'].join('')), true, "Google's reCAPTCHA test secret");
    assert.equal(isPlaceholder(['6LeIxAcTAAAAA', randomText(27)].join('')), false);
    assert.equal(isPlaceholder(['wh', 'sec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'].join('')), true, "Svix's documented webhook secret");
    for (const prefix of ['test_', 'live_', 'access_']) assert.equal(isPlaceholder([prefix, 'dHar4XY7LxsDOtmnkVtjNVWXLSlXsM'].join('')), true, `Mollie's documented key behind ${prefix}`);
    assert.equal(isPlaceholder(['live_', 'dHar', randomText(26)].join('')), false);
    assert.equal(isPlaceholder(['vF9dft4qmTc2Nvb3Rlck', 'BhbHRhdmlzdGEuY29tCg=='].join('')), true, "RFC 7628's example OAUTHBEARER token");
    assert.equal(isPlaceholder(['7Fjfp0ZBr1', 'KtDRbnfVdmIw'].join('')), true, "RFC 6749's example client secret");
    assert.equal(isPlaceholder(['EGnHDxD_', 'qRPdaLdZz8iCr8N7_MzF-YHPTkjs6NKYQvQSBngp4PTTVWkPZRbL'].join('')), true, "PayPal's sample app's client secret");
    assert.equal(holdsTemplateSlot('postgresql://app@[server-name]:[password]@db.example:5432/app'), true);
    assert.equal(holdsTemplateSlot('postgresql://app:q7Zk2xW9@[::1]:5432/app'), false);
  });

  it("knows the published development keys (Hardhat's and Anvil's first account, with or without 0x), not a random key", () => {
    const firstAccount = join('ac0974bec39a17e36ba4a6b4d238ff94', '4bacb478cbed5efcae784d7bf4f2ff80');
    assert.equal(isPublicDevelopmentKey(firstAccount), true);
    assert.equal(isPublicDevelopmentKey(`0x${firstAccount}`), true);
    assert.equal(isPublicDevelopmentKey(`0x${hex(64)}`), false);
    assert.equal(isPublicDevelopmentKey(join('0x7726827caac94a7f9e1b160f7ea819f1', '72f7b6f9d2a97f992c38edeab82d4110')), true, "zkSync's first rich wallet");
    assert.equal(isPublicDevelopmentKey(join('sig_', '7kYjw48mhY7kAjqNGcy6cr29RJ6r')), true, "QStash's development server's default user's signing key");
  });

  it("knows the digests of common words, as typed and with the line break echo adds; not a random digest", () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    assert.equal(isDigestOfCommonWord(md5('hello')), true);
    assert.equal(isDigestOfCommonWord(md5('hello\n')), true, '`echo hello | md5sum`');
    assert.equal(isDigestOfCommonWord(createHash('sha256').update('test\n').digest('hex')), true);
    assert.equal(isDigestOfCommonWord(md5(randomText(12))), false);
    assert.equal(isPlaceholder(['appsk_', 'kV3ts5tKPNJN4Dl25cMTfUNdmabxbX0O'].join('')), true, "Svix's documented application token");
  });

  it('measures entropy', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });

  it('masks to a quarter of the text at most, four characters at most, and gives the length', () => {
    assert.equal(maskCredential('abcdefghijklmnopqrstuvwx'), 'abcd… (24 characters)');
    assert.equal(maskCredential('abcdefgh'), 'ab… (8 characters)');
    assert.equal(maskCredential('abc'), '… (3 characters)');
  });
});
