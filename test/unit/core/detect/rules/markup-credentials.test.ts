import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound } from './five-contexts';

const RULE = 'secret-manager/markup-credential';

describe('core/detect/rules/markup-credentials', () => {
  it("finds credentials in Maven's and NuGet's settings, .NET's configuration and property lists", async () => {
    const password = randomText(20);
    await assertFinds(`<settings>\n  <servers>\n    <server>\n      <id>nexus</id>\n      <password>${password}</password>\n    </server>\n  </servers>\n</settings>\n`, RULE, password, '/w/settings.xml');
    await assertFinds(`<properties>\n  <db.password>${password}</db.password>\n</properties>\n`, RULE, password, '/w/pom.xml');
    await assertFinds(`<packageSourceCredentials>\n  <github>\n    <add key="ClearTextPassword" value="${password}" />\n  </github>\n</packageSourceCredentials>\n`, RULE, password, '/w/NuGet.Config');
    await assertFinds(`<appSettings>\n  <add key="StripeSecretKey" value='${password}' />\n</appSettings>\n`, RULE, password, '/w/Web.config');
    await assertFinds(`<bean id="ds">\n  <property name="password" value="${password}"/>\n</bean>\n`, RULE, password, '/w/src/main/resources/context.xml');
    await assertFinds(`<dict>\n  <key>API_KEY</key>\n  <string>${password}</string>\n</dict>\n`, RULE, password, '/w/App/Info.plist');
    await assertFinds(`Configure the data source:\n\n\`\`\`xml\n<property name="password" value="${password}"/>\n\`\`\`\n`, RULE, password, '/w/src/site/markdown/configuration.md');
    const token = randomText(128, '0123456789abcdef');
    await assertFinds(`<cgi-data>\n  <var key="action_dispatch.secret_token">${token}</var>\n</cgi-data>\n`, RULE, token, '/w/spec/fixtures/notice.xml');
    // PHPUnit's configuration, as projects commit it.
    const appKey = '5b0e3f9a71c24d86a0e9f12c7d3b6a48';
    await assertFinds(`<php>\n        <env name="APP_KEY" value="${appKey}"/>\n</php>\n`, RULE, appKey, '/w/phpunit.xml.dist');
  });

  it('leaves property references, stand-ins, public values and other markup alone', async () => {
    await assertNothingFound('<password>${env.NEXUS_PASSWORD}</password>\n', '/w/settings.xml');
    await assertNothingFound('<add key="ApiKey" value="your-api-key-here" />\n', '/w/App.config');
    await assertNothingFound('<add key="SmtpPassword" value="$(SmtpPassword)" />\n', '/w/Web.config');
    await assertNothingFound(`<add key="PublicKey" value="${randomText(20)}" />\n`, '/w/Web.config');
    await assertNothingFound('<token>\n</token>\n', '/w/pom.xml');
    // Outside XML configuration files the rule does not run.
    await assertNothingFound(`<p>Your password: <password>${randomText(20)}</password></p>\n`, '/w/docs/index.html');
  });
});
