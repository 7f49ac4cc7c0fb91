import assert from 'node:assert/strict';
import { isTranslationFile } from '../../../../src/core/detect/translation-files';

describe('core/detect/translation-files', () => {
  it('knows translation files by folder, by format and by a language code in the name', () => {
    for (const file of [
      '/w/conf/locale/locale_es-ES.ini',
      '/w/config/locales/ja.yml',
      '/w/resources/lang/en/auth.php',
      '/w/src/i18n/messages.json',
      '/w/po/fr.po',
      '/w/app/strings.de.json',
      '/w/src/main/resources/messages_fr.properties',
      '/w/core/src/main/resources/jenkins/security/ApiTokenProperty/config_fr.properties',
      '/w/src/main/resources/Messages_de_DE.properties',
      '/w/libraries/ui-strings/src/main/res/values-da/translations.xml',
      '/w/app/src/main/res/values-pt-rBR/strings.xml',
      '/w/web/pt-BR.json',
      'C:\\w\\locales\\de.json',
    ]) {
      assert.equal(isTranslationFile(file), true, file);
    }
  });

  it('leaves code and configuration alone, even named like a language code', () => {
    for (const file of ['/w/src/id.ts', '/w/lib/ms.js', '/w/config/database.yml', '/w/.env', '/w/src/settings.json', '/w/src/language-server.ts', '/w/config/application.properties', '/w/config/application_prod.properties', '/w/app/src/main/res/values/strings.xml']) {
      assert.equal(isTranslationFile(file), false, file);
    }
  });
});
