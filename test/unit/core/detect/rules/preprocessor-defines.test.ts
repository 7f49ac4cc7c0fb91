import { hex, randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound } from './five-contexts';

describe('core/detect/rules/preprocessor-defines', () => {
  it('finds a credential defined as a macro in C, C++ and Objective-C', async () => {
    const secret = hex(64);
    await assertFinds(`#define TESLA_CLIENT_SECRET "${secret}"\n`, 'secret-manager/credential-define', secret, '/w/hardware/TeslaApi.cpp');
    const token = `${randomText(30)}aB7`;
    await assertFinds(`#define kApiToken @"${token}"\n`, 'secret-manager/credential-define', token, '/w/App/Config.h');
  });

  it('leaves stand-ins, other macros and names that say no credential alone', async () => {
    await assertNothingFound('#define API_KEY "your-api-key-here"\n#define PASSWORD_MAX_LENGTH 64\n#define SECRET_NAME "db-credentials"\n', '/w/src/config.h');
    await assertNothingFound(`#define TOKEN_PREFIX "${randomText(30)}aB7"\n`, '/w/src/config.h');
  });
});
