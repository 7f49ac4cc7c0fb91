import { randomText } from '../fake-credentials';
import { assertFinds, assertNothingFound } from './five-contexts';

const RULE = 'secret-manager/gradle-build-config';

describe('core/detect/rules/gradle-build-config', () => {
  it("finds a credential compiled in by Gradle's buildConfigField or resValue, in Groovy and Kotlin", async () => {
    const secret = randomText(40);
    await assertFinds(`android {\n    buildConfigField "String", "PODCASTINDEX_API_SECRET", '"${secret}"'\n}\n`, RULE, secret, '/w/net/discovery/build.gradle');
    await assertFinds(`defaultConfig {\n    buildConfigField("String", "WEATHER_API_KEY", "\\"${secret}\\"")\n}\n`, RULE, secret, '/w/app/build.gradle.kts');
    await assertFinds(`    resValue "string", "maps_api_key", "${secret}"\n`, RULE, secret, '/w/app/build.gradle');
  });

  it('leaves values read from properties, stand-ins, other names and other files alone', async () => {
    await assertNothingFound(`buildConfigField "String", "API_SECRET", "\\"\${apiSecret}\\""\nbuildConfigField "String", "API_KEY", '"your-api-key"'\n`, '/w/app/build.gradle');
    await assertNothingFound(`buildConfigField "String", "API_SECRET", project.property("apiSecret")\nbuildConfigField "String", "BASE_URL", '"${randomText(40)}"'\n`, '/w/app/build.gradle');
    await assertNothingFound(`buildConfigField "String", "API_SECRET", '"${randomText(40)}"'\n`, '/w/docs/notes.txt');
  });
});
