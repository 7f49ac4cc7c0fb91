import path from 'node:path';

/** Folders that hold an interface's translations. */
const TRANSLATION_FOLDERS = new Set(['locale', 'locales', 'i18n', 'l10n', 'lang', 'langs', 'translations', 'localization', 'localizations', 'localisation', 'localisations']);
/** Formats made for translations only. */
const TRANSLATION_EXTENSIONS = new Set(['.po', '.pot', '.xlf', '.xliff', '.strings', '.arb']);
/** ISO 639-1 codes of the languages interfaces are most often translated into. */
const LANGUAGE_CODES =
  'af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ku ky lo lt lv mk ml mn mr ms mt my nb ne nl nn no pa pl ps pt ro ru si sk sl sq sr sv sw ta te th tl tr uk ur uz vi zh';
const LANGUAGE = `(?:${LANGUAGE_CODES.split(' ').join('|')})(?:[-_][A-Za-z]{2,4})?`;
/**
 * `locale_es-ES.ini`, `messages_fr.properties`, `strings.de.json`; and a bare language code only for a
 * data file (`ja.yml`, `pt-BR.json`): `id.ts` or `ms.js` are code.
 */
const TRANSLATION_FILE_NAME = new RegExp(
  // A Java resource bundle names any base this way: `config_fr.properties`, `Messages_de_DE.properties`.
  `^(?:(?:locale|messages|strings|translations?|lang)[-_.]${LANGUAGE}\\.(?:ya?ml|json|ini|properties|toml|php|js|ts)|${LANGUAGE}\\.(?:ya?ml|json|ini|properties|toml)|[\\w-]+_${LANGUAGE}\\.properties)$`,
  'i',
);

/**
 * True for a file of translated interface text, where a field named `password` or `api_key` holds
 * the words "Contraseña" or "新しいAPIキー": the heuristic rules (a credential-like name) give only noise
 * there. Provider formats are still looked for.
 */
export function isTranslationFile(filePath: string): boolean {
  const parts = filePath.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (TRANSLATION_EXTENSIONS.has(path.extname(name).toLowerCase())) return true;
  if (parts.slice(0, -1).some((folder) => TRANSLATION_FOLDERS.has(folder.toLowerCase()))) return true;
  // Android's resources for one language: `res/values-da/strings.xml` (not `res/values/`, where apps keep their keys too).
  if (/^values-[a-z]{2}(?:-r[A-Z]{2})?$/.test(parts.at(-2) ?? '') && parts.at(-3) === 'res' && name.endsWith('.xml')) return true;
  return TRANSLATION_FILE_NAME.test(name);
}
