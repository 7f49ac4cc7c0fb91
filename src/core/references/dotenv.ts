/** The environment variable a declared key's value is read from: `new-key` → `NEW_KEY`; a leading digit gets `SECRET_` before it. */
export function environmentVariableName(key: string): string {
  const name = key.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return /^[0-9]/.test(name) ? `SECRET_${name}` : name;
}

/** True when a .env text assigns `name` (`NAME=…` or `export NAME=…`). */
export function dotenvAssigns(text: string, name: string): boolean {
  return new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*=`, 'm').test(text);
}

/**
 * The .env line `NAME='value'`, quoted so dotenv reads the value back unchanged: single quotes keep
 * everything literal; a value holding one gets double quotes (newlines as \n), then backticks.
 */
export function dotenvAssignment(name: string, value: string): string {
  if (!value.includes("'") && !/[\r\n]/.test(value)) return `${name}='${value}'`;
  if (!value.includes('"') && !value.includes('\\')) return `${name}="${value.replace(/\r?\n/g, '\\n')}"`;
  if (!value.includes('`') && !/[\r\n]/.test(value)) return `${name}=\`${value}\``;
  throw new Error(`The value cannot be written to a .env file for ${name}: it holds every kind of quote. Set ${name} in the environment instead.`);
}
