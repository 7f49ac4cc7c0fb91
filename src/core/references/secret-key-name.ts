import { NAME_PATTERN } from '../model';

export interface SecretKeyNameHints {
  /** The header, property or variable the value was assigned to: "Authorization", "stripeApiKey". */
  readonly headerOrVariableName?: string;
  /** The executor's name, which prefixes a header's name: "stripe-webhook". */
  readonly executorName?: string;
  /** The file's name, used when nothing else names the value. */
  readonly fileName?: string;
}

const MAXIMUM_LENGTH = 63;
const FALLBACK_NAME = 'secret';

/** "stripeApiKey" → "stripe-api-key", "X-API_Key" → "x-api-key", "Ünïcode" → "unicode". */
export function toKebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/(\.(test|spec))?\.[^.]+$/, '');
}

/**
 * A valid secret name (NAME_PATTERN) for a value moved out of code, from what surrounds it:
 * header "Authorization" in executor "stripe-webhook" → "stripe-webhook-authorization";
 * variable "stripeApiKey" → "stripe-api-key".
 */
export function suggestSecretKeyName(hints: SecretKeyNameHints): string {
  const owner = toKebabCase(hints.headerOrVariableName ?? '');
  const prefix = toKebabCase(hints.executorName ?? '') || (owner ? '' : toKebabCase(fileStem(hints.fileName ?? '')));
  const alreadyPrefixed = owner === prefix || owner.startsWith(`${prefix}-`);
  let name = prefix && owner && !alreadyPrefixed ? `${prefix}-${owner}` : owner || prefix;
  if (name.length > MAXIMUM_LENGTH) name = name.slice(0, MAXIMUM_LENGTH).replace(/-+$/, '');
  if (name.length === 0) name = FALLBACK_NAME;
  if (name.length < 3) name = `${name}-${FALLBACK_NAME}`;
  return NAME_PATTERN.test(name) ? name : FALLBACK_NAME;
}
