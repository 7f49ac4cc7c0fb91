import { randomBytes } from 'node:crypto';
import { fake, randomText } from '../fake-credentials';
import { assertFinds, assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

const base64 = (text: string): string => Buffer.from(text).toString('base64');

describe('core/detect/rules/basic-auth', () => {
  it('finds Basic credentials that decode to user:password in the five contexts', async () => {
    const credentialOf = (value: string) => value.slice('Basic '.length);
    await assertFoundInFiveContexts('secret-manager/basic-authorization', () => `Basic ${fake.basicCredential()}`, undefined, credentialOf);
  });

  it('finds a Basic credential in an ordinary request header, outside executor files', async () => {
    const credential = fake.basicCredential();
    await assertFinds(`await fetch(url, { headers: { Authorization: "Basic ${credential}" } });\n`, 'secret-manager/basic-authorization', credential);
  });

  it('finds user:password literals encoded in place with btoa or Buffer.from', async () => {
    for (const quote of ['"', "'", '`']) {
      const literal = fake.userAndPassword();
      await assertFinds(`const headers = { Authorization: \`Basic \${btoa(${quote}${literal}${quote})}\` };\n`, 'secret-manager/encoded-basic-credential', literal);
      await assertFinds(`const auth = window.btoa(${quote}${literal}${quote});\n`, 'secret-manager/encoded-basic-credential', literal);
      await assertFinds(`const auth = Buffer.from(${quote}${literal}${quote}).toString("base64");\n`, 'secret-manager/encoded-basic-credential', literal);
    }
    const token = randomText(32);
    await assertFinds(`const auth = btoa(\`\${user}:${token}\`);\n`, 'secret-manager/encoded-basic-credential', `\${user}:${token}`);
  });

  it("leaves JSON encoded in place alone: a JWT's parts built in a test", async () => {
    await assertNothingFound("const token = `${btoa('{\"alg\":\"HS256\"}')}.${btoa('{\"sub\":\"1\"}')}.c2ln`;\n", '/w/src/sniff.test.ts');
  });

  it('leaves near-misses alone', async () => {
    // Binary, a documentation example, a trivial password, no colon, a template, a password with blanks.
    await assertNothingFound(`const header = "Basic ${randomBytes(24).toString('base64')}";\n`);
    await assertNothingFound(`const header = "Basic ${base64('user:password')}";\n`);
    await assertNothingFound(`const header = "Basic ${base64('admin:admin')}";\n`);
    await assertNothingFound(`const header = "Basic ${base64('Aladdin:open sesame')}";\n`);
    await assertNothingFound(`const header = "Basic ${base64(randomText(24))}";\n`);
    await assertNothingFound(`const header = "Basic ${base64(`deploy:${randomText(8)}:${randomText(8)}`)}";\n`);
    await assertNothingFound(`const header = "Basic ${base64('deploy:${PASSWORD}')}";\n`);
    await assertNothingFound(`// Basic authentication is turned off here.\n`);
    await assertNothingFound(`const auth = btoa(\`\${user}:\${password}\`);\n`);
    await assertNothingFound(`const auth = btoa("user:changeme");\n`);
    await assertNothingFound(`const encoded = btoa("${randomText(24)}");\n`);
    await assertNothingFound(`const bytes = Buffer.from("deploy:${randomText(16)}");\n`);
    await assertNothingFound(`const hex = Buffer.from("deploy:${randomText(16)}").toString("hex");\n`);
  });

  it("finds the password given to curl's -u and --user, in scripts and documentation", async () => {
    const password = randomText(16);
    await assertFinds(`#!/bin/sh\ncurl -u admin:${password} https://api.internal.test/v1/items\n`, 'secret-manager/curl-user-password', password, '/w/deploy.sh');
    await assertFinds(`curl --user "deploy:${password}" https://registry.test/upload\n`, 'secret-manager/curl-user-password', password, '/w/README.md');
    await assertFinds(`    curl -sS --user=ci:${password} \\\n      https://ci.test/api\n`, 'secret-manager/curl-user-password', password, '/w/.gitlab-ci.yml');
  });

  it('leaves curl given variables or stand-ins as its password alone', async () => {
    await assertNothingFound('curl -u admin:$ADMIN_PASSWORD https://api.test/\n', '/w/deploy.sh');
    await assertNothingFound('curl -u "$USER:$TOKEN" https://api.test/\n', '/w/deploy.sh');
    await assertNothingFound("curl -u 'http://localhost:9000/api/public/subscription' \\\n  -H 'Content-Type: application/json'\n", '/w/docs/apis/subscribers.md');
    await assertNothingFound('curl -u user:password https://api.test/\n', '/w/README.md');
    await assertNothingFound('curl -u <username>:<password> https://api.test/\n', '/w/README.md');
  });
});
