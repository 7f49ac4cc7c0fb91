import type { ProjectRule } from '../project-rule';
import { CREDENTIAL_NAME_ENDINGS, IDENTIFIER_TOKEN_NAME, NOT_A_SECRET_NAME } from './credential-fields';
import { groupJudgedUnderName } from './credential-match';

/**
 * XML configuration: Maven's and NuGet's settings, .NET's App.config and Web.config, MSBuild
 * projects, Spring's bean files, Apple's property lists, PHPUnit's `phpunit.xml.dist`; and their examples in Markdown.
 */
const XML_FILES = /\.(?:xml|config|csproj|vbproj|fsproj|props|targets|pubxml|plist|jmx|xsd|md|mdx)$|\.xml\.dist$/i;

const NAME = String.raw`[\w.:-]{0,60}?(?:${CREDENTIAL_NAME_ENDINGS})`;
/** A value as XML writes it: no markup, no blank at its ends. */
const TEXT = String.raw`[^<>\s](?:[^<>\n]{0,4094}[^<>\s])?`;

const PATTERN = new RegExp(
  [
    // `<password>…</password>`, `<db.password>…</db.password>` (a Maven property).
    String.raw`<(?<elementName>${NAME})>(?<elementValue>${TEXT})</\k<elementName>>`,
    // `<add key="SmtpPassword" value="…" />`, `<property name="password" value="…"/>`.
    String.raw`<(?:add|setting|property|entry|param|parameter|variable|env)\b[^<>]{0,200}?\b(?:key|name)\s*=\s*(?<quote>["'])(?<attributeName>${NAME})\k<quote>[^<>]{0,200}?\bvalue\s*=\s*(?<valueQuote>["'])(?<attributeValue>(?:(?!\k<valueQuote>)[^<>\n]){1,4096})\k<valueQuote>`,
    // `<var key="action_dispatch.secret_token">…</var>`: an element named by its attribute, its text the value.
    String.raw`<(?<namedTag>[\w:-]{1,40})\b[^<>]{0,200}?\b(?:key|name)\s*=\s*(?<namedQuote>["'])(?<namedName>${NAME})\k<namedQuote>[^<>]{0,200}>(?<namedValue>${TEXT})</\k<namedTag>>`,
    // `<key>API_KEY</key>` then `<string>…</string>`: a property list.
    String.raw`<key>(?<keyName>${NAME})</key>\s*<string>(?<keyValue>${TEXT})</string>`,
  ].join('|'),
  'dgi',
);

const PAIRS = [
  ['elementName', 'elementValue'],
  ['attributeName', 'attributeValue'],
  ['keyName', 'keyValue'],
  ['namedName', 'namedValue'],
] as const;

/**
 * A credential in XML configuration, as an element's text, a key-and-value setting or a property
 * list's entry, whose name ends with a credential word and whose value the shared judgement keeps.
 */
export const markupCredentialRule: ProjectRule = {
  id: 'secret-manager/markup-credential',
  title: 'Credential in XML configuration',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  filePaths: XML_FILES,
  requiredText: ['<'],
  pattern: PATTERN,
  accept(match) {
    const groups = match.groups ?? {};
    const pair = PAIRS.find(([name]) => groups[name] !== undefined);
    if (!pair) return undefined;
    const [nameGroup, valueGroup] = pair;
    const name = groups[nameGroup];
    if (NOT_A_SECRET_NAME.test(name) || IDENTIFIER_TOKEN_NAME.test(name.replace(/^.*[.:]/, ''))) return undefined;
    return groupJudgedUnderName(match, valueGroup, name);
  },
};
