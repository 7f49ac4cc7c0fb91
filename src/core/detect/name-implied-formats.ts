/**
 * Names that say which provider's credential a field holds, and that provider's format. Only formats
 * that every credential of the name has, so that a value of another shape is a stand-in
 * (`"datadog_api_key": "2o86gyhufa2ugyf4"` in a design document).
 */
const NAME_IMPLIED_FORMATS: readonly { readonly name: RegExp; readonly format: RegExp }[] = [
  // Datadog's API keys are 32 hex, its application keys 40 hex.
  { name: /datadog[_-]?api[_-]?key$|^dd[_-]?api[_-]?key$/i, format: /^[0-9a-f]{32}$/i },
  { name: /datadog[_-]?app(?:lication)?[_-]?key$|^dd[_-]?app(?:lication)?[_-]?key$/i, format: /^[0-9a-f]{40}$/i },
  // Splunk's HTTP Event Collector tokens are UUIDs.
  { name: /splunk[_-]?hec[_-]?token$/i, format: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
  // SendGrid's keys: "SG.", 22 and 43 characters.
  { name: /sendgrid[_-]?api[_-]?key$/i, format: /^SG\.[\w-]{22}\.[\w-]{43}$/ },
];

/** True when the name says whose credential it is, and the value has not that provider's format. */
export function contradictsItsName(name: string, value: string): boolean {
  return NAME_IMPLIED_FORMATS.some((implied) => implied.name.test(name) && !implied.format.test(value));
}
