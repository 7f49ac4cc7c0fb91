import type { ProjectRule } from '../project-rule';
import { isPublicDevelopmentKey } from '../placeholders';
import { isOneCharacterRepeated } from '../stand-in-tokens';
import { groupIfCredential, isUnderHashName, mixesCaseAndDigits, mixesLettersAndDigits, wholeMatchIfCredential, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * Microsoft Teams incoming-webhook URLs, on the retired outlook.office.com host and on the
 * tenant's *.webhook.office.com host (whose newer URLs end in a /V2… signature).
 */
export const teamsWebhookRule: ProjectRule = {
  id: 'secret-manager/teams-webhook',
  title: 'Microsoft Teams incoming webhook URL',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['.webhook.office.com/webhookb2/', 'outlook.office.com/webhook/', 'outlook.office365.com/webhook/'],
  pattern: new RegExp(
    String.raw`https://(?:[a-z0-9-]+\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/` +
      String.raw`${UUID}@${UUID}/IncomingWebhook/([0-9a-fA-F]{32})/${UUID}(?:/V2[\w-]{20,})?(?![\w-])`,
    'dg',
  ),
  // `…/IncomingWebhook/000…0/…`: one digit typed where the webhook's id goes.
  accept: (match) => (isOneCharacterRepeated(match[1]) ? undefined : wholeMatchIfCredential(match)),
};

/**
 * Logic Apps and Power Automate HTTP-trigger URLs (the Teams "Workflows" webhooks): the sig=
 * parameter is a shared-access signature that lets anyone run the workflow.
 */
export const workflowTriggerUrlRule: ProjectRule = {
  id: 'secret-manager/azure-workflow-trigger-url',
  title: 'Logic Apps / Power Automate trigger URL with signature',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['.logic.azure.com', '.api.powerplatform.com'],
  pattern:
    /https:\/\/[\w.-]+\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::\d+)?\/[\w/.-]*?workflows\/[0-9a-f]{32}\/triggers\/[^\s"'`<>?]+\?[^\s"'`<>]*?\bsig=([\w-]{40,})/dg,
  accept: (match) => (groupIfCredential(match, 1, 'format') ? wholeMatchIfCredential(match) : undefined),
};

/**
 * Entra ID (Azure AD) client secrets: three characters, a digit, "Q~", and 31–34 more. Anchored
 * on "~", the five characters checked behind it.
 */
export const entraClientSecretRule = formatRule({
  id: 'secret-manager/entra-client-secret',
  title: 'Entra ID (Azure AD) client secret',
  // Anchored on "~", not "Q~": "Q" cost the literal scan a pass of its own (2.3 ms on the bench
  // tree), "~" is rare in code (0.8 ms). The lookbehind keeps a "~" among the first characters
  // from starting a match that would swallow the real one.
  requiredText: ['~'],
  pattern: /(?<=\dQ)~[\w~.-]{31,34}(?![\w~.-])/dg,
  accept: (match) => withPrefixBefore(match, 5, /^[\w~.]{3}\dQ$/, /[\w~.-]/),
});

/** A bare Azure storage account key (88 base64 characters of 64 random bytes, ending "=="), where the line speaks of Azure or an account key. */
export const azureStorageKeyRule: ProjectRule = {
  id: 'secret-manager/azure-storage-key',
  title: 'Azure storage account key',
  severity: 'warning',
  certainty: 'heuristic',
  // Few and short: each keyword costs the combined keyword pass over every file.
  keywords: ['azure', 'account[_-]?key'],
  // "-" before it: an integrity hash (sha512-…) has the same shape.
  pattern: /(?<![\w+/-])([A-Za-z0-9+/]{86}==)(?![\w+/=])/dg,
  accept(match) {
    if (!mixesCaseAndDigits(match[1]) || isPublicDevelopmentKey(match[1])) return undefined;
    return groupIfCredential(match, 1, 'name');
  },
};

/** Azure OpenAI and Cognitive Services keys: 32 hex, where the line names Azure or OpenAI. */
export const azureOpenAiKeyRule: ProjectRule = {
  id: 'secret-manager/azure-openai-key',
  title: 'Azure OpenAI / Cognitive Services key',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: ['azure', 'openai'],
  // "/" around it: an id in a URL path (a Logic Apps workflow id on *.logic.azure.com); "_" before it: a prefixed id (`req_f51c…`).
  pattern: /(?<![0-9A-Za-z/_-])([0-9a-f]{32})(?![0-9A-Za-z/-])/dg,
  // Not under a hash's name: recorded package-index responses (`"md5": "53ef…"`) name Azure OpenAI's SDK too.
  accept: (match) =>
    mixesLettersAndDigits(match[1]) && !isUnderHashName(match.input, match.index) && !namesAzureOnlyInHosts(match.input, match.index) ? groupIfCredential(match, 1, 'name') : undefined,
};

/** A host name holding the word (`api.openai.com`, `x.openai.azure.com`): a URL, not a key's name. */
const AZURE_OR_OPENAI_HOST = /[\w-]*(?:azure|openai)[\w-]*(?:\.[\w-]+)+/gi;

/**
 * `… "https://api.openai.com/v1/chat/completions" "5c5e0b95…" "ai_chat"`: a gateway's access log,
 * whose line names the provider only in a URL; the 32 hex are a request's id.
 */
function namesAzureOnlyInHosts(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  return !/azure|openai/i.test(line.replace(AZURE_OR_OPENAI_HOST, ' '));
}

/**
 * Microsoft's common annotated security keys, which Azure AI services (OpenAI among them) issue since
 * 2024: 84 letters and digits, "JQQJ9" and a version character after the first 52, a signature after.
 */
export const azureAnnotatedKeyRule = formatRule({
  id: 'secret-manager/azure-annotated-key',
  title: 'Azure annotated security key (AI services, OpenAI)',
  // Anchored on the signature, the 52 characters before it checked behind.
  requiredText: ['JQQJ9'],
  pattern: /JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?![A-Za-z0-9])/dg,
  accept: (match) => withPrefixBefore(match, 52, RANDOM_52, /[A-Za-z0-9]/),
});

/** The random part before an annotated key's signature: letters of both cases and digits, as random text of that length holds. */
const RANDOM_52 = /^(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)[A-Za-z0-9]{52}$/;

/**
 * An ASP.NET Core Data Protection key ring's master key stored unencrypted (`key-<uuid>.xml`, which
 * says "Warning: the key below is in an unencrypted form"): it signs the app's cookies and antiforgery tokens.
 */
export const dataProtectionMasterKeyRule = formatRule({
  id: 'secret-manager/aspnet-data-protection-key',
  title: 'ASP.NET Core Data Protection master key',
  requiredText: ['<masterKey'],
  pattern: /<masterKey\b[^>]*>\s*(?:<!--[\s\S]{0,300}?-->\s*)?<value>([A-Za-z0-9+/]{40,}={0,2})<\/value>/dg,
  accept: (match) => groupIfCredential(match, 1, 'format'),
});

/**
 * Azure shared access signatures: the `sig=` of a query that also names the service version
 * (`sv=2022-11-02&…&sig=…%3D`). Whoever holds the URL or token has the access it grants until it expires.
 */
export const azureSasTokenRule = formatRule({
  id: 'secret-manager/azure-sas-token',
  title: 'Azure shared access signature',
  requiredText: ['sig='],
  pattern: /(?<=[?&;])sig=((?:[A-Za-z0-9+/]|%2[BbFf]){40,60}(?:%3[Dd]|=){0,2})(?![\w%+/=])/dg,
  accept(match, context) {
    const query = /[^\s"'`<>]*$/.exec(match.input.slice(Math.max(0, match.index - 600), match.index))?.[0] ?? '';
    if (!/(?:^|[?&;=])sv=\d{4}-\d{2}-\d{2}(?:&|$)/.test(query) || !mixesCaseAndDigits(match[1])) return undefined;
    // In a web page (or its markup anywhere: `&amp;` between the parameters) it is an asset's link, served to every visitor.
    if (query.includes('&amp;') || /\.html?$/i.test(context.filePath)) return undefined;
    return groupIfCredential(match, 1, 'format');
  },
});
